package org.xbarlab.devices.noise;

import org.xbarlab.core.Checks;

/**
 * Gaussian programming noise with an absolute and a target-proportional part ({@code "model": "gaussian"}): a write
 * to target {@code gT} reaches {@code max(0, gT + sigma(gT)·ξ)} with a fresh standard normal ξ per device and write
 * and
 * <pre>  sigma(gT) = sqrt(sigmaSiemens² + (sigmaRelative·|gT|)²)</pre>
 * (two independent Gaussian sources added in quadrature: CrossSim's "NormalIndependentDevice" and
 * "NormalProportionalDevice" programming errors together).
 *
 * @param sigmaSiemens standard deviation of the absolute part (S), finite and {@code >= 0}
 * @param sigmaRelative standard deviation of the proportional part, relative to the target, finite and
 *        {@code >= 0}
 */
public record GaussianProgrammingNoiseConfig(double sigmaSiemens, double sigmaRelative)
        implements ProgrammingNoiseConfig {

    /** Validates the fields; messages name the field. */
    public GaussianProgrammingNoiseConfig {
        Checks.nonNegativeFinite("sigmaSiemens", sigmaSiemens);
        Checks.nonNegativeFinite("sigmaRelative", sigmaRelative);
    }

    /**
     * A starting point, not a fitted figure: no absolute part and 5 % of the target.
     *
     * @return {@code sigmaSiemens = 0}, {@code sigmaRelative = 0.05}
     */
    public static GaussianProgrammingNoiseConfig defaults() {
        return new GaussianProgrammingNoiseConfig(0.0, 0.05);
    }

    /**
     * The standard deviation of a write to {@code targetConductanceSiemens}.
     *
     * @param targetConductanceSiemens the target (S)
     * @return {@code sqrt(sigmaSiemens² + (sigmaRelative·|gT|)²)} in siemens
     */
    public double sigmaSiemens(double targetConductanceSiemens) {
        double proportional = sigmaRelative * targetConductanceSiemens;
        return Math.sqrt(sigmaSiemens * sigmaSiemens + proportional * proportional);
    }

    /**
     * A copy with another absolute part.
     *
     * @param value the new {@link #sigmaSiemens()} (S), finite and {@code >= 0}
     * @return a new config
     */
    public GaussianProgrammingNoiseConfig withSigmaSiemens(double value) {
        return new GaussianProgrammingNoiseConfig(value, sigmaRelative);
    }

    /**
     * A copy with another proportional part.
     *
     * @param value the new {@link #sigmaRelative()}, finite and {@code >= 0}
     * @return a new config
     */
    public GaussianProgrammingNoiseConfig withSigmaRelative(double value) {
        return new GaussianProgrammingNoiseConfig(sigmaSiemens, value);
    }
}
