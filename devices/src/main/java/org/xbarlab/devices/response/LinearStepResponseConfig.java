package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/**
 * aihwkit's {@code LinearStepDevice} (aihwkit.md section 1.3). With per-device slopes {@code gamma+- = |gamma_up/down
 * + gammaDeviceToDevice * xi|} (the variation's {@code nonlinearityDeviceToDevice}) and references {@code ref+ =
 * maxWeight}, {@code ref- = minWeight} when {@code meanBoundReference}, else the device's own bounds:
 * <ul>
 *   <li>multiplicative noise: up {@code w += s+ (1 - gamma+ w / ref+) (1 + sigma xi)}, down
 *   {@code w -= s- (1 - gamma- w / ref-) (1 + sigma xi)};</li>
 *   <li>additive noise: up {@code w += s+ (1 - gamma+ w / ref+) + s+ sigma xi}, and likewise down.</li>
 * </ul>
 * {@code gamma = 0.1} makes the step 10 % smaller at the bound than at w = 0.
 *
 * @param stepSize aihwkit {@code dw_min}, normalized weight units, positive
 * @param minWeight aihwkit {@code w_min}, at most 0
 * @param maxWeight aihwkit {@code w_max}, at least 0
 * @param upDownAsymmetry aihwkit {@code up_down}, in (-1, 1)
 * @param gammaUp aihwkit {@code gamma_up}, in [0, 100]
 * @param gammaDown aihwkit {@code gamma_down}, in [0, 100]
 * @param meanBoundReference aihwkit {@code mean_bound_reference}
 * @param multiplicativeNoise aihwkit {@code mult_noise}
 */
public record LinearStepResponseConfig(double stepSize, double minWeight, double maxWeight, double upDownAsymmetry,
                                       double gammaUp, double gammaDown, boolean meanBoundReference,
                                       boolean multiplicativeNoise) implements WeightUnitResponseConfig {

    /** Validates the fields. */
    public LinearStepResponseConfig {
        ResponseChecks.weightUnits(stepSize, minWeight, maxWeight, upDownAsymmetry);
        Checks.inClosedRange("gammaUp", gammaUp, 0, 100);
        Checks.inClosedRange("gammaDown", gammaDown, 0, 100);
        Checks.isTrue(!meanBoundReference || (gammaUp == 0 || maxWeight > 0) && (gammaDown == 0 || minWeight < 0),
                "meanBoundReference needs maxWeight > 0 and minWeight < 0 as references");
    }

    /**
     * aihwkit's Python defaults: dw_min 0.001, bounds -0.6 .. 0.6, gamma 0, mean-bound reference, multiplicative
     * noise.
     *
     * @return the defaults
     */
    public static LinearStepResponseConfig defaults() {
        return new LinearStepResponseConfig(0.001, -0.6, 0.6, 0, 0, 0, true, true);
    }

    /**
     * @param up the new gamma_up
     * @param down the new gamma_down
     * @return a copy with both slopes replaced
     */
    public LinearStepResponseConfig withGammas(double up, double down) {
        return new LinearStepResponseConfig(stepSize, minWeight, maxWeight, upDownAsymmetry, up, down,
                meanBoundReference, multiplicativeNoise);
    }

    /**
     * @param value the new step
     * @return a copy with {@code stepSize} replaced
     */
    public LinearStepResponseConfig withStepSize(double value) {
        return new LinearStepResponseConfig(value, minWeight, maxWeight, upDownAsymmetry, gammaUp, gammaDown,
                meanBoundReference, multiplicativeNoise);
    }
}
