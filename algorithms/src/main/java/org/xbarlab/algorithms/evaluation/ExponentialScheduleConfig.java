package org.xbarlab.algorithms.evaluation;

import org.xbarlab.core.Checks;

/**
 * Exponential decay, PyTorch {@code ExponentialLR(gamma)} stepped once per epoch: the factor in epoch {@code e}
 * (from 0) is {@code gamma^e}. The seed paper's BP linear classifier uses {@code gamma = 0.9}.
 *
 * @param gamma factor per epoch, in {@code (0, 1]}
 */
public record ExponentialScheduleConfig(double gamma) implements LearningRateScheduleConfig {

    /** Validates {@code gamma}. */
    public ExponentialScheduleConfig {
        Checks.positiveFinite("gamma", gamma);
        Checks.inClosedRange("gamma", gamma, 0, 1);
    }

    /**
     * The seed paper's BP classifier schedule, {@code gamma = 0.9}.
     *
     * @return the schedule
     */
    public static ExponentialScheduleConfig defaults() {
        return new ExponentialScheduleConfig(0.9);
    }

    @Override
    public double factor(int epoch, int epochs) {
        ScheduleEpochs.check(epoch, epochs);
        return Math.pow(gamma, epoch);
    }
}
