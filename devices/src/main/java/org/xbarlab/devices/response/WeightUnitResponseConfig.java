package org.xbarlab.devices.response;

/**
 * The aihwkit family of pulse responses, whose parameters are in aihwkit's normalized weight units. The nominal
 * weight range {@code [minWeight, maxWeight]} (it must contain 0) maps linearly onto the device's conductance window
 * {@code [minConductanceSiemens, maxConductanceSiemens]}: with {@code kappa = (Gmax - Gmin) / (maxWeight - minWeight)}
 * siemens per weight unit, weight {@code w} is conductance {@code Gmin + (w - minWeight) * kappa}, and a step of
 * {@code stepSize} weight units is {@code stepSize * kappa} siemens. Source: aihwkit 1.1.0, {@code PulsedDevice} and
 * its subclasses (see {@code docs/devices.md}).
 */
public sealed interface WeightUnitResponseConfig extends PulseResponseConfig
        permits ConstantStepResponseConfig, LinearStepResponseConfig, SoftBoundsResponseConfig,
                ExponentialStepResponseConfig, PowerStepResponseConfig {

    /**
     * Mean step per pulse, aihwkit's {@code dw_min}, in normalized weight units.
     *
     * @return positive and finite
     */
    double stepSize();

    /**
     * Nominal lower weight bound, aihwkit's {@code w_min}.
     *
     * @return at most 0
     */
    double minWeight();

    /**
     * Nominal upper weight bound, aihwkit's {@code w_max}.
     *
     * @return at least 0 and above {@link #minWeight()}
     */
    double maxWeight();

    /**
     * Systematic up/down asymmetry beta, aihwkit's {@code up_down}: a positive value shrinks the down steps to
     * {@code stepSize * (1 - beta)}, a negative one shrinks the up steps to {@code stepSize * (1 + beta)}.
     *
     * @return in (-1, 1)
     */
    double upDownAsymmetry();

    /**
     * {@inheritDoc}
     *
     * @return {@code (maxWeight - minWeight) / stepSize}, aihwkit's number of states
     */
    @Override
    default double nominalStepsAcrossWindow() {
        return (maxWeight() - minWeight()) / stepSize();
    }
}
