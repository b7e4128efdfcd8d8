package org.xbarlab.algorithms.conv;

import java.util.List;

import org.xbarlab.algorithms.network.LayerChecks;
import org.xbarlab.algorithms.network.LinearRamp;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.Checks;

/**
 * Settings of the seed paper's unsupervised CNN: backpropagation toward the self-defined k-WTA target with
 * homeostasis (batch mode), through a {@link ConvNetConfig} network (seed-algorithm.md §2.6, §2.7 and §6.2).
 *
 * <p>JSON keys: {@code network} (a {@link ConvNetConfig}), {@code optimizer} ({@code "sgd"}, {@code "sgd-dense"},
 * {@code "adam"}), {@code learningRates}, {@code outputMask}, {@code winners}, {@code homeostasisGain},
 * {@code smoothing}, {@code epochs}, {@code batchSize}, {@code finalLearningRateFactor}, {@code scheduleEpochs}.
 *
 * @param network the network (its {@code denseDropout} holds the dropout on the flattened conv output)
 * @param optimizer the optimizer of every layer (the paper: Adam)
 * @param learningRates one per weight layer, input first (convolutions, then dense layers), each non-negative; the
 *     loss is the mean-squared error averaged over batch and outputs, as in the reference code
 * @param outputMask {@code p_out}, the probability of masking an output before the winners are chosen, in [0, 1)
 * @param winners {@code k}, winners per sample, in [1, outputs]
 * @param homeostasisGain γ, non-negative
 * @param smoothing label smoothing ε of the target, in [0, 1)
 * @param epochs training epochs, at least 0
 * @param batchSize samples per mini-batch, at least 1
 * @param finalLearningRateFactor the factor the schedule reaches after {@code scheduleEpochs} epochs, in (0, 1]
 *     (the paper's CNN: PyTorch {@code LinearLR} from 1 to 1e-2)
 * @param scheduleEpochs epochs over which the factor ramps (the paper's CNN: a fixed 100, stepped per epoch), at
 *     least 1
 */
public record CnnWtaConfig(ConvNetConfig network, OptimizerKind optimizer, List<Double> learningRates,
                           double outputMask, int winners, double homeostasisGain, double smoothing, int epochs,
                           int batchSize, double finalLearningRateFactor, int scheduleEpochs) {

    /** Validates every field. */
    public CnnWtaConfig {
        Checks.notNull("network", network);
        Checks.notNull("optimizer", optimizer);
        learningRates = List.copyOf(Checks.noNullElements("learningRates", learningRates));
        LayerChecks.learningRates("learningRates", learningRates, network.weightLayers());
        Checks.inHalfOpenRange("outputMask", outputMask, 0.0, 1.0);
        Checks.inRange("winners", winners, 1, network.outputs());
        Checks.nonNegativeFinite("homeostasisGain", homeostasisGain);
        Checks.inHalfOpenRange("smoothing", smoothing, 0.0, 1.0);
        Checks.inRange("epochs", epochs, 0, 1_000_000);
        Checks.inRange("batchSize", batchSize, 1, 1_000_000);
        Checks.isTrue(finalLearningRateFactor > 0 && finalLearningRateFactor <= 1,
                "finalLearningRateFactor must be in (0, 1], got %s", finalLearningRateFactor);
        Checks.inRange("scheduleEpochs", scheduleEpochs, 1, 1_000_000);
    }

    /**
     * The paper's MNIST run (seed-algorithm.md §6.2, the saved config): {@code 32f5-128f3-3000}, prune 0.5, dropout
     * 0 on the flattened output, output mask 0.4, Adam with rates [2e-6, 2e-6, 1e-4], γ 1, k 1, 50 epochs of 16.
     * The pooling of the reported run was not recorded; the current config file says average.
     */
    public static CnnWtaConfig seedPaperMnist() {
        return new CnnWtaConfig(ConvNetConfig.seedPaper(1, 28, PoolingKind.AVERAGE, 0.5, 3000, 0.0),
                OptimizerKind.ADAM, List.of(2e-6, 2e-6, 1e-4), 0.4, 1, 1.0, 0.0, 50, 16, 1e-2, 100);
    }

    /**
     * The paper's SVHN run: 3 × 32 × 32 input, max pooling, prune 0.11, dropout 0.19 on the flattened output,
     * output mask 0.25, Adam with rates [5.8e-9, 4.4e-9, 1.5e-7], 40 epochs of 16.
     */
    public static CnnWtaConfig seedPaperSvhn() {
        return new CnnWtaConfig(ConvNetConfig.seedPaper(3, 32, PoolingKind.MAX, 0.11, 3000, 0.19),
                OptimizerKind.ADAM, List.of(5.8e-9, 4.4e-9, 1.5e-7), 0.25, 1, 1.0, 0.0, 40, 16, 1e-2, 100);
    }

    /**
     * The paper's Fashion-MNIST run: max pooling, prune 0.5, dropout 0.2, output mask 0.8, Adam with rates
     * [5e-7, 2.5e-8, 2.5e-6], 20 epochs of 16.
     */
    public static CnnWtaConfig seedPaperFashionMnist() {
        return new CnnWtaConfig(ConvNetConfig.seedPaper(1, 28, PoolingKind.MAX, 0.5, 3000, 0.2),
                OptimizerKind.ADAM, List.of(5e-7, 2.5e-8, 2.5e-6), 0.8, 1, 1.0, 0.0, 20, 16, 1e-2, 100);
    }

    /** Output neurons. */
    public int outputs() {
        return network.outputs();
    }

    /** {@code T_act = (1 − p_out)·k/N} (seed-algorithm.md §2.2, backpropagation); it does not change the winners. */
    public double targetActivity() {
        return (1 - outputMask) * winners / network.outputs();
    }

    /**
     * The learning-rate factor of an epoch: {@code 1 + (f − 1)·min(e, E)/E}, PyTorch {@code LinearLR} stepped per
     * epoch over {@code E = scheduleEpochs}.
     *
     * @param epoch the epoch, from 0
     * @return the factor
     */
    public double learningRateFactor(int epoch) {
        return LinearRamp.factor(1.0, finalLearningRateFactor, epoch, scheduleEpochs);
    }

    /** A copy with another number of epochs. */
    public CnnWtaConfig withEpochs(int newEpochs) {
        return new CnnWtaConfig(network, optimizer, learningRates, outputMask, winners, homeostasisGain, smoothing,
                newEpochs, batchSize, finalLearningRateFactor, scheduleEpochs);
    }

    /** A copy with other learning rates. */
    public CnnWtaConfig withLearningRates(List<Double> newLearningRates) {
        return new CnnWtaConfig(network, optimizer, newLearningRates, outputMask, winners, homeostasisGain,
                smoothing, epochs, batchSize, finalLearningRateFactor, scheduleEpochs);
    }

    /** A copy with another network (the learning rates must still have one entry per weight layer). */
    public CnnWtaConfig withNetwork(ConvNetConfig newNetwork) {
        return new CnnWtaConfig(newNetwork, optimizer, learningRates, outputMask, winners, homeostasisGain,
                smoothing, epochs, batchSize, finalLearningRateFactor, scheduleEpochs);
    }
}
