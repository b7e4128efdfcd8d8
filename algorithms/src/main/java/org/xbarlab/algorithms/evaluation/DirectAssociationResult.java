package org.xbarlab.algorithms.evaluation;

import org.xbarlab.core.Checks;

/**
 * Test accuracies of a {@link DirectAssociation}, for a result file.
 *
 * @param averageRuleAccuracy fraction of samples the average rule classifies correctly, in {@code [0, 1]}: the
 *     seed paper's headline "One2one_av" figure
 * @param maxRuleAccuracy fraction of samples the max rule classifies correctly, in {@code [0, 1]}
 * @param sampleCount number of samples evaluated, at least 1
 * @param unassignedNeuronCount number of neurons that responded to no labeled sample and carry no label
 */
public record DirectAssociationResult(double averageRuleAccuracy, double maxRuleAccuracy, int sampleCount,
                                      int unassignedNeuronCount) {

    /** Validates every component through {@link Checks}. */
    public DirectAssociationResult {
        Checks.fraction("averageRuleAccuracy", averageRuleAccuracy);
        Checks.fraction("maxRuleAccuracy", maxRuleAccuracy);
        Checks.positive("sampleCount", sampleCount);
        Checks.nonNegative("unassignedNeuronCount", unassignedNeuronCount);
    }
}
