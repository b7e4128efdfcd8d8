package org.xbarlab.algorithms.evaluation;

import org.xbarlab.core.Checks;

/**
 * Settings of the {@link LinearClassifier} evaluation of the seed paper (reference/seed-algorithm.md §4.3):
 * Dropout({@code dropoutFraction}) → Linear(features → classes) → {@code activation} → softmax cross-entropy,
 * trained by Adam with a per-epoch learning-rate schedule. Field names match the reference's config keys
 * {@code class_activation}, {@code class_dropProb}, {@code class_lr}, {@code class_epoch} and
 * {@code test_batchSize}.
 *
 * @param activation the activation before the softmax; not null
 * @param dropoutFraction probability that an input feature is zeroed during training (inverted dropout: kept
 *     features are divided by {@code 1 − dropoutFraction}), in {@code [0, 1)}
 * @param learningRate Adam's base learning rate, positive and finite
 * @param epochs passes over the labeled samples, at least 1
 * @param batchSize samples per Adam step, at least 1; the last batch of an epoch may be smaller
 * @param schedule factor of the learning rate per epoch; not null
 */
public record LinearClassifierConfig(ClassifierActivation activation, double dropoutFraction, double learningRate,
                                     int epochs, int batchSize, LearningRateScheduleConfig schedule) {

    /** Validates every component through {@link Checks}. */
    public LinearClassifierConfig {
        Checks.notNull("activation", activation);
        Checks.inHalfOpenRange("dropoutFraction", dropoutFraction, 0, 1);
        Checks.positiveFinite("learningRate", learningRate);
        Checks.positive("epochs", epochs);
        Checks.positive("batchSize", batchSize);
        Checks.notNull("schedule", schedule);
    }

    /**
     * The seed paper's setting for the BP one-layer (784-2000) network and the CNNs' fully connected head: identity
     * activation, learning rate 0.1, 50 epochs, dropout 0.2, batch 256, exponential decay 0.9 per epoch
     * (reference/seed-algorithm.md §4.3 and §6.1, "x, 0.1, 50, 0.2").
     *
     * @return the defaults
     */
    public static LinearClassifierConfig defaults() {
        return new LinearClassifierConfig(ClassifierActivation.IDENTITY, 0.2, 0.1, 50, 256,
                ExponentialScheduleConfig.defaults());
    }

    /**
     * The seed paper's setting for the BP two-layer (784-2000-2000) network: as {@link #defaults()} with the
     * sigmoid activation (§6.1, "sigmoid, 0.1, 50, 0.2").
     *
     * @return the setting
     */
    public static LinearClassifierConfig paperBackpropTwoLayer() {
        return defaults().withActivation(ClassifierActivation.SIGMOID);
    }

    /**
     * The seed paper's setting for the EP one-layer network: sigmoid, learning rate 0.0022, 100 epochs, dropout
     * 0.2, batch 512, linear schedule 1 → 0.9 over the epochs (§4.3 and §6.1).
     *
     * @return the setting
     */
    public static LinearClassifierConfig paperEquilibriumPropagationOneLayer() {
        return new LinearClassifierConfig(ClassifierActivation.SIGMOID, 0.2, 0.0022, 100, 512,
                LinearScheduleConfig.to(0.9));
    }

    /**
     * The seed paper's setting for the EP two-layer network: as
     * {@link #paperEquilibriumPropagationOneLayer()} with learning rate 0.0045 (§6.1).
     *
     * @return the setting
     */
    public static LinearClassifierConfig paperEquilibriumPropagationTwoLayer() {
        return paperEquilibriumPropagationOneLayer().withLearningRate(0.0045);
    }

    /**
     * A copy with another activation.
     *
     * @param newActivation the activation; not null
     * @return the new config
     */
    public LinearClassifierConfig withActivation(ClassifierActivation newActivation) {
        return new LinearClassifierConfig(newActivation, dropoutFraction, learningRate, epochs, batchSize, schedule);
    }

    /**
     * A copy with another dropout fraction.
     *
     * @param newDropoutFraction in {@code [0, 1)}
     * @return the new config
     */
    public LinearClassifierConfig withDropoutFraction(double newDropoutFraction) {
        return new LinearClassifierConfig(activation, newDropoutFraction, learningRate, epochs, batchSize, schedule);
    }

    /**
     * A copy with another base learning rate.
     *
     * @param newLearningRate positive and finite
     * @return the new config
     */
    public LinearClassifierConfig withLearningRate(double newLearningRate) {
        return new LinearClassifierConfig(activation, dropoutFraction, newLearningRate, epochs, batchSize, schedule);
    }

    /**
     * A copy with another number of epochs.
     *
     * @param newEpochs at least 1
     * @return the new config
     */
    public LinearClassifierConfig withEpochs(int newEpochs) {
        return new LinearClassifierConfig(activation, dropoutFraction, learningRate, newEpochs, batchSize, schedule);
    }

    /**
     * A copy with another batch size.
     *
     * @param newBatchSize at least 1
     * @return the new config
     */
    public LinearClassifierConfig withBatchSize(int newBatchSize) {
        return new LinearClassifierConfig(activation, dropoutFraction, learningRate, epochs, newBatchSize, schedule);
    }

    /**
     * A copy with another schedule.
     *
     * @param newSchedule not null
     * @return the new config
     */
    public LinearClassifierConfig withSchedule(LearningRateScheduleConfig newSchedule) {
        return new LinearClassifierConfig(activation, dropoutFraction, learningRate, epochs, batchSize, newSchedule);
    }
}
