package org.xbarlab.algorithms.conv;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.algorithms.evaluation.LinearClassifierConfig;
import org.xbarlab.algorithms.evaluation.StepScheduleConfig;
import org.xbarlab.algorithms.network.LayerChecks;
import org.xbarlab.algorithms.network.LinearRamp;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.Checks;

/**
 * A convolutional-network experiment: the network in the seed paper's compact notation, how it is trained
 * ({@link CnnMode#WTA}, without labels toward the k-WTA target, or {@link CnnMode#SUPERVISED}, with cross-entropy)
 * and the optimizer settings (seed-algorithm.md §2.6 and §6.2). The input shape is not part of the config: it is the
 * data set's ({@code channels × rows × cols}), so the same config runs on MNIST (1 × 28 × 28) and SVHN
 * (3 × 32 × 32); {@link #network(FeatureShape)} builds the {@link ConvNetConfig} for it.
 *
 * <p>JSON keys: {@code mode} ({@code "wta"}, {@code "supervised"}), {@code network} (for example
 * {@code "32f5-128f3-3000"}), {@code pooling} ({@code {"kind": "max", "kernel": 4, "stride": 2, "padding": 1}}),
 * {@code pruneFraction}, {@code flattenDropout}, {@code optimizer} ({@code "sgd"}, {@code "sgd-dense"},
 * {@code "adam"}), {@code learningRates}, {@code epochs}, {@code batchSize}, {@code finalLearningRateFactor},
 * {@code scheduleEpochs}, and the WTA settings {@code outputMask}, {@code winners}, {@code homeostasisGain},
 * {@code smoothing} (read in wta mode only).
 *
 * @param mode wta or supervised
 * @param network the layers in the compact notation ({@link ConvNetConfig#parse}): convolutions
 *     {@code <filters>f<kernel>[s<stride>][p<padding>]} (relu), then at least one dense width (relu, the last the
 *     identity); in supervised mode the last width must be the data set's class count
 * @param pooling the pooling after every convolution (the paper: kernel 4, stride 2, padding 1)
 * @param pruneFraction the fixed random fraction of every convolution's weights that is zeroed, in [0, 1]
 * @param flattenDropout inverted dropout on the flattened conv output during training, in [0, 1)
 * @param optimizer the optimizer of every layer (the paper: Adam)
 * @param learningRates one per weight layer, input first (convolutions, then dense layers), each non-negative; the
 *     WTA loss is the mean-squared error averaged over batch and outputs, the supervised loss the mean
 *     cross-entropy over the batch
 * @param epochs training epochs, at least 0 (0 evaluates the untrained network)
 * @param batchSize samples per mini-batch, at least 1
 * @param finalLearningRateFactor the factor the learning-rate schedule reaches after {@code scheduleEpochs} epochs,
 *     in (0, 1] (PyTorch {@code LinearLR}, stepped per epoch; the paper's CNN: 1e-2)
 * @param scheduleEpochs epochs over which the factor ramps (the paper's CNN: a fixed 100), at least 1
 * @param outputMask wta mode: {@code p_out}, the probability of masking an output before the winners are chosen,
 *     in [0, 1)
 * @param winners wta mode: {@code k}, winners per sample, in [1, outputs]
 * @param homeostasisGain wta mode: γ, non-negative
 * @param smoothing wta mode: label smoothing ε of the target, in [0, 1)
 */
public record CnnConfig(CnnMode mode, String network, PoolingConfig pooling, double pruneFraction,
                        double flattenDropout, OptimizerKind optimizer, List<Double> learningRates, int epochs,
                        int batchSize, double finalLearningRateFactor, int scheduleEpochs, double outputMask,
                        int winners, double homeostasisGain, double smoothing) {

    /** A nominal input on which {@link #network} is checked at construction (the real shape comes from the data). */
    private static final int NOMINAL_SIDE = 256;

    /** Validates every field; the notation must parse and end with a dense layer. */
    public CnnConfig {
        Checks.notNull("mode", mode);
        Checks.notEmpty("network", network);
        Checks.notNull("pooling", pooling);
        Checks.inClosedRange("pruneFraction", pruneFraction, 0.0, 1.0);
        Checks.inHalfOpenRange("flattenDropout", flattenDropout, 0.0, 1.0);
        Checks.notNull("optimizer", optimizer);
        learningRates = List.copyOf(Checks.noNullElements("learningRates", learningRates));
        ConvNetConfig nominal = parse(network, pooling, pruneFraction, flattenDropout,
                new FeatureShape(1, NOMINAL_SIDE, NOMINAL_SIDE));
        LayerChecks.learningRates("learningRates", learningRates, nominal.weightLayers());
        Checks.inRange("epochs", epochs, 0, 1_000_000);
        Checks.inRange("batchSize", batchSize, 1, 1_000_000);
        Checks.isTrue(finalLearningRateFactor > 0 && finalLearningRateFactor <= 1,
                "finalLearningRateFactor must be in (0, 1], got %s", finalLearningRateFactor);
        Checks.inRange("scheduleEpochs", scheduleEpochs, 1, 1_000_000);
        Checks.inHalfOpenRange("outputMask", outputMask, 0.0, 1.0);
        Checks.inRange("winners", winners, 1, mode == CnnMode.WTA ? nominal.outputs() : Integer.MAX_VALUE);
        Checks.nonNegativeFinite("homeostasisGain", homeostasisGain);
        Checks.inHalfOpenRange("smoothing", smoothing, 0.0, 1.0);
    }

    /**
     * The seed paper's MNIST run (seed-algorithm.md §6.2, the saved config; {@link CnnWtaConfig#seedPaperMnist()}):
     * {@code 32f5-128f3-3000}, average pooling 4/2/1, prune 0.5, no flatten dropout, output mask 0.4, Adam with rates
     * [2e-6, 2e-6, 1e-4], LinearLR 1 → 1e-2 over 100 epochs, γ 1, k 1, 50 epochs of 16. Reported: 99.17 % with a
     * linear classifier on all labels ({@link #seedPaperLinearClassifier()}).
     */
    public static CnnConfig seedPaperMnist() {
        return fromWta(CnnWtaConfig.seedPaperMnist());
    }

    /**
     * The paper's Fashion-MNIST run ({@link CnnWtaConfig#seedPaperFashionMnist()}): max pooling, prune 0.5, flatten
     * dropout 0.2, output mask 0.8, Adam with rates [5e-7, 2.5e-8, 2.5e-6], 20 epochs of 16. Reported: 90.25 %.
     */
    public static CnnConfig seedPaperFashionMnist() {
        return fromWta(CnnWtaConfig.seedPaperFashionMnist());
    }

    /**
     * The paper's SVHN run ({@link CnnWtaConfig#seedPaperSvhn()}; 3 × 32 × 32 inputs, 8192 flattened values): max
     * pooling, prune 0.11, flatten dropout 0.19, output mask 0.25, Adam with rates [5.8e-9, 4.4e-9, 1.5e-7], 40
     * epochs of 16. Reported: 81.53 %.
     */
    public static CnnConfig seedPaperSvhn() {
        return fromWta(CnnWtaConfig.seedPaperSvhn());
    }

    /**
     * A supervised baseline with the paper's conv stack, {@code 32f5-128f3-10}: max pooling 4/2/1, no pruning, no
     * dropout, softmax cross-entropy, Adam with rate 1e-3 on every layer, LinearLR 1 → 0.1 over 10 epochs, 10 epochs
     * of 64. The paper reports a supervised CNN of the same architecture (§6.2: MNIST 99.57 %, Fashion-MNIST
     * 93.12 %, SVHN 93.39 %) but not its training settings; these are xbarlab's choice (PyTorch's default Adam
     * rate), not the paper's.
     */
    public static CnnConfig supervisedBaseline() {
        return new CnnConfig(CnnMode.SUPERVISED, "32f5-128f3-10", PoolingConfig.seedPaper(PoolingKind.MAX), 0.0, 0.0,
                OptimizerKind.ADAM, List.of(1e-3, 1e-3, 1e-3), 10, 64, 0.1, 10, 0.0, 1, 0.0, 0.0);
    }

    /**
     * The linear classifier of the paper's CNN evaluation (seed-algorithm.md §4.3 and §6.2, "x, 0.1, 50 ep, drop
     * 0.2"): identity activation, dropout 0.2, Adam with rate 0.1, 50 epochs of 256, the rate halved at 20, 35, 50,
     * 60, 70, 80 and 90 % of the epochs.
     *
     * @return the classifier settings
     */
    public static LinearClassifierConfig seedPaperLinearClassifier() {
        return LinearClassifierConfig.defaults().withSchedule(StepScheduleConfig.defaults());
    }

    /**
     * The same settings as a WTA config ({@code network}'s single pooling, pruning and flatten dropout are taken
     * from its first layers).
     *
     * @param wta the settings; its network must have at least one dense layer
     * @return the config, in wta mode
     */
    public static CnnConfig fromWta(CnnWtaConfig wta) {
        ConvNetConfig net = wta.network();
        ConvLayerConfig first = net.convolutions().get(0);
        Checks.isTrue(!net.denseSizes().isEmpty(), "the network needs a dense output layer");
        return new CnnConfig(CnnMode.WTA, net.notation(), first.pooling(), first.pruneFraction(),
                net.denseDropout().get(0), wta.optimizer(), wta.learningRates(), wta.epochs(), wta.batchSize(),
                wta.finalLearningRateFactor(), wta.scheduleEpochs(), wta.outputMask(), wta.winners(),
                wta.homeostasisGain(), wta.smoothing());
    }

    /**
     * The network for an input shape.
     *
     * @param input the data set's {@code channels × rows × cols}
     * @return the network description
     * @throws IllegalArgumentException naming {@code network} and the shape when a layer does not fit
     */
    public ConvNetConfig network(FeatureShape input) {
        return parse(network, pooling, pruneFraction, flattenDropout, input);
    }

    /**
     * The WTA trainer's settings for an input shape.
     *
     * @param input the data set's {@code channels × rows × cols}
     * @return the settings
     */
    public CnnWtaConfig wtaConfig(FeatureShape input) {
        return new CnnWtaConfig(network(input), optimizer, learningRates, outputMask, winners, homeostasisGain,
                smoothing, epochs, batchSize, finalLearningRateFactor, scheduleEpochs);
    }

    /** Weight layers: convolutions plus dense layers. */
    public int weightLayers() {
        return learningRates.size();
    }

    /** Outputs per sample (the last dense width). */
    public int outputs() {
        return parse(network, pooling, pruneFraction, flattenDropout, new FeatureShape(1, NOMINAL_SIDE,
                NOMINAL_SIDE)).outputs();
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
    public CnnConfig withEpochs(int newEpochs) {
        return new CnnConfig(mode, network, pooling, pruneFraction, flattenDropout, optimizer, learningRates,
                newEpochs, batchSize, finalLearningRateFactor, scheduleEpochs, outputMask, winners, homeostasisGain,
                smoothing);
    }

    /** A copy with another batch size. */
    public CnnConfig withBatchSize(int newBatchSize) {
        return new CnnConfig(mode, network, pooling, pruneFraction, flattenDropout, optimizer, learningRates, epochs,
                newBatchSize, finalLearningRateFactor, scheduleEpochs, outputMask, winners, homeostasisGain,
                smoothing);
    }

    /**
     * A copy with another network and its learning rates.
     *
     * @param newNetwork the notation
     * @param newLearningRates one per weight layer of it
     * @return the copy
     */
    public CnnConfig withNetwork(String newNetwork, List<Double> newLearningRates) {
        return new CnnConfig(mode, newNetwork, pooling, pruneFraction, flattenDropout, optimizer, newLearningRates,
                epochs, batchSize, finalLearningRateFactor, scheduleEpochs, outputMask, winners, homeostasisGain,
                smoothing);
    }

    /** A copy with other learning rates. */
    public CnnConfig withLearningRates(List<Double> newLearningRates) {
        return withNetwork(network, newLearningRates);
    }

    /** A copy with other WTA settings. */
    public CnnConfig withWta(double newOutputMask, int newWinners, double newHomeostasisGain, double newSmoothing) {
        return new CnnConfig(mode, network, pooling, pruneFraction, flattenDropout, optimizer, learningRates, epochs,
                batchSize, finalLearningRateFactor, scheduleEpochs, newOutputMask, newWinners, newHomeostasisGain,
                newSmoothing);
    }

    /** A copy with another pooling, pruning and flatten dropout. */
    public CnnConfig withLayers(PoolingConfig newPooling, double newPruneFraction, double newFlattenDropout) {
        return new CnnConfig(mode, network, newPooling, newPruneFraction, newFlattenDropout, optimizer,
                learningRates, epochs, batchSize, finalLearningRateFactor, scheduleEpochs, outputMask, winners,
                homeostasisGain, smoothing);
    }

    private static ConvNetConfig parse(String notation, PoolingConfig pooling, double pruneFraction,
                                       double flattenDropout, FeatureShape input) {
        ConvNetConfig parsed;
        try {
            parsed = ConvNetConfig.parse(notation, input.channels(), input.height(), input.width(), pooling,
                    pruneFraction);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("network '" + notation + "' on " + input + " inputs: "
                    + e.getMessage(), e);
        }
        Checks.isTrue(!parsed.denseSizes().isEmpty(), "network '%s' must end with at least one dense width (the "
                + "outputs), for example '32f5-128f3-3000'", notation);
        List<Double> dropout = new ArrayList<>();
        for (int j = 0; j < parsed.denseSizes().size(); j++) {
            dropout.add(j == 0 ? flattenDropout : 0.0);
        }
        return parsed.withDenseDropout(dropout);
    }
}
