/**
 * Cited device presets: JSON resources plus the typed accessor {@link org.xbarlab.devices.presets.DevicePresets}.
 */
package org.xbarlab.devices.presets;
