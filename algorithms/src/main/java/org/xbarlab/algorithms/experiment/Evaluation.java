package org.xbarlab.algorithms.experiment;

/**
 * One evaluation of the network on the test set.
 *
 * @param epoch epochs trained so far (0 = untrained)
 * @param secondsAfterTraining time since the end of training (0 during training)
 * @param directAssociationAccuracy test accuracy by direct association, average rule, or null when not evaluated
 * @param directAssociationMaxRuleAccuracy the same with the max rule, or null
 * @param unassignedNeurons neurons that never responded to a labeled sample, or null
 * @param linearClassifierAccuracy test accuracy of the linear classifier after its last epoch, or null
 * @param networkAccuracy test accuracy of the network's own class outputs (supervised and semi-supervised
 *     training), or null
 */
public record Evaluation(int epoch, double secondsAfterTraining, Double directAssociationAccuracy,
                         Double directAssociationMaxRuleAccuracy, Integer unassignedNeurons,
                         Double linearClassifierAccuracy, Double networkAccuracy) {
}
