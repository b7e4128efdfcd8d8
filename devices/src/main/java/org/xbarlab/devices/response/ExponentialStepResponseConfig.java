package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/**
 * aihwkit's {@code ExpStepDevice} (aihwkit.md section 1.3), a CMOS/ReRAM-like fit. With {@code z = 2 a w / (b+ - b-)
 * + b} (b+- the device's bounds), {@code y+ = max(0, 1 - A_up exp(gamma_up z))} and {@code y- = max(0, 1 - A_down
 * exp(-gamma_down z))}: up {@code w += y+ s+ (1 + sigma xi)}, down {@code w -= y- s- (1 + sigma xi)}. When
 * {@code additiveNoise} or {@code slopeNoise} is non-zero ("complex noise"), the noise-free step
 * {@code dw} is computed first and then {@code w += dw + sigma (|dw| + additiveNoise + slopeNoise |w|) xi}.
 * aihwkit's granularity quirk (averaging dw_down with itself) concerns update management, not the device, and is not
 * reproduced.
 *
 * @param stepSize aihwkit {@code dw_min}, normalized weight units, positive
 * @param minWeight aihwkit {@code w_min}, at most 0
 * @param maxWeight aihwkit {@code w_max}, at least 0
 * @param upDownAsymmetry aihwkit {@code up_down}, in (-1, 1)
 * @param amplitudeUp aihwkit {@code A_up}, finite
 * @param amplitudeDown aihwkit {@code A_down}, finite
 * @param gammaUp aihwkit {@code gamma_up}, in [0, 100]
 * @param gammaDown aihwkit {@code gamma_down}, in [0, 100]
 * @param scale aihwkit {@code a}, finite
 * @param offset aihwkit {@code b}, finite
 * @param additiveNoise aihwkit {@code dw_min_std_add}, weight units, non-negative
 * @param slopeNoise aihwkit {@code dw_min_std_slope}, non-negative
 */
public record ExponentialStepResponseConfig(double stepSize, double minWeight, double maxWeight,
                                            double upDownAsymmetry, double amplitudeUp, double amplitudeDown,
                                            double gammaUp, double gammaDown, double scale, double offset,
                                            double additiveNoise, double slopeNoise)
        implements WeightUnitResponseConfig {

    /** Validates the fields. */
    public ExponentialStepResponseConfig {
        ResponseChecks.weightUnits(stepSize, minWeight, maxWeight, upDownAsymmetry);
        Checks.inClosedRange("amplitudeUp", amplitudeUp, -1e6, 1e6);
        Checks.inClosedRange("amplitudeDown", amplitudeDown, -1e6, 1e6);
        Checks.inClosedRange("gammaUp", gammaUp, 0, 100);
        Checks.inClosedRange("gammaDown", gammaDown, 0, 100);
        Checks.inClosedRange("scale", scale, -100, 100);
        Checks.inClosedRange("offset", offset, -100, 100);
        Checks.nonNegativeFinite("additiveNoise", additiveNoise);
        Checks.nonNegativeFinite("slopeNoise", slopeNoise);
    }

    /**
     * aihwkit's {@code ExpStepDevice} Python defaults: A_up 0.00081, A_down 0.36833, gamma_up 12.44625, gamma_down
     * 12.78785, a 0.244, b 0.2425, dw_min 0.001, bounds -0.6 .. 0.6.
     *
     * @return the defaults
     */
    public static ExponentialStepResponseConfig defaults() {
        return new ExponentialStepResponseConfig(0.001, -0.6, 0.6, 0, 0.00081, 0.36833, 12.44625, 12.78785, 0.244,
                0.2425, 0, 0);
    }

    /**
     * @param value the new step
     * @return a copy with {@code stepSize} replaced
     */
    public ExponentialStepResponseConfig withStepSize(double value) {
        return new ExponentialStepResponseConfig(value, minWeight, maxWeight, upDownAsymmetry, amplitudeUp,
                amplitudeDown, gammaUp, gammaDown, scale, offset, additiveNoise, slopeNoise);
    }

    /**
     * @param additive the new {@code additiveNoise}
     * @param slope the new {@code slopeNoise}
     * @return a copy with the complex-noise terms replaced
     */
    public ExponentialStepResponseConfig withComplexNoise(double additive, double slope) {
        return new ExponentialStepResponseConfig(stepSize, minWeight, maxWeight, upDownAsymmetry, amplitudeUp,
                amplitudeDown, gammaUp, gammaDown, scale, offset, additive, slope);
    }
}
