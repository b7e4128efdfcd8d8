package org.xbarlab.algorithms.wta;

import java.util.List;

import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.LayerChecks;
import org.xbarlab.algorithms.network.LinearRamp;
import org.xbarlab.core.Checks;

/**
 * Settings of unsupervised training with the self-defined target (seed-algorithm.md §2, §3 and §6.1). Lists are
 * input-first, as in the reference configs.
 *
 * @param rule backpropagation or equilibrium propagation
 * @param layerSizes neurons per layer, input first, for example {@code [784, 2000]}; at least two entries
 * @param activations one per weight layer (backpropagation: for example {@code [relu, hard-sigmoid]}); equilibrium
 *     propagation uses the hard sigmoid everywhere and requires it here
 * @param learningRates one per weight layer, non-negative (SGD on the mean-squared error averaged over batch and
 *     neurons, as the reference code; the one-layer BP rate is 8)
 * @param dropout one per layer except the output, input first, each a fraction in [0, 1): input dropout, then hidden
 *     dropout; followed by the output-mask probability {@code p_out} as the last entry. So
 *     {@code dropout.size() == layerSizes.size()}
 * @param winners {@code k}, the number of winners per sample, in [1, output neurons]
 * @param homeostasisGain γ, non-negative
 * @param homeostasisMode batch or sequential
 * @param homeostasisRate η_h of sequential mode, in (0, 1]
 * @param smoothing label smoothing ε of the target, in [0, 1) (0 = off; the EP configs use 0.3)
 * @param epochs training epochs, at least 0 (0 = the untrained baseline)
 * @param batchSize samples per mini-batch, at least 1
 * @param finalLearningRateFactor the learning-rate schedule's factor at the last epoch ({@code LinearLR}; BP
 *     5e-4, EP 1e-3), in (0, 1]
 * @param xavierGain gain of the Xavier-uniform initialisation (0.5), positive
 * @param equilibrium settings of equilibrium propagation (used only by that rule), not null
 */
public record WtaConfig(LearningRule rule, List<Integer> layerSizes, List<Activation> activations,
                        List<Double> learningRates, List<Double> dropout, int winners, double homeostasisGain,
                        HomeostasisMode homeostasisMode, double homeostasisRate, double smoothing, int epochs,
                        int batchSize, double finalLearningRateFactor, double xavierGain,
                        EquilibriumConfig equilibrium) {

    /** Validates every field and the agreement of the lists. */
    public WtaConfig {
        Checks.notNull("rule", rule);
        layerSizes = List.copyOf(Checks.noNullElements("layerSizes", layerSizes));
        activations = List.copyOf(Checks.noNullElements("activations", activations));
        learningRates = List.copyOf(Checks.noNullElements("learningRates", learningRates));
        dropout = List.copyOf(Checks.noNullElements("dropout", dropout));
        int layers = LayerChecks.weightLayers(layerSizes);
        LayerChecks.perLayer("activations", activations, layers);
        LayerChecks.learningRates("learningRates", learningRates, layers);
        Checks.isTrue(dropout.size() == layerSizes.size(),
                "dropout needs one entry per non-output layer plus the output mask (%d), got %d",
                layerSizes.size(), dropout.size());
        for (int i = 0; i < dropout.size(); i++) {
            Checks.inHalfOpenRange("dropout[" + i + "]", dropout.get(i), 0.0, 1.0);
        }
        int outputs = layerSizes.get(layers);
        Checks.inRange("winners", winners, 1, outputs);
        Checks.nonNegativeFinite("homeostasisGain", homeostasisGain);
        Checks.notNull("homeostasisMode", homeostasisMode);
        Checks.isTrue(homeostasisRate > 0 && homeostasisRate <= 1, "homeostasisRate must be in (0, 1], got %s",
                homeostasisRate);
        Checks.inHalfOpenRange("smoothing", smoothing, 0.0, 1.0);
        Checks.inRange("epochs", epochs, 0, 1_000_000);
        Checks.inRange("batchSize", batchSize, 1, 1_000_000);
        Checks.isTrue(finalLearningRateFactor > 0 && finalLearningRateFactor <= 1,
                "finalLearningRateFactor must be in (0, 1], got %s", finalLearningRateFactor);
        Checks.positiveFinite("xavierGain", xavierGain);
        Checks.notNull("equilibrium", equilibrium);
        if (rule == LearningRule.EQUILIBRIUM_PROPAGATION) {
            LayerChecks.hardSigmoidForEquilibrium(activations);
        }
    }

    /** The paper's one-layer backpropagation experiment (seed-algorithm.md §6.1): 784-2000, 200 epochs. */
    public static WtaConfig backpropagationOneLayer() {
        return new WtaConfig(LearningRule.BACKPROPAGATION, List.of(784, 2000), List.of(Activation.HARD_SIGMOID),
                List.of(8.0), List.of(0.3, 0.2), 6, 0.4, HomeostasisMode.BATCH, 0.6, 0.0, 200, 16, 5e-4, 0.5,
                EquilibriumConfig.defaults());
    }

    /** The paper's two-layer backpropagation experiment: 784-2000-2000, relu then hard sigmoid. */
    public static WtaConfig backpropagationTwoLayer() {
        return new WtaConfig(LearningRule.BACKPROPAGATION, List.of(784, 2000, 2000),
                List.of(Activation.RELU, Activation.HARD_SIGMOID), List.of(2.5, 5.0), List.of(0.3, 0.2, 0.2), 5,
                0.5, HomeostasisMode.BATCH, 0.6, 0.0, 200, 16, 5e-4, 0.5, EquilibriumConfig.defaults());
    }

    /** The paper's one-layer equilibrium-propagation experiment: T 40, Kmax 10, β 0.2, dt 0.2, 100 epochs. */
    public static WtaConfig equilibriumOneLayer() {
        return new WtaConfig(LearningRule.EQUILIBRIUM_PROPAGATION, List.of(784, 2000),
                List.of(Activation.HARD_SIGMOID), List.of(0.03), List.of(0.3, 0.2), 5, 0.3, HomeostasisMode.BATCH,
                0.1, 0.3, 100, 16, 1e-3, 0.5, EquilibriumConfig.defaults());
    }

    /** The paper's two-layer equilibrium-propagation experiment: T 60, Kmax 20, batch 32. */
    public static WtaConfig equilibriumTwoLayer() {
        return new WtaConfig(LearningRule.EQUILIBRIUM_PROPAGATION, List.of(784, 2000, 2000),
                List.of(Activation.HARD_SIGMOID, Activation.HARD_SIGMOID), List.of(0.01, 0.015),
                List.of(0.3, 0.0, 0.2), 4, 0.65, HomeostasisMode.BATCH, 0.1, 0.3, 100, 32, 1e-3, 0.5,
                new EquilibriumConfig(60, 20, 0.2, 0.2, EquilibriumEstimate.ONE_SIDED, true));
    }

    /** Number of weight layers. */
    public int weightLayers() {
        return layerSizes.size() - 1;
    }

    /** Output neurons. */
    public int outputs() {
        return layerSizes.get(layerSizes.size() - 1);
    }

    /** The output-mask probability {@code p_out}. */
    public double outputMask() {
        return dropout.get(dropout.size() - 1);
    }

    /**
     * The learning-rate factor of an epoch: {@code 1 + (f − 1)·min(e, E)/E} (PyTorch {@code LinearLR} from 1 to
     * {@code f} over {@code E = epochs}, stepped per epoch).
     *
     * @param epoch the epoch, from 0
     * @return the factor, in [f, 1]
     */
    public double learningRateFactor(int epoch) {
        if (epochs == 0) {
            return 1.0;
        }
        return LinearRamp.factor(1.0, finalLearningRateFactor, epoch, epochs);
    }

    /** {@code T_act}, the target activity (seed-algorithm.md §2.2); its value does not change the winners. */
    public double targetActivity() {
        double k = winners;
        double n = outputs();
        double p = outputMask();
        if (rule == LearningRule.BACKPROPAGATION) {
            return (1 - p) * k / n;
        }
        return p > 0 ? Math.min(1.0, k / (n * (1 - p))) : k / n;
    }

    /** A copy with another number of epochs. */
    public WtaConfig withEpochs(int newEpochs) {
        return new WtaConfig(rule, layerSizes, activations, learningRates, dropout, winners, homeostasisGain,
                homeostasisMode, homeostasisRate, smoothing, newEpochs, batchSize, finalLearningRateFactor,
                xavierGain, equilibrium);
    }

    /** A copy with other learning rates (one per weight layer). */
    public WtaConfig withLearningRates(List<Double> newLearningRates) {
        return new WtaConfig(rule, layerSizes, activations, newLearningRates, dropout, winners, homeostasisGain,
                homeostasisMode, homeostasisRate, smoothing, epochs, batchSize, finalLearningRateFactor,
                xavierGain, equilibrium);
    }

    /** A copy with other layer sizes (the same number of layers). */
    public WtaConfig withLayerSizes(List<Integer> newLayerSizes) {
        return new WtaConfig(rule, newLayerSizes, activations, learningRates, dropout, winners, homeostasisGain,
                homeostasisMode, homeostasisRate, smoothing, epochs, batchSize, finalLearningRateFactor,
                xavierGain, equilibrium);
    }

    /** A copy with other equilibrium-propagation settings. */
    public WtaConfig withEquilibrium(EquilibriumConfig newEquilibrium) {
        return new WtaConfig(rule, layerSizes, activations, learningRates, dropout, winners, homeostasisGain,
                homeostasisMode, homeostasisRate, smoothing, epochs, batchSize, finalLearningRateFactor,
                xavierGain, newEquilibrium);
    }
}
