package org.xbarlab.algorithms.evaluation;

/**
 * A learning rate that does not change: factor 1 in every epoch.
 */
public record ConstantScheduleConfig() implements LearningRateScheduleConfig {

    @Override
    public double factor(int epoch, int epochs) {
        ScheduleEpochs.check(epoch, epochs);
        return 1;
    }
}
