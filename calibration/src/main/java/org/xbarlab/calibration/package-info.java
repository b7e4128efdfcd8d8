/**
 * Fitting device models to measured data and producing device presets (docs/calibration.md). Depends on devices,
 * never on crossbar.
 *
 * <ul>
 *   <li>{@code org.xbarlab.calibration.data}: the three CSV input formats (pulse response, drift, programming),
 *   read and validated into immutable data objects; bad data fails with a {@link CalibrationDataException} naming
 *   the file, the row, the column and the problem;</li>
 *   <li>{@code org.xbarlab.calibration.fit}: weighted nonlinear least squares by Levenberg-Marquardt (Apache
 *   Commons Math) with standard errors from the Jacobian at the optimum;</li>
 *   <li>{@code org.xbarlab.calibration.pulse}: pulse-response models of the devices module fitted to pulse-response
 *   cycles, device-to-device spread, cycle-to-cycle noise, model choice by an information criterion;</li>
 *   <li>{@code org.xbarlab.calibration.drift} and {@code org.xbarlab.calibration.programming}: the drift exponent's
 *   distribution and the programming noise;</li>
 *   <li>this package: the results shared by all fits ({@link FitParameter}, {@link FitQuality}, {@link FitCurves})
 *   and the preset files ({@link PresetFiles}).</li>
 * </ul>
 * What does not belong here: simulation of devices (the devices module) and drawing (the reports module).
 */
package org.xbarlab.calibration;
