package org.xbarlab.calibration.pulse;

import java.util.List;

import org.xbarlab.calibration.FitParameter;
import org.xbarlab.core.Checks;

/**
 * The fit of one device (or of all devices pooled, device -1).
 *
 * @param device the device id of the file, or -1 for a pooled fit
 * @param minConductanceSiemens the window's lower end (S): fitted, or the smallest reading for hard-bound models
 * @param maxConductanceSiemens the window's upper end (S)
 * @param parameters the model's parameters with standard errors, in the model's order
 * @param pairCount number of pulse observations used, positive
 * @param rootMeanSquareErrorSiemens root mean square of the one-pulse residuals (S)
 */
public record DeviceFit(int device, double minConductanceSiemens, double maxConductanceSiemens,
                        List<FitParameter> parameters, int pairCount, double rootMeanSquareErrorSiemens) {

    /** Validates the fields and copies the list. */
    public DeviceFit {
        Checks.isTrue(device >= -1, "device must be -1 (pooled) or an id, got %s", device);
        Checks.nonNegativeFinite("minConductanceSiemens", minConductanceSiemens);
        Checks.finite("maxConductanceSiemens", maxConductanceSiemens);
        Checks.notNull("parameters", parameters);
        parameters = List.copyOf(parameters);
        Checks.positive("pairCount", pairCount);
        Checks.nonNegativeFinite("rootMeanSquareErrorSiemens", rootMeanSquareErrorSiemens);
    }
}
