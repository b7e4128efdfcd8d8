package org.xbarlab.algorithms.supervised;

import java.util.List;

import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.LayerChecks;
import org.xbarlab.algorithms.network.LinearRamp;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.algorithms.wta.EquilibriumConfig;
import org.xbarlab.algorithms.wta.EquilibriumEstimate;
import org.xbarlab.algorithms.wta.LearningRule;
import org.xbarlab.core.Checks;

/**
 * Settings of the seed paper's semi-supervised scheme, trained by backpropagation or by equilibrium propagation with
 * a softmax read-out (seed-algorithm.md §3.3, §5 and §6.3):
 * supervised pre-training on the {@code n} labeled samples, then epochs that alternate one unsupervised epoch over
 * the unlabeled samples (target: k-WTA on {@code output − H} with homeostasis) and one supervised epoch over the
 * labeled samples. The loss is the soft-target cross-entropy on the softmax of the outputs (BP: of the sigmoid
 * outputs; EP: of the read-out's logits); pre-training, the unsupervised phase and the supervised phase each have
 * their own optimizer instance.
 *
 * @param rule backpropagation, or equilibrium propagation (exactly one hidden layer, hard-sigmoid, with the
 *     softmax read-out: activations {@code [hard-sigmoid, identity]})
 * @param layerSizes neurons per layer, input first (784-5000-10); the output size is the number of classes
 * @param activations one per weight layer (relu, sigmoid)
 * @param dropout inverted dropout on every layer's input, input first (0.3, 0.5), each in [0, 1)
 * @param labeledSamples {@code n}, the labeled training samples (a stratified random subset), at least 1
 * @param preEpochs epochs of supervised pre-training, at least 0
 * @param preBatchSize mini-batch of pre-training, at least 1
 * @param preLearningRates pre-training learning rate of every layer, non-negative
 * @param preDecay pre-training learning-rate factor per epoch ({@code ExponentialLR}: BP 0.98), in (0, 1]
 * @param epochs alternating epochs, at least 0
 * @param batchSize mini-batch of the unsupervised phase, at least 1
 * @param supervisedBatchSize mini-batch of the supervised phase, at least 1
 * @param learningRates base learning rate of every layer, non-negative
 * @param unsupervisedStartFactor factor of the unsupervised rates at epoch 0 ({@code LinearLR} start, 0.001), positive
 * @param unsupervisedEndFactor factor at the last epoch (0.18), positive
 * @param supervisedStartFactor factor of the supervised rates at epoch 0 (0.72), positive
 * @param supervisedEndFactor factor after {@code supervisedScheduleEpochs} (0.05), positive
 * @param supervisedScheduleEpochs epochs over which the supervised factor moves (epochs − 50), at least 1
 * @param winners {@code k} of the unsupervised target (1: a pseudo-label), at least 1
 * @param homeostasisGain γ, non-negative (0: supervised + WTA without homeostasis)
 * @param optimizer the optimizer of all three phases (the reference: Adam)
 * @param xavierGain gain of the Xavier-uniform initialisation, positive
 * @param smoothing label smoothing ε of every target, in [0, 1) (EP: 0.3): {@code (1 − ε)·t + ε·k/N}
 * @param equilibrium settings of equilibrium propagation (used only by that rule), not null
 */
public record SemiSupervisedConfig(LearningRule rule, List<Integer> layerSizes, List<Activation> activations, List<Double> dropout,
                                   int labeledSamples, int preEpochs, int preBatchSize, List<Double> preLearningRates,
                                   double preDecay, int epochs, int batchSize, int supervisedBatchSize,
                                   List<Double> learningRates, double unsupervisedStartFactor,
                                   double unsupervisedEndFactor, double supervisedStartFactor,
                                   double supervisedEndFactor, int supervisedScheduleEpochs, int winners,
                                   double homeostasisGain, OptimizerKind optimizer, double xavierGain,
                                   double smoothing, EquilibriumConfig equilibrium) {

    /** Validates every field and the agreement of the lists. */
    public SemiSupervisedConfig {
        Checks.notNull("rule", rule);
        layerSizes = List.copyOf(Checks.noNullElements("layerSizes", layerSizes));
        activations = List.copyOf(Checks.noNullElements("activations", activations));
        dropout = List.copyOf(Checks.noNullElements("dropout", dropout));
        preLearningRates = List.copyOf(Checks.noNullElements("preLearningRates", preLearningRates));
        learningRates = List.copyOf(Checks.noNullElements("learningRates", learningRates));
        int layers = LayerChecks.weightLayers(layerSizes);
        LayerChecks.perLayer("activations", activations, layers);
        Checks.isTrue(dropout.size() == layers, "dropout needs one entry per weight layer's input (%d), got %d",
                layers, dropout.size());
        LayerChecks.learningRates("preLearningRates", preLearningRates, layers);
        LayerChecks.learningRates("learningRates", learningRates, layers);
        for (int i = 0; i < layers; i++) {
            Checks.inHalfOpenRange("dropout[" + i + "]", dropout.get(i), 0.0, 1.0);
        }
        Checks.inRange("labeledSamples", labeledSamples, 1, 100_000_000);
        Checks.inRange("preEpochs", preEpochs, 0, 1_000_000);
        Checks.inRange("preBatchSize", preBatchSize, 1, 1_000_000);
        Checks.isTrue(preDecay > 0 && preDecay <= 1, "preDecay must be in (0, 1], got %s", preDecay);
        Checks.inRange("epochs", epochs, 0, 1_000_000);
        Checks.inRange("batchSize", batchSize, 1, 1_000_000);
        Checks.inRange("supervisedBatchSize", supervisedBatchSize, 1, 1_000_000);
        Checks.positiveFinite("unsupervisedStartFactor", unsupervisedStartFactor);
        Checks.positiveFinite("unsupervisedEndFactor", unsupervisedEndFactor);
        Checks.positiveFinite("supervisedStartFactor", supervisedStartFactor);
        Checks.positiveFinite("supervisedEndFactor", supervisedEndFactor);
        Checks.inRange("supervisedScheduleEpochs", supervisedScheduleEpochs, 1, 1_000_000);
        Checks.inRange("winners", winners, 1, layerSizes.get(layers));
        Checks.nonNegativeFinite("homeostasisGain", homeostasisGain);
        Checks.notNull("optimizer", optimizer);
        Checks.positiveFinite("xavierGain", xavierGain);
        Checks.inHalfOpenRange("smoothing", smoothing, 0.0, 1.0);
        Checks.notNull("equilibrium", equilibrium);
        if (rule == LearningRule.EQUILIBRIUM_PROPAGATION) {
            Checks.isTrue(layers == 2, "equilibrium propagation with a softmax read-out needs exactly one hidden "
                    + "layer (three layerSizes), got %s", layerSizes);
            Checks.isTrue(activations.get(0) == Activation.HARD_SIGMOID && activations.get(1) == Activation.IDENTITY,
                    "activations must be [hard-sigmoid, identity] for equilibrium propagation (the read-out is the "
                            + "softmax of the logits), got %s", activations);
        }
    }

    /**
     * The paper's backpropagation setting for {@code n} labels (seed-algorithm.md §6.3 table): 784-5000-10 relu /
     * sigmoid, dropout 0.3 and 0.5, pre-training 200 epochs of batch 32 with rates [1e-3, 3e-3] × 0.98 per epoch, then
     * 400 alternating epochs (unsupervised batch 256, supervised batch 32), k = 1, Adam; γ and the rates by n.
     *
     * @param labels n, one of 100, 300, 600, 1000, 3000
     * @return the setting
     */
    public static SemiSupervisedConfig backpropagation(int labels) {
        double gamma;
        List<Double> rates;
        switch (labels) {
            case 100 -> {
                gamma = 0.1;
                rates = List.of(6e-4, 4.4e-3);
            }
            case 300 -> {
                gamma = 0.1;
                rates = List.of(5e-4, 4e-3);
            }
            case 600 -> {
                gamma = 0.003;
                rates = List.of(1e-4, 2.5e-3);
            }
            case 1000 -> {
                gamma = 0.001;
                rates = List.of(2.4e-4, 3.2e-3);
            }
            case 3000 -> {
                gamma = 0.0;
                rates = List.of(6e-4, 8e-4);
            }
            default -> throw new IllegalArgumentException("the paper's table has n = 100, 300, 600, 1000, 3000; got "
                    + labels);
        }
        return new SemiSupervisedConfig(LearningRule.BACKPROPAGATION, List.of(784, 5000, 10),
                List.of(Activation.RELU, Activation.SIGMOID), List.of(0.3, 0.5), labels, 200, 32, List.of(1e-3, 3e-3),
                0.98, 400, 256, 32, rates, 0.001, 0.18, 0.72, 0.05, 350, 1, gamma, OptimizerKind.ADAM, 0.5, 0.0,
                EquilibriumConfig.defaults());
    }

    /**
     * The paper's equilibrium-propagation setting for {@code n} labels (seed-algorithm.md §5, §6.3 table):
     * 784-5000 hard-sigmoid states with a softmax read-out to 10 classes, T = 60, Kmax = 10, β = 0.45 with random
     * sign, dt = 0.2, one-sided, smoothing 0.3, dropout 0.3 and 0.5 (0.2 and 0.5 for n = 300), pre-training 100
     * epochs of batch 32 with rates [1e-3, 3.5e-3] × 0.96 per epoch, then 200 alternating epochs (unsupervised batch
     * 128 with rates ramping 0.001 → 0.1, supervised batch 32 with 0.2 → 0.03), k = 1, Adam; γ and the rates by n.
     *
     * @param labels n, one of 100, 300, 600, 1000, 3000
     * @return the setting
     */
    public static SemiSupervisedConfig equilibrium(int labels) {
        double gamma;
        List<Double> rates;
        switch (labels) {
            case 100 -> {
                gamma = 0.1;
                rates = List.of(4e-4, 9e-3);
            }
            case 300 -> {
                gamma = 0.1;
                rates = List.of(1.5e-4, 1e-3);
            }
            case 600 -> {
                gamma = 0.01;
                rates = List.of(1.8e-4, 1e-3);
            }
            case 1000 -> {
                gamma = 0.001;
                rates = List.of(1.6e-4, 6.3e-3);
            }
            case 3000 -> {
                gamma = 0.001;
                rates = List.of(1.3e-4, 6e-3);
            }
            default -> throw new IllegalArgumentException("the paper's table has n = 100, 300, 600, 1000, 3000; got "
                    + labels);
        }
        List<Double> dropout = labels == 300 ? List.of(0.2, 0.5) : List.of(0.3, 0.5);
        return new SemiSupervisedConfig(LearningRule.EQUILIBRIUM_PROPAGATION, List.of(784, 5000, 10),
                List.of(Activation.HARD_SIGMOID, Activation.IDENTITY), dropout, labels, 100, 32,
                List.of(1e-3, 3.5e-3), 0.96, 200, 128, 32, rates, 0.001, 0.1, 0.2, 0.03, 200, 1, gamma,
                OptimizerKind.ADAM, 0.5, 0.3,
                new EquilibriumConfig(60, 10, 0.45, 0.2, EquilibriumEstimate.ONE_SIDED, true));
    }

    /** Number of weight layers. */
    public int weightLayers() {
        return layerSizes.size() - 1;
    }

    /** Output neurons (= classes). */
    public int outputs() {
        return layerSizes.get(layerSizes.size() - 1);
    }

    /** The unsupervised phase's learning-rate factor of an epoch (over {@code epochs}). */
    public double unsupervisedFactor(int epoch) {
        return LinearRamp.factor(unsupervisedStartFactor, unsupervisedEndFactor, epoch, Math.max(1, epochs));
    }

    /** The supervised phase's learning-rate factor of an epoch (over {@code supervisedScheduleEpochs}). */
    public double supervisedFactor(int epoch) {
        return LinearRamp.factor(supervisedStartFactor, supervisedEndFactor, epoch, supervisedScheduleEpochs);
    }
}
