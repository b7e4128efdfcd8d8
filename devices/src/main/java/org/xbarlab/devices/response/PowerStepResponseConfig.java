package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/**
 * aihwkit's {@code PowStepDevice} (Fusi-Abbott style; aihwkit.md section 1.3). With {@code omega = (b+ - w) / (b+ -
 * b-)}: up {@code w += s+ omega^gamma+ (1 + sigma xi)}, down {@code w -= s- (1 - omega)^gamma- (1 + sigma xi)}. The
 * per-device exponents are built like the step asymmetry: {@code g' = 1 + gammaDeviceToDevice xi} (the variation's
 * {@code nonlinearityDeviceToDevice}), {@code r' = gammaUpDownDeviceToDevice xi}, {@code gamma+ = gamma (g' + r' +
 * min(gammaUpDownAsymmetry, 0))}, {@code gamma- = gamma (g' - r' - max(gammaUpDownAsymmetry, 0))}, both made
 * non-negative.
 *
 * @param stepSize aihwkit {@code dw_min}, normalized weight units, positive
 * @param minWeight aihwkit {@code w_min}, at most 0
 * @param maxWeight aihwkit {@code w_max}, at least 0
 * @param upDownAsymmetry aihwkit {@code up_down}, in (-1, 1)
 * @param gamma aihwkit {@code pow_gamma}, in [0, 100]
 * @param gammaUpDownAsymmetry aihwkit {@code pow_up_down}, in (-1, 1)
 * @param gammaUpDownDeviceToDevice aihwkit {@code pow_up_down_dtod}, non-negative
 */
public record PowerStepResponseConfig(double stepSize, double minWeight, double maxWeight, double upDownAsymmetry,
                                      double gamma, double gammaUpDownAsymmetry, double gammaUpDownDeviceToDevice)
        implements WeightUnitResponseConfig {

    /** Validates the fields. */
    public PowerStepResponseConfig {
        ResponseChecks.weightUnits(stepSize, minWeight, maxWeight, upDownAsymmetry);
        Checks.inClosedRange("gamma", gamma, 0, 100);
        Checks.finite("gammaUpDownAsymmetry", gammaUpDownAsymmetry);
        Checks.isTrue(gammaUpDownAsymmetry > -1 && gammaUpDownAsymmetry < 1,
                "gammaUpDownAsymmetry must be in (-1, 1), got %s", Checks.number(gammaUpDownAsymmetry));
        Checks.nonNegativeFinite("gammaUpDownDeviceToDevice", gammaUpDownDeviceToDevice);
    }

    /**
     * aihwkit's Python defaults: pow_gamma 1, pow_up_down 0, pow_up_down_dtod 0, dw_min 0.001, bounds -0.6 .. 0.6.
     *
     * @return the defaults
     */
    public static PowerStepResponseConfig defaults() {
        return new PowerStepResponseConfig(0.001, -0.6, 0.6, 0, 1, 0, 0);
    }

    /**
     * @param value the new exponent
     * @return a copy with {@code gamma} replaced
     */
    public PowerStepResponseConfig withGamma(double value) {
        return new PowerStepResponseConfig(stepSize, minWeight, maxWeight, upDownAsymmetry, value,
                gammaUpDownAsymmetry, gammaUpDownDeviceToDevice);
    }
}
