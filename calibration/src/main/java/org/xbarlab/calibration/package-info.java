/**
 * Fitting device models to measured data and producing presets. Depends on devices, never on crossbar.
 */
package org.xbarlab.calibration;
