/**
 * Fitting the pulse-response models of the devices module to pulse-response cycles (docs/calibration.md):
 * {@link PulseResponseCalibration} is the entry point, {@link PulseResponseFit} the result (fit summary, device
 * preset, figure data). The models are mirrored here in double precision as one-pulse maps G -> G' in siemens, in
 * the fit's own parameters (steps in siemens, bounds, shapes); every fit ends with a check that the devices module's
 * own population gives the same one-pulse responses for the written preset, so the fit and the simulation cannot
 * disagree. What does not belong here: the simulation itself (devices) and figures (reports).
 */
package org.xbarlab.calibration.pulse;
