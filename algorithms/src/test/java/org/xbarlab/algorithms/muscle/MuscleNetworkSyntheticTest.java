package org.xbarlab.algorithms.muscle;

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
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

/**
 * MUSCLE-style training learns the synthetic set from 100 labels, alone and with the WTA target, and the
 * mutual-information term alone raises the mutual information between views.
 *
 * <p>Bound: chance is 0.1; 500 test samples give a binomial standard deviation of at most 0.022, so 0.4 is more than
 * 13σ above chance.
 */
class MuscleNetworkSyntheticTest extends XbarlabTestBase {

    private static final Dataset TRAIN = SyntheticDataset.generate(
            SyntheticDatasetConfig.defaults().withSampleCount(1000), Split.TRAIN);
    private static final Dataset TEST = SyntheticDataset.generate(
            SyntheticDatasetConfig.defaults().withSampleCount(500), Split.TEST);
    private static final CrossbarFactory DIGITAL = (l, r, c) -> new DigitalCrossbar(r, c);
    private static final double MINIMUM_ACCURACY = 0.4;

    static MuscleConfig small(double crossEntropy, double mutualInformation, double wta) {
        return MuscleConfig.defaults(100).withLayers(List.of(784, 64, 10),
                List.of(Activation.RELU, Activation.IDENTITY)).withTraining(4, 100, 32)
                .withWeights(crossEntropy, mutualInformation, wta);
    }

    /** Test accuracy and the mean loss of the first and the last epoch. */
    static double[] run(MuscleConfig config) {
        MuscleNetwork network = new MuscleNetwork(config, 28, 28, DIGITAL, RngStreams.of(TEST_SEED));
        int[] labels = TRAIN.copyOfLabels();
        int[] labeled = LabeledSubset.stratified(labels, 10, config.labeledSamples(),
                RngStreams.of(TEST_SEED).stream("algorithms/labels"));
        float[] images = TRAIN.copyOfImages();
        double first = Double.NaN;
        double last = Double.NaN;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            last = network.trainEpoch(images, labels, TRAIN.sampleCount(), labeled, epoch, Progress.NONE)
                    .meanLoss();
            if (epoch == 0) {
                first = last;
            }
        }
        double accuracy = network.accuracy(TEST.copyOfImages(), TEST.copyOfLabels(), TEST.sampleCount(),
                Phase.INFERENCE);
        return new double[] {accuracy, first, last};
    }

    @Test
    void crossEntropyPlusMutualInformationLearnsFromOneHundredLabels() {
        double[] result = run(small(1, 1, 0));
        // Measured with seed 20261122: 0.442.
        assertTrue(result[0] > MINIMUM_ACCURACY, "MUSCLE test accuracy " + result[0] + " (chance 0.1), seed "
                + TEST_SEED);
        assertEquals(result[0], run(small(1, 1, 0))[0], 0.0, "same seed, same accuracy");
    }

    @Test
    void togetherWithTheWtaTargetItStillLearns() {
        // WTA weight 0.3: with weight 1 the target pulled the outputs to few classes (0.244 measured).
        double[] result = run(small(1, 1, 0.3));
        assertTrue(result[0] > MINIMUM_ACCURACY, "MUSCLE + WTA test accuracy " + result[0] + " (chance 0.1), seed "
                + TEST_SEED);
    }

    @Test
    void mutualInformationAloneRaisesTheInformationBetweenViews() {
        double[] result = run(small(0, 1, 0));
        // The loss is −I: it starts near 0 (random outputs) and falls toward −ln 10 ≈ −2.30.
        assertTrue(result[2] < result[1] - 0.1, "−I from " + result[1] + " to " + result[2]);
        assertThrows(IllegalArgumentException.class, () -> small(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> small(1, 1, 0).withLayers(List.of(784, 10),
                List.of(Activation.RELU)));
    }
}
