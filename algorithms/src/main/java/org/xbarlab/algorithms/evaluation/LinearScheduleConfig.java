package org.xbarlab.algorithms.evaluation;

import org.xbarlab.algorithms.network.LinearRamp;
import org.xbarlab.core.Checks;

/**
 * Linear change of the factor, PyTorch {@code LinearLR(start_factor, end_factor, total_iters)} stepped once per
 * epoch: in epoch {@code e} (from 0) the factor is
 * {@code startFactor + (endFactor − startFactor)·min(e, T)/T}, with {@code T = totalEpochs}, or the number of
 * training epochs when {@code totalEpochs} is 0. With {@code T} equal to the training epochs the last epoch uses
 * {@code startFactor + (endFactor − startFactor)·(T−1)/T}: the end factor itself is never reached, as in the
 * reference. The seed paper's EP linear classifier uses 1 → 0.9 over its epochs.
 *
 * @param startFactor factor of epoch 0, positive and finite
 * @param endFactor factor reached after {@code T} epochs, non-negative and finite
 * @param totalEpochs {@code T}, the epochs over which the factor changes, or 0 for the training's epoch count
 */
public record LinearScheduleConfig(double startFactor, double endFactor, int totalEpochs)
        implements LearningRateScheduleConfig {

    /** Validates every component. */
    public LinearScheduleConfig {
        Checks.positiveFinite("startFactor", startFactor);
        Checks.nonNegativeFinite("endFactor", endFactor);
        Checks.nonNegative("totalEpochs", totalEpochs);
    }

    /**
     * From 1 to {@code endFactor} over the training's epochs.
     *
     * @param endFactor the end factor, non-negative and finite
     * @return the schedule
     */
    public static LinearScheduleConfig to(double endFactor) {
        return new LinearScheduleConfig(1, endFactor, 0);
    }

    @Override
    public double factor(int epoch, int epochs) {
        ScheduleEpochs.check(epoch, epochs);
        int total = totalEpochs == 0 ? epochs : totalEpochs;
        return LinearRamp.factor(startFactor, endFactor, epoch, total);
    }
}
