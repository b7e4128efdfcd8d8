package org.xbarlab.algorithms.hebbian;

import java.util.List;

import org.xbarlab.algorithms.evaluation.ConstantScheduleConfig;
import org.xbarlab.algorithms.evaluation.LearningRateScheduleConfig;
import org.xbarlab.algorithms.evaluation.LinearScheduleConfig;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.LayerChecks;
import org.xbarlab.core.Checks;

/**
 * Settings of unsupervised Hebbian training on crossbars ({@link HebbianNetwork}): one local rule trains every
 * weight layer on the output of the layer below, all layers in the same pass (reference/hebbian-muscle-ep.md §1 and
 * §4.1; docs/hebbian-muscle.md). JSON keys are the component names.
 *
 * @param rule {@code soft-wta}, {@code sanger-pca} or {@code krotov-hopfield}
 * @param layerSizes neurons per layer, input first, for example {@code [784, 2000]}; at least two entries
 * @param temperature soft-WTA temperature {@code T} of the softmax over the squared raised cosine similarity in
 *     {@code [0, 1]} (FastHebb's {@code eswta}: 0.02); positive
 * @param aggregation soft-WTA batch aggregation (FastHebb: weighted); the other rules ignore it
 * @param activation Sanger's output nonlinearity {@code y = f(W·x)} (FastHebb's {@code hpca}: relu; identity gives
 *     linear Sanger PCA); the other rules ignore it
 * @param learningRate base step size η, non-negative
 * @param scaleLearningRateByFanIn divide η by {@code √inputs} of each layer (FastHebb's {@code adaptive_step} for
 *     HPCA)
 * @param schedule factor of η per epoch (Krotov and Hopfield: linear to 0)
 * @param batchSize samples per mini-batch {@code M}, at least 1
 * @param epochs training epochs, at least 0 (0 = the untrained baseline)
 * @param krotovNorm Krotov's {@code p} of the Lebesgue norm, at least 2 (2: the crossbar's own product gives the
 *     overlaps; above 2 they are computed digitally from the read weights)
 * @param krotovRank Krotov's {@code k}: the {@code k}-th strongest unit is pushed away, in [2, smallest layer]
 * @param krotovAntiHebbianStrength Krotov's Δ, non-negative
 * @param krotovRadius Krotov's {@code R}, the radius of the sphere the weights converge to, positive
 * @param krotovFeaturePower the features passed on are {@code max(I, 0)^n} with this {@code n} (the paper's top
 *     layer uses 4.5), at least 1
 * @param initialWeightDistribution uniform or normal
 * @param initialWeightScale the uniform bound or the normal standard deviation, positive
 * @param normalizeInitialRows scale each initial row to the norm the rule converges to (Krotov: {@code p}-norm
 *     {@code R}; the others: Euclidean norm 1), so a scaled crossbar's fixed range fits the learned weights
 * @param weightRead how the decay/reconstruction term reads the weights
 * @param deviceUpdate how the step reaches the devices
 * @param labeledSamples labeled training samples the evaluation may use (a stratified subset), or 0 to use the
 *     evaluation's {@code labelFraction}; at least 0
 * @param inputPreprocessing what is done to every input sample before the first layer (FastHebb whitens; Krotov and
 *     Hopfield use the raw [0, 1] pixels)
 */
public record HebbianConfig(HebbianRuleKind rule, List<Integer> layerSizes, double temperature,
                            BatchAggregation aggregation, Activation activation, double learningRate,
                            boolean scaleLearningRateByFanIn, LearningRateScheduleConfig schedule, int batchSize,
                            int epochs, double krotovNorm, int krotovRank, double krotovAntiHebbianStrength,
                            double krotovRadius, double krotovFeaturePower,
                            WeightDistribution initialWeightDistribution, double initialWeightScale,
                            boolean normalizeInitialRows, WeightRead weightRead, DeviceUpdate deviceUpdate,
                            int labeledSamples, InputPreprocessing inputPreprocessing) {

    /** Validates every field. */
    public HebbianConfig {
        Checks.notNull("rule", rule);
        layerSizes = List.copyOf(Checks.noNullElements("layerSizes", layerSizes));
        int layers = LayerChecks.weightLayers(layerSizes);
        Checks.positiveFinite("temperature", temperature);
        Checks.notNull("aggregation", aggregation);
        Checks.notNull("activation", activation);
        Checks.nonNegativeFinite("learningRate", learningRate);
        Checks.notNull("schedule", schedule);
        Checks.inRange("batchSize", batchSize, 1, 1_000_000);
        Checks.inRange("epochs", epochs, 0, 1_000_000);
        Checks.isTrue(krotovNorm >= 2 && krotovNorm <= 100, "krotovNorm must be in [2, 100], got %s", krotovNorm);
        int smallest = Integer.MAX_VALUE;
        for (int l = 1; l <= layers; l++) {
            smallest = Math.min(smallest, layerSizes.get(l));
        }
        if (rule == HebbianRuleKind.KROTOV_HOPFIELD) {
            Checks.inRange("krotovRank", krotovRank, 2, smallest);
        } else {
            Checks.isTrue(krotovRank >= 2, "krotovRank must be at least 2, got %d", krotovRank);
        }
        Checks.nonNegativeFinite("krotovAntiHebbianStrength", krotovAntiHebbianStrength);
        Checks.positiveFinite("krotovRadius", krotovRadius);
        Checks.isTrue(krotovFeaturePower >= 1 && krotovFeaturePower <= 20,
                "krotovFeaturePower must be in [1, 20], got %s", krotovFeaturePower);
        Checks.notNull("initialWeightDistribution", initialWeightDistribution);
        Checks.positiveFinite("initialWeightScale", initialWeightScale);
        Checks.notNull("weightRead", weightRead);
        Checks.notNull("deviceUpdate", deviceUpdate);
        Checks.inRange("labeledSamples", labeledSamples, 0, 100_000_000);
        Checks.notNull("inputPreprocessing", inputPreprocessing);
    }

    /**
     * FastHebb's soft-WTA ({@code eswta}, reference §1.3 and §1.7) on a 784-2000 layer: T = 0.02, weighted
     * aggregation, η = 1e-2 constant, batch 64, 20 epochs. Deviation: the rows start as random training samples
     * ({@link WeightDistribution#SAMPLES}) because FastHebb whitens its inputs and we do not: on raw non-negative
     * images a random start lets one unit win every sample after one epoch (measured on the synthetic set, see
     * docs/hebbian-muscle.md). Inputs are centred ({@link InputPreprocessing#CENTER}, the first step of FastHebb's
     * whitening): on MNIST (10 000 training images, 784-400, 600 labels) this raised the linear classifier on the
     * untrained features from 71 % to 83 %.
     *
     * @return the setting
     */
    public static HebbianConfig softWinnerTakeAll() {
        return new HebbianConfig(HebbianRuleKind.SOFT_WTA, List.of(784, 2000), 0.02, BatchAggregation.WEIGHTED,
                Activation.RELU, 1e-2, false, new ConstantScheduleConfig(), 64, 20, 2, 2, 0.4, 1, 1,
                WeightDistribution.SAMPLES, 1.0, false, WeightRead.PERIPHERY, DeviceUpdate.DELTA, 0,
                InputPreprocessing.CENTER);
    }

    /**
     * FastHebb's nonlinear Hebbian PCA ({@code hpca}, reference §1.3 and §1.7) on a 784-100 layer: relu outputs,
     * plain mean, η = 1e-2 divided by √fan-in, batch 64, 20 epochs; rows start at Euclidean norm 1; inputs centred
     * ({@link InputPreprocessing#CENTER}: principal components of the centred data, as FastHebb's whitened inputs;
     * on raw images the first unit learns the mean image and wins every sample).
     *
     * @return the setting
     */
    public static HebbianConfig sangerPca() {
        return new HebbianConfig(HebbianRuleKind.SANGER_PCA, List.of(784, 100), 0.02, BatchAggregation.MEAN,
                Activation.RELU, 1e-2, true, new ConstantScheduleConfig(), 64, 20, 2, 2, 0.4, 1, 1,
                WeightDistribution.UNIFORM, 1.0, true, WeightRead.PERIPHERY, DeviceUpdate.DELTA, 0,
                InputPreprocessing.CENTER);
    }

    /**
     * Krotov and Hopfield's demo notebook (reference §4.1): 784-100, p = 2, k = 2, Δ = 0.4, R = 1, η = 2e-2
     * annealed linearly to 0, batch 100, 200 epochs, each step scaled so its largest element is η; weights drawn
     * from N(0, 1) and not normalised, inputs in [0, 1] as given. The large random start matters: untrained rows
     * (norm ≈ √784) overlap more with any sample than rows that already converged to the sphere of radius R, so
     * every unit is recruited; rows started on the unit sphere let the first trained unit win every sample (the
     * collapse docs/hebbian-muscle.md describes).
     *
     * @return the setting
     */
    public static HebbianConfig krotovHopfield() {
        return new HebbianConfig(HebbianRuleKind.KROTOV_HOPFIELD, List.of(784, 100), 0.02, BatchAggregation.MEAN,
                Activation.RELU, 2e-2, false, new LinearScheduleConfig(1, 0, 0), 100, 200, 2, 2, 0.4, 1, 1,
                WeightDistribution.NORMAL, 1.0, false, WeightRead.PERIPHERY, DeviceUpdate.DELTA, 0,
                InputPreprocessing.NONE);
    }

    /**
     * Krotov and Hopfield's MNIST setting as recalled in reference §4.1 ([R]): 784-2000, p = 3, k = 7, Δ = 0.4, about
     * 1000 epochs; otherwise as {@link #krotovHopfield()}.
     *
     * @return the setting
     */
    public static HebbianConfig krotovHopfieldMnist() {
        return krotovHopfield().withLayerSizes(List.of(784, 2000)).withKrotov(3, 7, 0.4, 1).withEpochs(1000);
    }

    /**
     * The preset of a rule.
     *
     * @param rule the rule
     * @return {@link #softWinnerTakeAll()}, {@link #sangerPca()} or {@link #krotovHopfield()}
     */
    public static HebbianConfig defaults(HebbianRuleKind rule) {
        return switch (Checks.notNull("rule", rule)) {
            case SOFT_WTA -> softWinnerTakeAll();
            case SANGER_PCA -> sangerPca();
            case KROTOV_HOPFIELD -> krotovHopfield();
        };
    }

    /** Number of weight layers. */
    public int weightLayers() {
        return layerSizes.size() - 1;
    }

    /** Output neurons of the last layer: the feature count. */
    public int outputs() {
        return layerSizes.get(layerSizes.size() - 1);
    }

    /**
     * The step size of one layer in one epoch: {@code η · schedule(epoch) / (√inputs when scaled)}.
     *
     * @param layer the weight layer, from 0
     * @param epoch the epoch, from 0, below {@code epochs}
     * @return the step size, non-negative
     */
    public double stepSize(int layer, int epoch) {
        double rate = learningRate * schedule.factor(epoch, epochs);
        return scaleLearningRateByFanIn ? rate / Math.sqrt(layerSizes.get(layer)) : rate;
    }

    /** A copy with another number of epochs. */
    public HebbianConfig withEpochs(int newEpochs) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, newEpochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with other layer sizes. */
    public HebbianConfig withLayerSizes(List<Integer> newLayerSizes) {
        return new HebbianConfig(rule, newLayerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with another base learning rate and schedule. */
    public HebbianConfig withLearningRate(double newLearningRate, LearningRateScheduleConfig newSchedule) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, newLearningRate,
                scaleLearningRateByFanIn, newSchedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with another mini-batch size. */
    public HebbianConfig withBatchSize(int newBatchSize) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, newBatchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with another soft-WTA temperature and aggregation. */
    public HebbianConfig withTemperature(double newTemperature, BatchAggregation newAggregation) {
        return new HebbianConfig(rule, layerSizes, newTemperature, newAggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with another Sanger nonlinearity. */
    public HebbianConfig withActivation(Activation newActivation) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, newActivation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with other Krotov parameters {@code p}, {@code k}, Δ and {@code R}. */
    public HebbianConfig withKrotov(double newNorm, int newRank, double newStrength, double newRadius) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, newNorm, newRank, newStrength, newRadius,
                krotovFeaturePower, initialWeightDistribution, initialWeightScale, normalizeInitialRows, weightRead,
                deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with another weight read and device update. */
    public HebbianConfig withDevicePath(WeightRead newWeightRead, DeviceUpdate newDeviceUpdate) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, newWeightRead, newDeviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with other initial weights. */
    public HebbianConfig withInitialWeights(WeightDistribution newDistribution, double newScale,
                                            boolean newNormalizeRows) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, newDistribution, newScale,
                newNormalizeRows, weightRead, deviceUpdate, labeledSamples, inputPreprocessing);
    }

    /** A copy with another input preprocessing. */
    public HebbianConfig withInputPreprocessing(InputPreprocessing newInputPreprocessing) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, labeledSamples,
                newInputPreprocessing);
    }

    /** A copy with another labeled-sample count for the evaluation. */
    public HebbianConfig withLabeledSamples(int newLabeledSamples) {
        return new HebbianConfig(rule, layerSizes, temperature, aggregation, activation, learningRate,
                scaleLearningRateByFanIn, schedule, batchSize, epochs, krotovNorm, krotovRank,
                krotovAntiHebbianStrength, krotovRadius, krotovFeaturePower, initialWeightDistribution,
                initialWeightScale, normalizeInitialRows, weightRead, deviceUpdate, newLabeledSamples, inputPreprocessing);
    }
}
