package org.xbarlab.algorithms.supervised;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.data.SyntheticDataset;
import org.xbarlab.algorithms.data.SyntheticDatasetConfig;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.algorithms.wta.EquilibriumConfig;
import org.xbarlab.algorithms.wta.LearningRule;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

class SemiSupervisedNetworkTest extends XbarlabTestBase {

    private static final Dataset TRAIN = SyntheticDataset.generate(
            SyntheticDatasetConfig.defaults().withSampleCount(1000), Split.TRAIN);
    private static final Dataset TEST = SyntheticDataset.generate(
            SyntheticDatasetConfig.defaults().withSampleCount(500), Split.TEST);

    private static SemiSupervisedConfig small(int labels, int preEpochs, int epochs) {
        return new SemiSupervisedConfig(LearningRule.BACKPROPAGATION, List.of(TRAIN.featureCount(), 64, 10),
                List.of(Activation.RELU, Activation.SIGMOID), List.of(0.0, 0.2), labels, preEpochs, 32,
                List.of(3e-3, 3e-3), 0.98, epochs, 64, 32, List.of(3e-3, 3e-3), 0.1, 0.18, 0.72, 0.05, 10, 1, 0.1,
                OptimizerKind.ADAM, 0.5, 0.0, EquilibriumConfig.defaults());
    }

    private static SemiSupervisedConfig smallEquilibrium(int labels, int preEpochs, int epochs) {
        SemiSupervisedConfig paper = SemiSupervisedConfig.equilibrium(100);
        return new SemiSupervisedConfig(LearningRule.EQUILIBRIUM_PROPAGATION, List.of(TRAIN.featureCount(), 64, 10),
                paper.activations(), List.of(0.0, 0.2), labels, preEpochs, 32, List.of(3e-3, 3e-3), 0.96, epochs,
                64, 32, List.of(3e-3, 3e-3), 0.1, 0.1, 0.2, 0.03, 10, 1, 0.1, OptimizerKind.ADAM, 0.5, 0.3,
                paper.equilibrium());
    }

    private static double[] run(SemiSupervisedConfig config) {
        SemiSupervisedNetwork network = new SemiSupervisedNetwork(config, 10,
                (l, r, c) -> new DigitalCrossbar(r, c), RngStreams.of(TEST_SEED));
        float[] images = TRAIN.copyOfImages();
        int[] labels = TRAIN.copyOfLabels();
        int[] labeled = LabeledSubset.stratified(labels, 10, config.labeledSamples(),
                RngStreams.of(TEST_SEED).stream("algorithms/labels"));
        int[] unlabeled = LabeledSubset.complement(labeled, TRAIN.sampleCount());
        for (int e = 0; e < config.preEpochs(); e++) {
            network.preTrainEpoch(images, labels, labeled, e, Progress.NONE);
        }
        double pre = network.accuracy(TEST.copyOfImages(), TEST.copyOfLabels(), TEST.sampleCount(),
                Phase.INFERENCE);
        double unsupervisedLoss = Double.NaN;
        for (int e = 0; e < config.epochs(); e++) {
            EpochResult result = network.unsupervisedEpoch(images, unlabeled, e, Progress.NONE);
            unsupervisedLoss = result.meanLoss();
            network.supervisedEpoch(images, labels, labeled, e, Progress.NONE);
        }
        double after = network.accuracy(TEST.copyOfImages(), TEST.copyOfLabels(), TEST.sampleCount(),
                Phase.INFERENCE);
        return new double[] {pre, after, unsupervisedLoss};
    }

    @Test
    void pretrainingOnFewLabelsThenAlternatingEpochsLearnsAndIsReproducible() {
        double[] first = run(small(100, 20, 5));
        assertTrue(first[0] > 0.3, "pre-training on 100 labels: accuracy " + first[0] + " (chance 0.1)");
        assertTrue(first[1] > 0.3, "after 5 alternating epochs: accuracy " + first[1]);
        assertTrue(Double.isFinite(first[2]) && first[2] > 0, "the unsupervised phase reports its loss");
        double[] second = run(small(100, 20, 5));
        assertEquals(first[1], second[1], 0.0, "same seed, same accuracy");
    }

    @Test
    void equilibriumPropagationWithTheSoftmaxReadOutLearnsAndIsReproducible() {
        double[] first = run(smallEquilibrium(100, 20, 3));
        assertTrue(first[0] > 0.3, "EP pre-training on 100 labels: accuracy " + first[0] + " (chance 0.1)");
        assertTrue(first[1] > 0.3, "EP after 3 alternating epochs: accuracy " + first[1]);
        assertEquals(first[1], run(smallEquilibrium(100, 20, 3))[1], 0.0, "same seed, same accuracy");
        assertThrows(IllegalArgumentException.class, () -> new SemiSupervisedConfig(
                LearningRule.EQUILIBRIUM_PROPAGATION, List.of(784, 10), List.of(Activation.HARD_SIGMOID),
                List.of(0.0), 10, 1, 1, List.of(1e-3), 1.0, 1, 1, 1, List.of(1e-3), 0.1, 0.1, 0.2, 0.03, 1, 1, 0.0,
                OptimizerKind.ADAM, 0.5, 0.3, EquilibriumConfig.defaults()), "EP needs one hidden layer");
    }

    @Test
    void outputsMustBeTheClassesAndPaperSettingsAreTabulated() {
        assertThrows(IllegalArgumentException.class, () -> new SemiSupervisedNetwork(small(10, 1, 1), 7,
                (l, r, c) -> new DigitalCrossbar(r, c), RngStreams.of(TEST_SEED)));
        SemiSupervisedConfig paper = SemiSupervisedConfig.backpropagation(600);
        assertEquals(List.of(1e-4, 2.5e-3), paper.learningRates());
        assertEquals(0.003, paper.homeostasisGain());
        assertEquals(0.001, paper.unsupervisedFactor(0), 1e-12);
        assertEquals(0.18, paper.unsupervisedFactor(400), 1e-12);
        assertEquals(0.05, paper.supervisedFactor(350), 1e-12);
        assertEquals(0.05, paper.supervisedFactor(399), 1e-12, "the supervised schedule stops after 350 epochs");
        assertThrows(IllegalArgumentException.class, () -> SemiSupervisedConfig.backpropagation(200));
    }
}
