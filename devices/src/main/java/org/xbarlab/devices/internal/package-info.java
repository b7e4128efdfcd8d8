/**
 * Not API: the vectorized per-model pulse kernels and buffers behind {@code org.xbarlab.devices.DevicePopulation}.
 * Other modules must not import this package (STYLE.md B2).
 */
package org.xbarlab.devices.internal;
