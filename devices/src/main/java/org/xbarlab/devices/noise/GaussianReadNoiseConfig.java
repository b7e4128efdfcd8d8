package org.xbarlab.devices.noise;

import org.xbarlab.core.Checks;

/**
 * Gaussian read noise with an absolute and a conductance-proportional part ({@code "model": "gaussian"}): a read
 * of conductance g returns {@code max(0, g + sigma(g)·ξ)} with a fresh standard normal ξ per device and read and
 * <pre>  sigma(g) = sqrt(sigmaSiemens² + (sigmaRelative·|g|)²)</pre>
 * that is, the two parts are independent Gaussian sources added in quadrature (CrossSim's "Independent" and
 * "Proportional" read-noise models together; NeuroSim's {@code sigmaReadNoise} is the proportional part alone).
 *
 * @param sigmaSiemens standard deviation of the absolute part (S), finite and {@code >= 0}
 * @param sigmaRelative standard deviation of the proportional part, relative to the conductance read, finite
 *        and {@code >= 0}
 */
public record GaussianReadNoiseConfig(double sigmaSiemens, double sigmaRelative) implements ReadNoiseConfig {

    /** Validates the fields; messages name the field. */
    public GaussianReadNoiseConfig {
        Checks.nonNegativeFinite("sigmaSiemens", sigmaSiemens);
        Checks.nonNegativeFinite("sigmaRelative", sigmaRelative);
    }

    /**
     * A starting point, not a fitted figure: no absolute part and 1 % of the conductance.
     *
     * @return {@code sigmaSiemens = 0}, {@code sigmaRelative = 0.01}
     */
    public static GaussianReadNoiseConfig defaults() {
        return new GaussianReadNoiseConfig(0.0, 0.01);
    }

    /**
     * The standard deviation of one read of conductance {@code conductanceSiemens}.
     *
     * @param conductanceSiemens the conductance read (S)
     * @return {@code sqrt(sigmaSiemens² + (sigmaRelative·|g|)²)} in siemens
     */
    public double sigmaSiemens(double conductanceSiemens) {
        double proportional = sigmaRelative * conductanceSiemens;
        return Math.sqrt(sigmaSiemens * sigmaSiemens + proportional * proportional);
    }

    /**
     * A copy with another absolute part.
     *
     * @param value the new {@link #sigmaSiemens()} (S), finite and {@code >= 0}
     * @return a new config
     */
    public GaussianReadNoiseConfig withSigmaSiemens(double value) {
        return new GaussianReadNoiseConfig(value, sigmaRelative);
    }

    /**
     * A copy with another proportional part.
     *
     * @param value the new {@link #sigmaRelative()}, finite and {@code >= 0}
     * @return a new config
     */
    public GaussianReadNoiseConfig withSigmaRelative(double value) {
        return new GaussianReadNoiseConfig(sigmaSiemens, value);
    }
}
