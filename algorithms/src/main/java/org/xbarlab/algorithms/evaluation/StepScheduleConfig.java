package org.xbarlab.algorithms.evaluation;

import java.util.List;

import org.xbarlab.core.Checks;

/**
 * Step decay at fixed fractions of the training: the factor is multiplied by {@code gamma} at each milestone
 * epoch {@code m = floor(E·r)} for the fractions {@code r} and the training's epoch count {@code E}. In epoch
 * {@code e} (from 0) the factor is {@code gamma^k}, where {@code k} is the number of <em>distinct</em> milestones
 * {@code m <= e}. This reproduces the seed paper's {@code CustomStepLR} (taken from SoftHebb): it tests
 * {@code last_epoch in milestones}, so milestones that coincide count once, and a milestone 0 (fewer than 5
 * epochs) already halves the rate of epoch 0 because PyTorch steps a scheduler once when it is created.
 *
 * @param milestoneFractions the fractions {@code r}, each in {@code [0, 1]}; not empty
 * @param gamma factor applied at each milestone, in {@code (0, 1]}
 */
public record StepScheduleConfig(List<Double> milestoneFractions, double gamma)
        implements LearningRateScheduleConfig {

    /** Validates every component and copies the list. */
    public StepScheduleConfig {
        Checks.notEmpty("milestoneFractions", Checks.noNullElements("milestoneFractions", milestoneFractions));
        for (int i = 0; i < milestoneFractions.size(); i++) {
            Checks.fraction("milestoneFractions[" + i + "]", milestoneFractions.get(i));
        }
        milestoneFractions = List.copyOf(milestoneFractions);
        Checks.positiveFinite("gamma", gamma);
        Checks.inClosedRange("gamma", gamma, 0, 1);
    }

    /**
     * The seed paper's CNN classifier schedule: halve at 20, 35, 50, 60, 70, 80 and 90 % of the epochs.
     *
     * @return the schedule
     */
    public static StepScheduleConfig defaults() {
        return new StepScheduleConfig(List.of(0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9), 0.5);
    }

    @Override
    public double factor(int epoch, int epochs) {
        ScheduleEpochs.check(epoch, epochs);
        // Distinct milestones <= epoch; a milestone equal to an earlier one in the list counts once.
        long passed = milestoneFractions.stream()
                .mapToInt(fraction -> (int) (epochs * fraction))
                .filter(milestone -> milestone <= epoch)
                .distinct()
                .count();
        return Math.pow(gamma, passed);
    }
}
