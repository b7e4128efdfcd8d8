package org.xbarlab.devices.response;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How one device's conductance responds to a write pulse: the deterministic shape of the step. The family is sealed
 * and chosen in JSON by the {@code "model"} key; the names below are stable (part of the config format).
 *
 * <table>
 *   <caption>Models</caption>
 *   <tr><th>{@code model}</th><th>record</th><th>source</th></tr>
 *   <tr><td>{@code ideal}</td><td>{@link IdealResponseConfig}</td><td>continuous, equal steps</td></tr>
 *   <tr><td>{@code ideal-levels}</td><td>{@link QuantizedResponseConfig}</td><td>N equally spaced levels</td></tr>
 *   <tr><td>{@code constant-step}</td><td>{@link ConstantStepResponseConfig}</td><td>aihwkit ConstantStepDevice
 *   </td></tr>
 *   <tr><td>{@code linear-step}</td><td>{@link LinearStepResponseConfig}</td><td>aihwkit LinearStepDevice</td></tr>
 *   <tr><td>{@code soft-bounds}</td><td>{@link SoftBoundsResponseConfig}</td><td>aihwkit SoftBoundsDevice</td></tr>
 *   <tr><td>{@code exp-step}</td><td>{@link ExponentialStepResponseConfig}</td><td>aihwkit ExpStepDevice</td></tr>
 *   <tr><td>{@code pow-step}</td><td>{@link PowerStepResponseConfig}</td><td>aihwkit PowStepDevice</td></tr>
 *   <tr><td>{@code neurosim-nonlinear}</td><td>{@link NeuroSimNonlinearResponseConfig}</td><td>MLP+NeuroSim V3.0
 *   RealDevice, manual eq. 1-3</td></tr>
 * </table>
 *
 * <p>Device-to-device and cycle-to-cycle variation are not part of the shape: they live in
 * {@code org.xbarlab.devices.config.VariationConfig}, whose fields each model interprets as documented on the model.
 * Records are immutable and validated in their compact constructors.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = IdealResponseConfig.class, name = "ideal"),
    @JsonSubTypes.Type(value = QuantizedResponseConfig.class, name = "ideal-levels"),
    @JsonSubTypes.Type(value = ConstantStepResponseConfig.class, name = "constant-step"),
    @JsonSubTypes.Type(value = LinearStepResponseConfig.class, name = "linear-step"),
    @JsonSubTypes.Type(value = SoftBoundsResponseConfig.class, name = "soft-bounds"),
    @JsonSubTypes.Type(value = ExponentialStepResponseConfig.class, name = "exp-step"),
    @JsonSubTypes.Type(value = PowerStepResponseConfig.class, name = "pow-step"),
    @JsonSubTypes.Type(value = NeuroSimNonlinearResponseConfig.class, name = "neurosim-nonlinear")
})
public sealed interface PulseResponseConfig
        permits IdealResponseConfig, QuantizedResponseConfig, WeightUnitResponseConfig,
                NeuroSimNonlinearResponseConfig {

    /**
     * The nominal number of pulses that take a device across its window, used to express the nominal step (write
     * noise, granularity) in siemens: nominal step = window / this value.
     *
     * @return a positive number of pulses (not necessarily a whole number)
     */
    double nominalStepsAcrossWindow();

    /**
     * Whether the mean response to potentiation pulses is monotone non-decreasing in the pulse count and the mean
     * response to depression pulses monotone non-increasing (true for every model here: each step has a sign).
     *
     * @return whether the mean response is monotone in the pulse count
     */
    default boolean monotoneMeanResponse() {
        return true;
    }
}
