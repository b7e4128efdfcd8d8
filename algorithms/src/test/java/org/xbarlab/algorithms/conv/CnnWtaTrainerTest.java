package org.xbarlab.algorithms.conv;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.evaluation.DirectAssociation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unsupervised training of a small CNN toward the k-WTA target separates a synthetic image set. */
class CnnWtaTrainerTest extends XbarlabTestBase {

    private static final int SIDE = 8;
    private static final int CLASSES = 4;

    @Test
    void learnsASyntheticImageSetWellAboveChance() {
        int samples = 400;
        int[] labels = new int[samples];
        float[] images = images(samples, labels, new SplittableRandom(TEST_SEED));
        int[] testLabels = new int[200];
        float[] testImages = images(200, testLabels, new SplittableRandom(TEST_SEED + 1));

        ConvNetConfig network = ConvNetConfig.parse("6f3-24", 1, SIDE, SIDE, PoolingConfig.seedPaper(PoolingKind.MAX),
                0.3);
        CnnWtaConfig config = new CnnWtaConfig(network, OptimizerKind.ADAM, List.of(2e-3, 2e-3), 0.1, 1, 1.0,
                0.0, 6, 16, 1e-2, 100);
        CnnWtaTrainer trainer = new CnnWtaTrainer(config,
                (layer, rows, columns) -> new DigitalCrossbar(rows, columns), RngStreams.of(TEST_SEED));
        double untrained = accuracy(trainer, images, labels, testImages, testLabels);
        EpochResult first = null;
        EpochResult last = null;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            last = trainer.trainEpoch(images, samples, epoch, Progress.NONE);
            if (first == null) {
                first = last;
            }
        }
        double trained = accuracy(trainer, images, labels, testImages, testLabels);
        // Chance is 1/4; the untrained network is the baseline the paper's evaluation also reports.
        assertTrue(trained > 0.9, "direct-association accuracy " + trained + " (untrained " + untrained + ")");
        assertTrue(trained > untrained, "trained " + trained + " vs untrained " + untrained);
        assertTrue(last.meanLoss() < first.meanLoss(), "loss " + first.meanLoss() + " → " + last.meanLoss());
        for (int k = 0; k < trainer.network().convolutionLayers().get(0).pruning().size(); k++) {
            if (trainer.network().convolutionLayers().get(0).pruning().isPruned(k)) {
                float[] weights = new float[6 * 9];
                trainer.network().convolutionLayers().get(0).crossbar().readWeights(weights);
                assertEquals(0f, weights[k], "pruned weight " + k + " stays zero");
            }
        }
    }

    @Test
    void configRoundTripsThroughJsonAndMatchesThePaper() {
        CnnWtaConfig svhn = CnnWtaConfig.seedPaperSvhn();
        assertEquals(8192, svhn.network().flattenedSize());
        assertEquals(0.25 * 0 + (1 - 0.25) / 3000, svhn.targetActivity(), 1e-15);
        assertEquals(1.0, svhn.learningRateFactor(0));
        assertEquals(0.01, svhn.learningRateFactor(100), 1e-12);
        for (CnnWtaConfig config : List.of(svhn, CnnWtaConfig.seedPaperMnist(), CnnWtaConfig.seedPaperFashionMnist())) {
            String json = ConfigMapper.writeJson(config);
            assertEquals(config, ConfigMapper.readString(json, ConfigMapper.Format.JSON, CnnWtaConfig.class,
                    List.of()), json);
        }
    }

    private static double accuracy(CnnWtaTrainer trainer, float[] images, int[] labels, float[] testImages,
                                   int[] testLabels) {
        int outputs = trainer.config().outputs();
        float[] features = new float[labels.length * outputs];
        trainer.features(images, labels.length, features, Phase.INFERENCE);
        DirectAssociation association = DirectAssociation.fit(features, labels, labels.length, outputs, CLASSES);
        float[] testFeatures = new float[testLabels.length * outputs];
        trainer.features(testImages, testLabels.length, testFeatures, Phase.INFERENCE);
        return association.accuracyAverage(testFeatures, testLabels, testLabels.length);
    }

    /** Four classes of 8×8 images: a vertical bar, a horizontal bar, a diagonal or an anti-diagonal, plus noise. */
    static float[] images(int samples, int[] labels, SplittableRandom random) {
        float[] images = new float[samples * SIDE * SIDE];
        for (int n = 0; n < samples; n++) {
            int label = random.nextInt(CLASSES);
            labels[n] = label;
            int shift = random.nextInt(5) - 2;
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    boolean on = switch (label) {
                        case 0 -> c == 3 + shift;
                        case 1 -> r == 3 + shift;
                        case 2 -> r - c == shift;
                        default -> r + c == SIDE - 1 + shift;
                    };
                    images[n * SIDE * SIDE + r * SIDE + c] = (float) Math.min(1.0,
                            (on ? 0.8 : 0.0) + 0.25 * random.nextDouble());
                }
            }
        }
        return images;
    }
}
