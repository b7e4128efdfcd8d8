package org.xbarlab.devices.noise;

import java.util.List;

import org.xbarlab.core.Checks;

/**
 * Programming noise whose standard deviation is a polynomial of the normalized target conductance
 * ({@code "model": "polynomial"}), as in aihwkit's {@code PCMLikeNoiseModel} (Nandakumar et al., ICECS 2019):
 * <pre>
 *   x = gT / gMax
 *   sigma(gT) = scaleRelative · max(0, c0 + c1·x + c2·x² + …) · gMax / referenceMaxConductanceSiemens
 *   gProg = max(0, gT + sigma(gT)·ξ)
 * </pre>
 * with a fresh standard normal ξ per device and write. The coefficients {@code ck} are in siemens and were fitted on
 * devices whose maximum conductance was {@code referenceMaxConductanceSiemens}; the factor
 * {@code gMax/referenceMaxConductanceSiemens} rescales them to devices of another maximum conductance {@code gMax},
 * so the relative noise is preserved. Where the polynomial is negative (outside the fitted range), sigma is 0.
 *
 * <p>{@link #defaults()} is aihwkit's PCM fit: c = [0.26348, 1.9650, −1.1731] µS at 25 µS, which gives
 * sigma = 0.263 µS at 0, 0.862 µS at 10 µS, a maximum of about 1.086 µS near 21 µS and 1.055 µS at 25 µS.
 *
 * @param coefficientsSiemens polynomial coefficients {@code c0, c1, …} in order of increasing power (S); 1 to
 *        {@value #MAX_COEFFICIENT_COUNT} finite values
 * @param referenceMaxConductanceSiemens maximum conductance of the devices the coefficients were fitted on (S),
 *        positive and finite
 * @param scaleRelative multiplier of sigma ({@code prog_noise_scale}), finite and {@code >= 0}
 */
public record PolynomialProgrammingNoiseConfig(List<Double> coefficientsSiemens, double referenceMaxConductanceSiemens,
                                               double scaleRelative) implements ProgrammingNoiseConfig {

    /** Most coefficients accepted: a degree-15 polynomial is already far beyond any published fit. */
    public static final int MAX_COEFFICIENT_COUNT = 16;

    /** Validates the fields and copies the list; messages name the field. */
    public PolynomialProgrammingNoiseConfig {
        Checks.notEmpty("coefficientsSiemens", coefficientsSiemens);
        Checks.noNullElements("coefficientsSiemens", coefficientsSiemens);
        Checks.isTrue(coefficientsSiemens.size() <= MAX_COEFFICIENT_COUNT,
                "coefficientsSiemens must have at most %d elements, got %d", MAX_COEFFICIENT_COUNT,
                coefficientsSiemens.size());
        for (int k = 0; k < coefficientsSiemens.size(); k++) {
            Checks.finite("coefficientsSiemens[" + k + "]", coefficientsSiemens.get(k));
        }
        coefficientsSiemens = List.copyOf(coefficientsSiemens);
        Checks.positiveFinite("referenceMaxConductanceSiemens", referenceMaxConductanceSiemens);
        Checks.nonNegativeFinite("scaleRelative", scaleRelative);
    }

    /**
     * aihwkit's PCM programming noise: c = [0.26348, 1.9650, −1.1731] µS fitted at 25 µS, scale 1.
     *
     * @return the PCM polynomial
     */
    public static PolynomialProgrammingNoiseConfig defaults() {
        return new PolynomialProgrammingNoiseConfig(List.of(0.26348e-6, 1.9650e-6, -1.1731e-6), 25e-6, 1.0);
    }

    /**
     * The standard deviation of a write to {@code targetConductanceSiemens} on a device of maximum conductance
     * {@code maxConductanceSiemens}.
     *
     * @param targetConductanceSiemens the target {@code gT} (S)
     * @param maxConductanceSiemens the device's maximum conductance {@code gMax} (S), positive
     * @return sigma (S), {@code >= 0}
     */
    public double sigmaSiemens(double targetConductanceSiemens, double maxConductanceSiemens) {
        double x = targetConductanceSiemens / maxConductanceSiemens;
        double polynomial = 0;
        for (int k = coefficientsSiemens.size() - 1; k >= 0; k--) {
            polynomial = polynomial * x + coefficientsSiemens.get(k);
        }
        return scaleRelative * Math.max(0.0, polynomial) * (maxConductanceSiemens / referenceMaxConductanceSiemens);
    }

    /**
     * A copy with another scale.
     *
     * @param value the new {@link #scaleRelative()}, finite and {@code >= 0}
     * @return a new config
     */
    public PolynomialProgrammingNoiseConfig withScaleRelative(double value) {
        return new PolynomialProgrammingNoiseConfig(coefficientsSiemens, referenceMaxConductanceSiemens, value);
    }
}
