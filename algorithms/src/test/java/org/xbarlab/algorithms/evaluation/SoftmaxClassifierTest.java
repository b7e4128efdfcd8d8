package org.xbarlab.algorithms.evaluation;

import java.util.SplittableRandom;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.progress.Progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxClassifierTest extends XbarlabTestBase {

    /** Float rounding of sums of a few dozen terms of order 1; far below any real discrepancy. */
    private static final float TOLERANCE_FLOAT_SUMS = 1e-5f;

    @Test
    void oneFullBatchStepMatchesTheTextbookGradient() {
        int samples = 7;
        int features = 5;
        int classes = 3;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] x = new float[samples * features];
        int[] labels = new int[samples];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(classes);
        }
        double learningRate = 0.3;
        double l2 = 0.01;
        SoftmaxClassifier trained = SoftmaxClassifier.train(x, labels, samples, features, classes,
                new SoftmaxClassifierConfig(1, samples, learningRate, l2),
                RandomSource.L64_X128_MIX.create(1L), Progress.NONE);

        // From zero weights, softmax is uniform: p = 1/classes for every sample and class.
        double[] expectedWeights = new double[features * classes];
        double[] expectedBias = new double[classes];
        for (int c = 0; c < classes; c++) {
            double biasGradient = 0;
            for (int i = 0; i < samples; i++) {
                double delta = 1.0 / classes - (labels[i] == c ? 1 : 0);
                biasGradient += delta / samples;
                for (int f = 0; f < features; f++) {
                    expectedWeights[f * classes + c] -= learningRate * x[i * features + f] * delta / samples;
                }
            }
            expectedBias[c] = -learningRate * biasGradient;
        }
        float[] weights = trained.weights();
        float[] bias = trained.bias();
        for (int i = 0; i < weights.length; i++) {
            assertEquals(expectedWeights[i], weights[i], TOLERANCE_FLOAT_SUMS, "weight " + i);
        }
        for (int c = 0; c < classes; c++) {
            assertEquals(expectedBias[c], bias[c], TOLERANCE_FLOAT_SUMS, "bias " + c);
        }
    }

    @Test
    void learnsSeparableClustersAndIsReproducible() {
        int classes = 4;
        int features = 20;
        int samples = 800;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] centers = new float[classes * features];
        for (int i = 0; i < centers.length; i++) {
            centers[i] = (float) random.nextDouble(-1, 1);
        }
        float[] x = new float[samples * features];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = i % classes;
            for (int f = 0; f < features; f++) {
                x[i * features + f] = centers[labels[i] * features + f] + (float) (0.5 * random.nextGaussian());
            }
        }
        SoftmaxClassifierConfig config = new SoftmaxClassifierConfig(5, 32, 0.2, 0.0);
        SoftmaxClassifier a = SoftmaxClassifier.train(x, labels, samples, features, classes, config,
                RandomSource.L64_X128_MIX.create(9L), Progress.NONE);
        SoftmaxClassifier b = SoftmaxClassifier.train(x, labels, samples, features, classes, config,
                RandomSource.L64_X128_MIX.create(9L), Progress.NONE);

        double accuracy = a.accuracy(x, labels, samples);
        assertTrue(accuracy > 0.95, "accuracy on well separated clusters was " + accuracy);
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.bias(), b.bias());
    }

    @Test
    void softmaxIsStableForLargeLogits() {
        float[] logits = {1000f, 1000f, -1000f};
        SoftmaxClassifier.softmaxInPlace(logits, 0, new float[3], 3);
        assertEquals(0.5f, logits[0], 1e-6f);
        assertEquals(0.5f, logits[1], 1e-6f);
        assertEquals(0f, logits[2], 1e-6f);
    }

    @Test
    void rejectsBadInputWithTheOffendingValue() {
        float[] x = new float[4];
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxClassifier.train(x, new int[] {0, 5}, 2, 2, 3, SoftmaxClassifierConfig.defaults(),
                        RandomSource.L64_X128_MIX.create(1L), Progress.NONE));
        assertTrue(label.getMessage().contains("labels[1]") && label.getMessage().contains("5"),
                label.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> SoftmaxClassifier.train(x, new int[] {0, 1, 1}, 3, 2, 3, SoftmaxClassifierConfig.defaults(),
                        RandomSource.L64_X128_MIX.create(1L), Progress.NONE));
        assertTrue(size.getMessage().contains("3 × 2"), size.getMessage());
        IllegalArgumentException config = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxClassifierConfig(1, 0, 0.1, 0));
        assertTrue(config.getMessage().contains("batchSize"), config.getMessage());
    }
}
