/**
 * Pulse-response models: the sealed {@link org.xbarlab.devices.response.PulseResponseConfig} family (ideal,
 * quantized, aihwkit's step devices and NeuroSim's nonlinear LTP/LTD curves) and NeuroSim's nonlinearity-label
 * conversion. Only the deterministic step shape lives here; variation is in {@code org.xbarlab.devices.config}, the
 * vectorized kernels in {@code org.xbarlab.devices.internal}, noise and drift in their own packages.
 */
package org.xbarlab.devices.response;
