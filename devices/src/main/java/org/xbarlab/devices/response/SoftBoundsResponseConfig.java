package org.xbarlab.devices.response;

/**
 * aihwkit's {@code SoftBoundsDevice} (aihwkit.md section 1.3): a linear step with slope 1 toward each device's own
 * bounds. Multiplicative noise: up {@code w += s+ (1 - w / b+) (1 + sigma xi)}, down {@code w -= s- (1 - w / b-)
 * (1 + sigma xi)} (b- &lt; 0); additive noise: up {@code w += s+ (1 - w / b+) + s+ sigma xi}. The step vanishes at
 * the bounds.
 *
 * @param stepSize aihwkit {@code dw_min}, normalized weight units, positive
 * @param minWeight aihwkit {@code w_min}, below 0
 * @param maxWeight aihwkit {@code w_max}, above 0
 * @param upDownAsymmetry aihwkit {@code up_down}, in (-1, 1)
 * @param multiplicativeNoise aihwkit {@code mult_noise}
 */
public record SoftBoundsResponseConfig(double stepSize, double minWeight, double maxWeight, double upDownAsymmetry,
                                       boolean multiplicativeNoise) implements WeightUnitResponseConfig {

    /** Validates the fields. */
    public SoftBoundsResponseConfig {
        ResponseChecks.weightUnits(stepSize, minWeight, maxWeight, upDownAsymmetry);
        org.xbarlab.core.Checks.isTrue(minWeight < 0 && maxWeight > 0,
                "minWeight (%s) must be below 0 and maxWeight (%s) above 0 for soft bounds",
                org.xbarlab.core.Checks.number(minWeight), org.xbarlab.core.Checks.number(maxWeight));
    }

    /**
     * aihwkit's Python defaults: dw_min 0.001, bounds -0.6 .. 0.6, multiplicative noise.
     *
     * @return the defaults
     */
    public static SoftBoundsResponseConfig defaults() {
        return new SoftBoundsResponseConfig(0.001, -0.6, 0.6, 0, true);
    }

    /**
     * @param value the new step
     * @return a copy with {@code stepSize} replaced
     */
    public SoftBoundsResponseConfig withStepSize(double value) {
        return new SoftBoundsResponseConfig(value, minWeight, maxWeight, upDownAsymmetry, multiplicativeNoise);
    }
}
