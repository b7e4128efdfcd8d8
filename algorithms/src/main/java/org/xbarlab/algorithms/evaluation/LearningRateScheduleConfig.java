package org.xbarlab.algorithms.evaluation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the learning rate changes from epoch to epoch: a factor applied to the base learning rate, stepped once per
 * epoch as PyTorch's {@code lr_scheduler} classes are in the seed paper's code. A family of models chosen in config
 * files by the {@code model} key:
 *
 * <ul>
 *   <li>{@code "constant"} ({@link ConstantScheduleConfig}): factor 1;</li>
 *   <li>{@code "exponential"} ({@link ExponentialScheduleConfig}): {@code gamma^e}, PyTorch {@code ExponentialLR};
 *       the BP linear classifier uses {@code gamma = 0.9};</li>
 *   <li>{@code "linear"} ({@link LinearScheduleConfig}): from a start factor to an end factor, PyTorch
 *       {@code LinearLR}; the EP linear classifier goes from 1 to 0.9;</li>
 *   <li>{@code "step"} ({@link StepScheduleConfig}): multiplied by {@code gamma} at given fractions of the epochs;
 *       the CNN linear classifier halves at 20, 35, 50, 60, 70, 80 and 90 %.</li>
 * </ul>
 *
 * <p>The type names are part of the config format and never change once published.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConstantScheduleConfig.class, name = "constant"),
    @JsonSubTypes.Type(value = ExponentialScheduleConfig.class, name = "exponential"),
    @JsonSubTypes.Type(value = LinearScheduleConfig.class, name = "linear"),
    @JsonSubTypes.Type(value = StepScheduleConfig.class, name = "step")
})
public sealed interface LearningRateScheduleConfig
        permits ConstantScheduleConfig, ExponentialScheduleConfig, LinearScheduleConfig, StepScheduleConfig {

    /**
     * The factor that multiplies the base learning rate during one epoch.
     *
     * @param epoch the epoch, counted from 0, in {@code [0, epochs)}
     * @param epochs number of epochs of the training, at least 1
     * @return the factor, positive and finite (or zero where a schedule's end factor is zero)
     * @throws IllegalArgumentException if {@code epoch} or {@code epochs} is out of range
     */
    double factor(int epoch, int epochs);
}
