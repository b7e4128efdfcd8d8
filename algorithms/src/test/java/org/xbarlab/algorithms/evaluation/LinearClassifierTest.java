package org.xbarlab.algorithms.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.data.SyntheticDataset;
import org.xbarlab.algorithms.data.SyntheticDatasetConfig;
import org.xbarlab.algorithms.network.AdamOptimizer;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

class LinearClassifierTest extends XbarlabTestBase {

    /** Stream indices of this test's shuffle and dropout streams (any two distinct streams would do). */
    private static final long SHUFFLE_INDEX = 1;
    private static final long DROPOUT_INDEX = 2;

    private static UniformRandomProvider shuffle() {
        return RngStreams.of(TEST_SEED).stream(StreamNames.ALGORITHMS_SHUFFLE, SHUFFLE_INDEX);
    }

    private static UniformRandomProvider dropout() {
        return RngStreams.of(TEST_SEED).stream(StreamNames.ALGORITHMS_SHUFFLE, DROPOUT_INDEX);
    }

    // ---------------------------------------------------------------------------------------------------------
    // gradient

    /** The loss written out in double: mean over rows of −log softmax(act(x·W + b))_y. */
    private static double referenceLoss(ClassifierActivation activation, double[] x, int rows, int features,
                                        int classes, int[] labels, double[] w, double[] b) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double[] a = new double[classes];
            for (int c = 0; c < classes; c++) {
                double z = b[c];
                for (int f = 0; f < features; f++) {
                    z += x[r * features + f] * w[f * classes + c];
                }
                a[c] = activation == ClassifierActivation.SIGMOID ? 1 / (1 + Math.exp(-z)) : z;
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(a[c]);
            }
            total += Math.log(sum) - a[labels[r]];
        }
        return total / rows;
    }

    @ParameterizedTest
    @EnumSource(ClassifierActivation.class)
    void gradientMatchesFiniteDifferences(ClassifierActivation activation) {
        int rows = 6;
        int features = 5;
        int classes = 4;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] x = new float[rows * features];
        float[] w = new float[features * classes];
        float[] b = new float[classes];
        int[] labels = new int[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-1.5, 1.5);
        }
        for (int c = 0; c < classes; c++) {
            b[c] = (float) random.nextDouble(-0.5, 0.5);
        }
        for (int r = 0; r < rows; r++) {
            labels[r] = random.nextInt(classes);
        }
        float[] weightGradient = new float[w.length];
        float[] biasGradient = new float[classes];
        double loss = LinearClassifier.lossAndGradient(activation, x, rows, features, classes, labels, w, b,
                new float[rows * classes], weightGradient, biasGradient, null);

        double[] xd = toDouble(x);
        double[] wd = toDouble(w);
        double[] bd = toDouble(b);
        double expectedLoss = referenceLoss(activation, xd, rows, features, classes, labels, wd, bd);
        assertEquals(expectedLoss, loss, 1e-6 * Math.max(1, expectedLoss), "loss");

        // Central differences on the double-precision loss: truncation error O(h²) ≈ 1e-10, rounding ≈ 1e-12/h.
        double h = 1e-5;
        // Float gradients of terms of order 1: a few float ulps.
        double tolerance = 2e-6;
        for (int i = 0; i < wd.length; i++) {
            double saved = wd[i];
            wd[i] = saved + h;
            double plus = referenceLoss(activation, xd, rows, features, classes, labels, wd, bd);
            wd[i] = saved - h;
            double minus = referenceLoss(activation, xd, rows, features, classes, labels, wd, bd);
            wd[i] = saved;
            assertEquals((plus - minus) / (2 * h), weightGradient[i], tolerance, activation + " dL/dW[" + i + "]");
        }
        for (int c = 0; c < classes; c++) {
            double saved = bd[c];
            bd[c] = saved + h;
            double plus = referenceLoss(activation, xd, rows, features, classes, labels, wd, bd);
            bd[c] = saved - h;
            double minus = referenceLoss(activation, xd, rows, features, classes, labels, wd, bd);
            bd[c] = saved;
            assertEquals((plus - minus) / (2 * h), biasGradient[c], tolerance, activation + " dL/db[" + c + "]");
        }
    }

    private static double[] toDouble(float[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return copy;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Adam

    @Test
    void adamMatchesPyTorchFormulaInDouble() {
        int size = 7;
        double learningRate = 0.01;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        AdamOptimizer adam = new AdamOptimizer(size);
        float[] parameters = new float[size];
        double[] expected = new double[size];
        double[] m = new double[size];
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            parameters[i] = (float) random.nextDouble(-1, 1);
            expected[i] = parameters[i];
        }
        for (int t = 1; t <= 20; t++) {
            float[] gradient = new float[size];
            for (int i = 0; i < size; i++) {
                gradient[i] = (float) (random.nextDouble(-1, 1) * Math.pow(10, -random.nextInt(4)));
                m[i] = 0.9 * m[i] + 0.1 * gradient[i];
                v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i];
                double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                expected[i] -= learningRate / (1 - Math.pow(0.9, t)) * m[i] / denominator;
            }
            adam.step(parameters, gradient, learningRate);
        }
        assertEquals(20, adam.steps());
        for (int i = 0; i < size; i++) {
            // 20 steps of at most lr each, float rounding of each step about 1e-7 relative.
            assertEquals(expected[i], parameters[i], 1e-6, "parameter " + i);
        }
    }

    @Test
    void firstFullBatchStepMovesEveryParameterByTheLearningRateAgainstItsGradient() {
        int samples = 9;
        int features = 4;
        int classes = 3;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] x = new float[samples * features];
        int[] labels = new int[samples];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(0.1, 1);
        }
        for (int i = 0; i < samples; i++) {
            labels[i] = i % classes;
        }
        double learningRate = 0.05;
        LinearClassifierConfig config = new LinearClassifierConfig(ClassifierActivation.SIGMOID, 0, learningRate,
                1, samples, new ConstantScheduleConfig());
        LinearClassifier trained = LinearClassifier.train(LabeledFeatures.of(x, labels, samples, features), null,
                classes, config, shuffle(), dropout(), Progress.NONE).classifier();

        // Adam's first step is lr·g/(|g| + ε) in size, whatever the gradient's scale.
        float[] weightGradient = new float[features * classes];
        float[] biasGradient = new float[classes];
        LinearClassifier.lossAndGradient(ClassifierActivation.SIGMOID, x, samples, features, classes, labels,
                new float[features * classes], new float[classes], new float[samples * classes], weightGradient,
                biasGradient, null);
        float[] weights = trained.weights();
        for (int i = 0; i < weights.length; i++) {
            double g = weightGradient[i];
            assertEquals(-learningRate * g / (Math.abs(g) + 1e-8), weights[i], 1e-7, "weight " + i);
        }
        float[] bias = trained.bias();
        for (int c = 0; c < classes; c++) {
            double g = biasGradient[c];
            assertEquals(-learningRate * g / (Math.abs(g) + 1e-8), bias[c], 1e-7, "bias " + c);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // learning

    /** Gaussian clusters around random centres, separable with a wide margin. */
    private static LabeledFeatures clusters(long seed, int samples, int features, int classes) {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom centres = new SplittableRandom(TEST_SEED);
        float[] centre = new float[classes * features];
        for (int i = 0; i < centre.length; i++) {
            centre[i] = (float) centres.nextDouble(-1, 1);
        }
        float[] x = new float[samples * features];
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(classes);
            for (int f = 0; f < features; f++) {
                x[i * features + f] = centre[labels[i] * features + f] + (float) (0.4 * random.nextGaussian());
            }
        }
        return LabeledFeatures.of(x, labels, samples, features);
    }

    @ParameterizedTest
    @EnumSource(ClassifierActivation.class)
    void learnsSeparableClustersWithThePaperSetting(ClassifierActivation activation) {
        LabeledFeatures train = clusters(1, 2000, 30, 5);
        LabeledFeatures test = clusters(2, 1000, 30, 5);
        LinearClassifierConfig config = LinearClassifierConfig.defaults().withActivation(activation).withEpochs(10);
        LinearClassifierResult result = LinearClassifier.train(train, test, 5, config, shuffle(), dropout(),
                Progress.NONE);
        assertTrue(result.finalTestAccuracy() > 0.95, activation + ": test accuracy "
                + result.finalTestAccuracy() + ", chance is 0.2");
        assertEquals(result.finalTestAccuracy(), result.classifier().accuracy(test), 0);
    }

    @Test
    void learnsTheSyntheticDigitsWellAboveChance() {
        SyntheticDatasetConfig data = SyntheticDatasetConfig.defaults();
        Dataset train = SyntheticDataset.generate(data, Split.TRAIN);
        Dataset test = SyntheticDataset.generate(data.withSampleCount(1000), Split.TEST);
        LabeledFeatures trainFeatures = LabeledFeatures.of(train.copyOfImages(), train.copyOfLabels(),
                train.sampleCount(), train.featureCount());
        LabeledFeatures testFeatures = LabeledFeatures.of(test.copyOfImages(), test.copyOfLabels(),
                test.sampleCount(), test.featureCount());
        long start = System.nanoTime();
        LinearClassifierResult result = LinearClassifier.train(trainFeatures, testFeatures, train.classCount(),
                LinearClassifierConfig.defaults().withEpochs(10), shuffle(), dropout(), Progress.NONE);
        double seconds = (System.nanoTime() - start) * 1e-9;
        // Chance is 10 %; SyntheticDatasetConfig.defaults() documents about 77 % for softmax regression.
        assertTrue(result.finalTestAccuracy() > 0.6, "test accuracy " + result.finalTestAccuracy()
                + " after " + seconds + " s");
    }

    // ---------------------------------------------------------------------------------------------------------
    // reproducibility, curve, streams

    @Test
    void sameStreamsGiveTheSameClassifierOnAnyThreadCount() {
        LabeledFeatures train = clusters(3, 600, 40, 4);
        LinearClassifierConfig config = LinearClassifierConfig.defaults().withEpochs(3).withBatchSize(64);
        int threads = Kernels.threads();
        try {
            Kernels.setThreads(1);
            LinearClassifier one = LinearClassifier.train(train, null, 4, config, shuffle(), dropout(),
                    Progress.NONE).classifier();
            Kernels.setThreads(2);
            LinearClassifier two = LinearClassifier.train(train, null, 4, config, shuffle(), dropout(),
                    Progress.NONE).classifier();
            assertArrayEquals(one.weights(), two.weights());
            assertArrayEquals(one.bias(), two.bias());
        } finally {
            Kernels.setThreads(threads);
        }
        LinearClassifier otherShuffle = LinearClassifier.train(train, null, 4, config,
                RngStreams.of(TEST_SEED + 1).stream(StreamNames.ALGORITHMS_SHUFFLE), dropout(), Progress.NONE)
                .classifier();
        LinearClassifier again = LinearClassifier.train(train, null, 4, config, shuffle(), dropout(),
                Progress.NONE).classifier();
        assertFalse(Arrays.equals(again.weights(), otherShuffle.weights()));
    }

    @Test
    void aSelectedViewTrainsExactlyLikeItsCopiedRows() {
        LabeledFeatures all = clusters(4, 500, 20, 3);
        int[] subset = LabeledSubset.stratified(all.copyOfLabels(), 3, 0.3, shuffle());
        LabeledFeatures view = all.select(subset);
        LabeledFeatures copy = LabeledFeatures.of(view.copyOfFeatures(), view.copyOfLabels(), view.sampleCount(),
                view.featureCount());
        LinearClassifierConfig config = LinearClassifierConfig.defaults().withEpochs(2).withBatchSize(32);
        LinearClassifierResult fromView = LinearClassifier.train(view, all, 3, config, shuffle(), dropout(),
                Progress.NONE);
        LinearClassifierResult fromCopy = LinearClassifier.train(copy, all, 3, config, shuffle(), dropout(),
                Progress.NONE);
        assertArrayEquals(fromCopy.classifier().weights(), fromView.classifier().weights());
        assertEquals(fromCopy.testAccuracyPerEpoch(), fromView.testAccuracyPerEpoch());
        assertArrayEquals(fromCopy.classifier().predict(view), fromView.classifier().predict(copy));
    }

    @Test
    void predictionsAcrossChunksAgreeForContiguousRowsAndViews() {
        int samples = 2 * DirectAssociation.CHUNK_ROWS + 77;
        LabeledFeatures all = clusters(10, samples, 12, 4);
        LinearClassifier classifier = LinearClassifier.train(clusters(11, 400, 12, 4), null, 4,
                LinearClassifierConfig.defaults().withEpochs(2), shuffle(), dropout(), Progress.NONE).classifier();
        int[] reversed = new int[samples];
        for (int i = 0; i < samples; i++) {
            reversed[i] = samples - 1 - i;
        }
        int[] forward = classifier.predict(all);
        int[] backward = classifier.predict(all.select(reversed));
        for (int i = 0; i < samples; i++) {
            assertEquals(forward[samples - 1 - i], backward[i], "sample " + i);
        }
        assertEquals(classifier.accuracy(all), classifier.accuracy(all.select(reversed)), 1e-12);
        assertEquals(classifier.meanLoss(all), classifier.meanLoss(all.select(reversed)), 1e-9);
    }

    @Test
    void reportsOneProgressStepAndOneCurvePointPerEpoch() {
        LabeledFeatures train = clusters(5, 300, 10, 3);
        LabeledFeatures test = clusters(6, 100, 10, 3);
        List<Long> steps = new ArrayList<>();
        List<String> finished = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void start(String task, long totalSteps) {
                assertEquals(4, totalSteps);
            }

            @Override
            public void step(long stepsDone, String detail) {
                steps.add(stepsDone);
                assertTrue(detail.contains("test accuracy"), detail);
            }

            @Override
            public void finish(String summary) {
                finished.add(summary);
            }
        };
        LinearClassifierConfig config = LinearClassifierConfig.defaults().withEpochs(4);
        LinearClassifierResult result = LinearClassifier.train(train, test, 3, config, shuffle(), dropout(),
                recording);
        assertEquals(List.of(1L, 2L, 3L, 4L), steps);
        assertEquals(1, finished.size());
        assertEquals(4, result.epochs());
        assertEquals(4, result.testAccuracyPerEpoch().size());
        assertEquals(4, result.testLossPerEpoch().size());
        assertEquals(4, result.trainAccuracyPerEpoch().size());
        for (int e = 0; e < 4; e++) {
            assertEquals(0.1 * Math.pow(0.9, e), result.learningRatePerEpoch().get(e), 1e-15);
        }
        assertEquals(result.testAccuracyPerEpoch().get(3), result.finalTestAccuracy());
        assertEquals(result.classifier().meanLoss(test), result.testLossPerEpoch().get(3), 1e-12);

        String json = ConfigMapper.writeJson(result);
        assertTrue(json.contains("\"finalTestAccuracy\"") && json.contains("\"testAccuracyPerEpoch\"")
                && !json.contains("classifier"), json);

        LinearClassifierResult noTest = LinearClassifier.train(train, null, 3, config, shuffle(), dropout(),
                Progress.NONE);
        assertTrue(Double.isNaN(noTest.finalTestAccuracy()));
        assertTrue(noTest.testAccuracyPerEpoch().isEmpty());
    }

    @Test
    void dropoutZeroesTheRightFractionAndScalesTheRest() {
        int length = 200_001; // odd: the last feature takes the low half of a fresh output
        double p = 0.2;
        float[] in = new float[length];
        Arrays.fill(in, 1f);
        float[] out = new float[length + 3];
        float[] keepOrDrop = {(float) (1 / (1 - p)), 0f};
        LinearClassifier.dropoutRow(in, 0, out, 3, length, dropout(), Math.round(p * LinearClassifier.TWO_TO_THE_32),
                keepOrDrop);
        int dropped = 0;
        for (int i = 0; i < length; i++) {
            float value = out[3 + i];
            assertTrue(value == 0f || value == 1.25f, "feature " + i + " = " + value);
            if (value == 0f) {
                dropped++;
            }
        }
        double sigma = Math.sqrt(p * (1 - p) / length);
        assertEquals(p, (double) dropped / length, 5 * sigma, "dropped fraction, 5 sigma");
        assertEquals(0f, out[0] + out[1] + out[2], "nothing written before the offset");
    }

    @Test
    void theDropoutStreamIsUsedOnlyWithDropout() {
        LabeledFeatures train = clusters(7, 200, 10, 3);
        LinearClassifierConfig noDropout = LinearClassifierConfig.defaults().withEpochs(2).withDropoutFraction(0);
        UniformRandomProvider unused = dropout();
        LinearClassifierResult plain = LinearClassifier.train(train, null, 3, noDropout, shuffle(), unused,
                Progress.NONE);
        assertEquals(dropout().nextLong(), unused.nextLong(), "the dropout stream must not be advanced");
        LinearClassifierResult dropped = LinearClassifier.train(train, null, 3, noDropout.withDropoutFraction(0.5),
                shuffle(), dropout(), Progress.NONE);
        assertFalse(Arrays.equals(plain.classifier().weights(), dropped.classifier().weights()));
    }

    @Test
    void rejectsBadInputNamingIt() {
        LabeledFeatures train = clusters(8, 10, 3, 3);
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifier.train(train, null, 2, LinearClassifierConfig.defaults(), shuffle(),
                        dropout(), Progress.NONE));
        assertTrue(classes.getMessage().contains("[0, 2)"), classes.getMessage());
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> LinearClassifier.train(train, clusters(9, 10, 4, 3), 3, LinearClassifierConfig.defaults(),
                        shuffle(), dropout(), Progress.NONE));
        assertTrue(width.getMessage().contains("3 features"), width.getMessage());
        float[] broken = train.copyOfFeatures();
        broken[4] = Float.NaN;
        IllegalStateException diverged = assertThrows(IllegalStateException.class,
                () -> LinearClassifier.train(LabeledFeatures.of(broken, train.copyOfLabels(), 10, 3), null, 3,
                        LinearClassifierConfig.defaults(), shuffle(), dropout(), Progress.NONE));
        assertTrue(diverged.getMessage().contains("epoch 1/50"), diverged.getMessage());
    }
}
