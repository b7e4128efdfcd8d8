package org.xbarlab.algorithms.evaluation;

/** Argument check shared by the {@link LearningRateScheduleConfig} implementations; not API. */
final class ScheduleEpochs {

    private ScheduleEpochs() {
    }

    /**
     * Throws unless {@code 0 <= epoch < epochs}.
     *
     * @param epoch the epoch, from 0
     * @param epochs the number of epochs
     * @throws IllegalArgumentException naming both values otherwise
     */
    static void check(int epoch, int epochs) {
        if (epochs < 1 || epoch < 0 || epoch >= epochs) {
            throw new IllegalArgumentException("epoch must be in [0, epochs) with epochs >= 1, got epoch=" + epoch
                    + ", epochs=" + epochs);
        }
    }
}
