package org.xbarlab.algorithms.experiment;

import java.util.List;
import java.util.function.DoubleConsumer;

import org.xbarlab.algorithms.evaluation.LinearClassifierConfig;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.core.Checks;
import org.xbarlab.crossbar.Crossbar;

/**
 * How an unsupervised network is evaluated (seed-algorithm.md §4).
 *
 * @param directAssociation whether to evaluate by direct association (average and max rules)
 * @param linearClassifier the linear classifier trained on the frozen outputs, or null for none
 * @param labelFraction fraction of the training set whose labels the evaluation may use (stratified), in (0, 1]
 * @param everyEpochs evaluate after every N-th epoch (and after the last), 0 for after the last only
 * @param untrainedBaseline also evaluate the untrained network (epoch 0)
 * @param inferenceTimesSeconds times after the end of training at which the test set is evaluated again, with
 *     the neuron labels and classifier fitted right after training (drift and retention act in between);
 *     non-negative, increasing; empty for none
 */
public record EvaluationConfig(boolean directAssociation, LinearClassifierConfig linearClassifier,
                               double labelFraction, int everyEpochs, boolean untrainedBaseline,
                               List<Double> inferenceTimesSeconds) {

    /** Validates every field. */
    public EvaluationConfig {
        Checks.isTrue(labelFraction > 0 && labelFraction <= 1, "labelFraction must be in (0, 1], got %s",
                labelFraction);
        Checks.inRange("everyEpochs", everyEpochs, 0, 1_000_000);
        inferenceTimesSeconds = List.copyOf(Checks.noNullElements("inferenceTimesSeconds",
                inferenceTimesSeconds == null ? List.of() : inferenceTimesSeconds));
        double previous = 0;
        for (int i = 0; i < inferenceTimesSeconds.size(); i++) {
            double t = inferenceTimesSeconds.get(i);
            Checks.nonNegativeFinite("inferenceTimesSeconds[" + i + "]", t);
            Checks.isTrue(t >= previous, "inferenceTimesSeconds must increase, got %s after %s", t, previous);
            previous = t;
        }
    }

    /** Direct association with all labels after every epoch and of the untrained network; no classifier. */
    public static EvaluationConfig defaults() {
        return new EvaluationConfig(true, null, 1.0, 1, true, List.of());
    }

    /**
     * Lets the configured times pass on every layer's crossbar (drift, retention) and evaluates at each.
     *
     * @param layers the trained network's layers
     * @param evaluate called with each time after training, in seconds, once the crossbars have reached it
     */
    public void atTimesAfterTraining(List<DenseLayer> layers, DoubleConsumer evaluate) {
        atTimesAfterTrainingOf(layers.stream().map(DenseLayer::crossbar).toList(), evaluate);
    }

    /**
     * Lets the configured times pass on the given crossbars (drift, retention) and evaluates at each.
     *
     * @param crossbars every crossbar of the trained network
     * @param evaluate called with each time after training, in seconds, once the crossbars have reached it
     */
    public void atTimesAfterTrainingOf(List<Crossbar> crossbars, DoubleConsumer evaluate) {
        double elapsed = 0;
        for (double time : inferenceTimesSeconds) {
            if (time > elapsed) {
                for (Crossbar crossbar : crossbars) {
                    crossbar.advanceTime(time - elapsed);
                }
            }
            elapsed = time;
            evaluate.accept(time);
        }
    }

    /** A copy with a linear classifier. */
    public EvaluationConfig withLinearClassifier(LinearClassifierConfig classifier) {
        return new EvaluationConfig(directAssociation, classifier, labelFraction, everyEpochs, untrainedBaseline,
                inferenceTimesSeconds);
    }
}
