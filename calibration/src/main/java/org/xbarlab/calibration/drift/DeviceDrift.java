package org.xbarlab.calibration.drift;

import org.xbarlab.core.Checks;

/**
 * The power-law fit of one device: {@code ln G(s) = ln G_prog - nu ln((s + t0) / t0)}.
 *
 * @param device the device id of the file
 * @param exponent the drift exponent nu
 * @param exponentStandardError its standard error (NaN with 2 readings)
 * @param programmedConductanceSiemens {@code G_prog}, the fitted conductance at s = 0 (S)
 * @param readingCount number of readings, at least 2
 * @param logResidualSigma the residual standard deviation of ln G (NaN with 2 readings)
 * @param targetConductanceSiemens the device's programming target from the file (S), or NaN when not given
 */
public record DeviceDrift(int device, double exponent, double exponentStandardError,
                          double programmedConductanceSiemens, int readingCount, double logResidualSigma,
                          double targetConductanceSiemens) {

    /** Validates the fields. */
    public DeviceDrift {
        Checks.isTrue(Double.isNaN(targetConductanceSiemens) || targetConductanceSiemens >= 0,
                "targetConductanceSiemens must be non-negative or NaN, got %s", targetConductanceSiemens);
        Checks.finite("exponent", exponent);
        Checks.positiveFinite("programmedConductanceSiemens", programmedConductanceSiemens);
        Checks.isTrue(readingCount >= 2, "readingCount must be at least 2, got %s", readingCount);
    }

    /**
     * The conductance the exponent's distribution depends on: the programming target when the file gives it (the
     * devices module draws the exponent from the target), else the fitted conductance right after programming.
     *
     * @return the conductance (S)
     */
    public double dependenceConductanceSiemens() {
        return Double.isNaN(targetConductanceSiemens) ? programmedConductanceSiemens : targetConductanceSiemens;
    }
}
