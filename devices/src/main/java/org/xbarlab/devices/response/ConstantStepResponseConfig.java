package org.xbarlab.devices.response;

/**
 * aihwkit's {@code ConstantStepDevice} (aihwkit.md section 1.3): up {@code w += s+ (1 + sigma xi)}, down
 * {@code w -= s- (1 + sigma xi)}, clipped to the device's bounds, with the per-device steps {@code s+-} and bounds
 * drawn as in aihwkit's {@code PulsedDevice} (section 1.1) and {@code sigma} the cycle-to-cycle spread.
 *
 * @param stepSize aihwkit {@code dw_min}, normalized weight units, positive
 * @param minWeight aihwkit {@code w_min}, at most 0
 * @param maxWeight aihwkit {@code w_max}, at least 0
 * @param upDownAsymmetry aihwkit {@code up_down}, in (-1, 1)
 */
public record ConstantStepResponseConfig(double stepSize, double minWeight, double maxWeight,
                                         double upDownAsymmetry) implements WeightUnitResponseConfig {

    /** Validates the fields. */
    public ConstantStepResponseConfig {
        ResponseChecks.weightUnits(stepSize, minWeight, maxWeight, upDownAsymmetry);
    }

    /**
     * aihwkit's Python defaults: dw_min 0.001, bounds -0.6 .. 0.6, symmetric.
     *
     * @return the defaults
     */
    public static ConstantStepResponseConfig defaults() {
        return new ConstantStepResponseConfig(0.001, -0.6, 0.6, 0);
    }

    /**
     * @param value the new step
     * @return a copy with {@code stepSize} replaced
     */
    public ConstantStepResponseConfig withStepSize(double value) {
        return new ConstantStepResponseConfig(value, minWeight, maxWeight, upDownAsymmetry);
    }

    /**
     * @param value the new asymmetry
     * @return a copy with {@code upDownAsymmetry} replaced
     */
    public ConstantStepResponseConfig withUpDownAsymmetry(double value) {
        return new ConstantStepResponseConfig(stepSize, minWeight, maxWeight, value);
    }
}
