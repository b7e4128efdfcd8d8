package org.xbarlab.algorithms.muscle;

import java.util.List;

import org.xbarlab.algorithms.evaluation.ConstantScheduleConfig;
import org.xbarlab.algorithms.evaluation.LearningRateScheduleConfig;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.LayerChecks;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.Checks;

/**
 * Settings of MUSCLE-style semi-supervised training on crossbars ({@link MuscleNetwork}; Xie et al. 2020, arXiv
 * 2012.00150; reference/hebbian-muscle-ep.md §2): every step minimizes
 * {@code L = w_CE·CE(labeled) + λ·(−I(view1; view2)) + w_WTA·CE(view1, k-WTA target)} over one mini-batch of two
 * augmented views of samples from the whole training set and one mini-batch of labeled samples. JSON keys are the
 * component names.
 *
 * @param layerSizes neurons per layer, input first; the last is the number of classes (the network's logits)
 * @param activations one per weight layer; the last must be {@code identity} (logits)
 * @param labeledSamples {@code n}, labeled training samples (a stratified random subset), at least 1
 * @param crossEntropyWeight {@code w_CE}, the weight of the cross-entropy on labeled samples, non-negative
 * @param mutualInformationWeight λ, the weight of {@code −I}, non-negative (IIC: 1)
 * @param wtaWeight {@code w_WTA}, the weight of the self-defined target's cross-entropy (the k-WTA of the softmax
 *     outputs minus the homeostatic threshold, seed-algorithm.md §2), non-negative; 0 turns it off
 * @param wtaWinners {@code k} of the WTA target, in [1, classes]
 * @param homeostasisGain γ of the WTA target's batch-mode homeostasis, non-negative
 * @param mutualInformationEpsilon the clamp ε of the joint, positive (IIC: 2^-52)
 * @param augmentation how the two views are made; the labeled samples get one augmented view too
 * @param optimizer how gradients reach the crossbars (Adam by default)
 * @param learningRate base learning rate, non-negative
 * @param schedule factor of the learning rate per epoch
 * @param epochs passes over the whole training set (for the views), at least 0
 * @param batchSize samples per step for the two views (IIC estimates the joint per batch: larger is better), at
 *     least 1
 * @param labeledBatchSize labeled samples per step, at least 1
 * @param xavierGain gain of the Xavier-uniform initialisation, positive
 */
public record MuscleConfig(List<Integer> layerSizes, List<Activation> activations, int labeledSamples,
                           double crossEntropyWeight, double mutualInformationWeight, double wtaWeight,
                           int wtaWinners, double homeostasisGain, double mutualInformationEpsilon,
                           AugmentationConfig augmentation, OptimizerKind optimizer, double learningRate,
                           LearningRateScheduleConfig schedule, int epochs, int batchSize, int labeledBatchSize,
                           double xavierGain) {

    /** Validates every field. */
    public MuscleConfig {
        layerSizes = List.copyOf(Checks.noNullElements("layerSizes", layerSizes));
        activations = List.copyOf(Checks.noNullElements("activations", activations));
        int layers = LayerChecks.weightLayers(layerSizes);
        LayerChecks.perLayer("activations", activations, layers);
        Checks.isTrue(activations.get(layers - 1) == Activation.IDENTITY,
                "the last activation must be identity (the outputs are the logits), got %s",
                activations.get(layers - 1));
        int classes = layerSizes.get(layers);
        Checks.isTrue(classes >= 2, "the last layer size (the classes) must be at least 2, got %d", classes);
        Checks.inRange("labeledSamples", labeledSamples, 1, 100_000_000);
        Checks.nonNegativeFinite("crossEntropyWeight", crossEntropyWeight);
        Checks.nonNegativeFinite("mutualInformationWeight", mutualInformationWeight);
        Checks.nonNegativeFinite("wtaWeight", wtaWeight);
        Checks.isTrue(crossEntropyWeight + mutualInformationWeight + wtaWeight > 0,
                "at least one of crossEntropyWeight, mutualInformationWeight and wtaWeight must be positive");
        Checks.inRange("wtaWinners", wtaWinners, 1, classes);
        Checks.nonNegativeFinite("homeostasisGain", homeostasisGain);
        Checks.positiveFinite("mutualInformationEpsilon", mutualInformationEpsilon);
        Checks.isTrue(mutualInformationEpsilon < 1.0 / ((double) classes * classes),
                "mutualInformationEpsilon must be below 1/classes², got %s", mutualInformationEpsilon);
        Checks.notNull("augmentation", augmentation);
        Checks.notNull("optimizer", optimizer);
        Checks.nonNegativeFinite("learningRate", learningRate);
        Checks.notNull("schedule", schedule);
        Checks.inRange("epochs", epochs, 0, 1_000_000);
        Checks.inRange("batchSize", batchSize, 1, 1_000_000);
        Checks.inRange("labeledBatchSize", labeledBatchSize, 1, 1_000_000);
        Checks.positiveFinite("xavierGain", xavierGain);
    }

    /**
     * A 784-1000-10 relu network with {@code n} labels: CE weight 1, λ = 1 (IIC), no WTA target, shifts of ±2 pixels
     * and noise 0.1, Adam at 1e-3 constant, 50 epochs, 256 samples per view batch (a large batch, as IIC needs),
     * 32 labeled per step. The paper's own hyper-parameters were not retrieved (reference §2.2).
     *
     * @param labels {@code n}
     * @return the setting
     */
    public static MuscleConfig defaults(int labels) {
        return new MuscleConfig(List.of(784, 1000, 10), List.of(Activation.RELU, Activation.IDENTITY), labels, 1.0,
                1.0, 0.0, 1, 0.1, MutualInformationLoss.DEFAULT_EPSILON, AugmentationConfig.defaults(),
                OptimizerKind.ADAM, 1e-3, new ConstantScheduleConfig(), 50, 256, 32, 1.0);
    }

    /**
     * {@link #defaults(int)} with the self-defined WTA target added (weight 0.3, k = 1, γ = 0.1): MUSCLE together
     * with the seed paper's target. On the synthetic set a weight of 1 pulled the outputs onto few classes
     * (MuscleNetworkSyntheticTest).
     *
     * @param labels {@code n}
     * @return the setting
     */
    public static MuscleConfig withWtaTarget(int labels) {
        return defaults(labels).withWeights(1.0, 1.0, 0.3);
    }

    /** Number of weight layers. */
    public int weightLayers() {
        return layerSizes.size() - 1;
    }

    /** The classes: the last layer size. */
    public int classes() {
        return layerSizes.get(layerSizes.size() - 1);
    }

    /** The learning rate of an epoch. */
    public double learningRate(int epoch) {
        return learningRate * schedule.factor(epoch, epochs);
    }

    /** A copy with other loss weights. */
    public MuscleConfig withWeights(double newCrossEntropyWeight, double newMutualInformationWeight,
                                    double newWtaWeight) {
        return new MuscleConfig(layerSizes, activations, labeledSamples, newCrossEntropyWeight,
                newMutualInformationWeight, newWtaWeight, wtaWinners, homeostasisGain, mutualInformationEpsilon,
                augmentation, optimizer, learningRate, schedule, epochs, batchSize, labeledBatchSize, xavierGain);
    }

    /** A copy with other layer sizes and activations. */
    public MuscleConfig withLayers(List<Integer> newLayerSizes, List<Activation> newActivations) {
        return new MuscleConfig(newLayerSizes, newActivations, labeledSamples, crossEntropyWeight,
                mutualInformationWeight, wtaWeight, wtaWinners, homeostasisGain, mutualInformationEpsilon,
                augmentation, optimizer, learningRate, schedule, epochs, batchSize, labeledBatchSize, xavierGain);
    }

    /** A copy with other epochs and batch sizes. */
    public MuscleConfig withTraining(int newEpochs, int newBatchSize, int newLabeledBatchSize) {
        return new MuscleConfig(layerSizes, activations, labeledSamples, crossEntropyWeight,
                mutualInformationWeight, wtaWeight, wtaWinners, homeostasisGain, mutualInformationEpsilon,
                augmentation, optimizer, learningRate, schedule, newEpochs, newBatchSize, newLabeledBatchSize,
                xavierGain);
    }

    /** A copy with another labeled-sample count. */
    public MuscleConfig withLabeledSamples(int newLabeledSamples) {
        return new MuscleConfig(layerSizes, activations, newLabeledSamples, crossEntropyWeight,
                mutualInformationWeight, wtaWeight, wtaWinners, homeostasisGain, mutualInformationEpsilon,
                augmentation, optimizer, learningRate, schedule, epochs, batchSize, labeledBatchSize, xavierGain);
    }

    /** A copy with another optimizer and learning rate. */
    public MuscleConfig withOptimizer(OptimizerKind newOptimizer, double newLearningRate) {
        return new MuscleConfig(layerSizes, activations, labeledSamples, crossEntropyWeight,
                mutualInformationWeight, wtaWeight, wtaWinners, homeostasisGain, mutualInformationEpsilon,
                augmentation, newOptimizer, newLearningRate, schedule, epochs, batchSize, labeledBatchSize,
                xavierGain);
    }

    /** A copy with another augmentation. */
    public MuscleConfig withAugmentation(AugmentationConfig newAugmentation) {
        return new MuscleConfig(layerSizes, activations, labeledSamples, crossEntropyWeight,
                mutualInformationWeight, wtaWeight, wtaWinners, homeostasisGain, mutualInformationEpsilon,
                newAugmentation, optimizer, learningRate, schedule, epochs, batchSize, labeledBatchSize,
                xavierGain);
    }
}
