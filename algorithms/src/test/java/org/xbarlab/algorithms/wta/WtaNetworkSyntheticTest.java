package org.xbarlab.algorithms.wta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.data.SyntheticDataset;
import org.xbarlab.algorithms.data.SyntheticDatasetConfig;
import org.xbarlab.algorithms.evaluation.DirectAssociation;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

/**
 * Unsupervised training on the synthetic set: direct association must beat chance (10 %) by a wide margin and the
 * untrained network clearly.
 */
class WtaNetworkSyntheticTest extends XbarlabTestBase {

    @ParameterizedTest
    @EnumSource(LearningRule.class)
    void learnsTheSyntheticClassesWithoutLabelsAndIsReproducible(LearningRule rule) {
        Dataset train = SyntheticDataset.generate(SyntheticDatasetConfig.defaults().withSampleCount(1000),
                Split.TRAIN);
        Dataset test = SyntheticDataset.generate(SyntheticDatasetConfig.defaults().withSampleCount(500),
                Split.TEST);
        WtaConfig base = rule == LearningRule.BACKPROPAGATION ? WtaConfig.backpropagationOneLayer()
                : WtaConfig.equilibriumOneLayer();
        // The paper's BP rate (8) is tuned for 2000 outputs and a loss averaged over the outputs: scale it with the
        // output count so the step per weight stays the same. EP's update has no such average.
        int outputs = 100;
        WtaConfig sized = base.withLayerSizes(List.of(train.featureCount(), outputs)).withEpochs(3);
        WtaConfig config = rule == LearningRule.BACKPROPAGATION
                ? sized.withLearningRates(List.of(base.learningRates().get(0) * outputs / 2000.0)) : sized;
        float[] first = train(config, train, test);
        double accuracy = accuracy(config, train, test, first);
        double untrained = accuracy(config, train, test, train(config.withEpochs(0), train, test));
        // Measured with seed 20261122: untrained 0.31; after 3 epochs 0.40 (BP) and 0.38 (EP). The synthetic set
        // is harder for direct association with 100 neurons than MNIST with 2000.
        assertTrue(accuracy > 0.3 && accuracy > untrained + 0.05, rule + ": direct-association accuracy "
                + accuracy + " after training, " + untrained + " untrained (chance 0.1), seed " + TEST_SEED);
        assertArrayEquals(first, train(config, train, test), 0f, "same seed, same features");
    }

    /**
     * The difference form of EP's contrastive update changes how the first layer's ΔW reaches the crossbar, not
     * ΔW: with exact weights both forms give the same weights up to float rounding.
     */
    @org.junit.jupiter.api.Test
    void differenceUpdateGivesTheSameWeightsAsThePerPhaseUpdate() {
        Dataset train = SyntheticDataset.generate(SyntheticDatasetConfig.defaults().withSampleCount(64),
                Split.TRAIN);
        WtaConfig base = WtaConfig.equilibriumOneLayer().withLayerSizes(List.of(train.featureCount(), 50))
                .withEpochs(1);
        float[] perPhase = weightsAfterOneEpoch(base, train);
        float[] difference = weightsAfterOneEpoch(
                base.withEquilibrium(base.equilibrium().withContrastUpdate(ContrastUpdate.DIFFERENCE)), train);
        float[] untrained = weightsAfterOneEpoch(base.withEpochs(0), train);
        double largestChange = 0;
        for (int k = 0; k < perPhase.length; k++) {
            largestChange = Math.max(largestChange, Math.abs(perPhase[k] - untrained[k]));
            assertEquals(perPhase[k], difference[k], 1e-6f, "weight " + k);
        }
        assertTrue(largestChange > 1e-3, "the epoch changed the weights (" + largestChange + ")");
    }

    private static float[] weightsAfterOneEpoch(WtaConfig config, Dataset train) {
        WtaNetwork network = new WtaNetwork(config, (l, r, c) -> new DigitalCrossbar(r, c),
                RngStreams.of(TEST_SEED));
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            network.trainEpoch(train.copyOfImages(), train.sampleCount(), epoch, Progress.NONE);
        }
        float[] weights = new float[config.layerSizes().get(0) * config.outputs()];
        network.layers().get(0).crossbar().readWeights(weights);
        return weights;
    }

    private static float[] train(WtaConfig config, Dataset train, Dataset test) {
        WtaNetwork network = new WtaNetwork(config, (l, r, c) -> new DigitalCrossbar(r, c),
                RngStreams.of(TEST_SEED));
        float[] images = train.copyOfImages();
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            network.trainEpoch(images, train.sampleCount(), epoch, Progress.NONE);
        }
        int n = config.outputs();
        float[] features = new float[(train.sampleCount() + test.sampleCount()) * n];
        float[] all = new float[(train.sampleCount() + test.sampleCount()) * train.featureCount()];
        System.arraycopy(images, 0, all, 0, images.length);
        System.arraycopy(test.copyOfImages(), 0, all, images.length, test.sampleCount() * test.featureCount());
        network.features(all, train.sampleCount() + test.sampleCount(), features, Phase.INFERENCE);
        return features;
    }

    private static double accuracy(WtaConfig config, Dataset train, Dataset test, float[] features) {
        int n = config.outputs();
        float[] trainFeatures = java.util.Arrays.copyOf(features, train.sampleCount() * n);
        float[] testFeatures = java.util.Arrays.copyOfRange(features, train.sampleCount() * n, features.length);
        DirectAssociation association = DirectAssociation.fit(trainFeatures, train.copyOfLabels(),
                train.sampleCount(), n, train.classCount());
        return association.accuracyAverage(testFeatures, test.copyOfLabels(), test.sampleCount());
    }
}
