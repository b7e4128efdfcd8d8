package org.xbarlab.algorithms.evaluation;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test: the fast {@link DirectAssociation} (products through the kernels) against a slow, obvious
 * transcription of reference/seed-algorithm.md §4.1 written with plain loops.
 */
class DirectAssociationMatchesReferenceTest extends XbarlabTestBase {

    /**
     * The obvious implementation: loops that sum in double, straight from the specification; only the final
     * division of a mean is rounded to float, as the fast implementation stores it.
     */
    static final class Reference {
        final int neurons;
        final int classes;
        final double[][] means;
        final int[] neuronLabels;

        Reference(float[] x, int[] labels, int samples, int neurons, int classes) {
            this.neurons = neurons;
            this.classes = classes;
            means = new double[classes][neurons];
            int[] counts = new int[classes];
            for (int b = 0; b < samples; b++) {
                counts[labels[b]]++;
                for (int j = 0; j < neurons; j++) {
                    means[labels[b]][j] += x[b * neurons + j];
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < neurons; j++) {
                    // Rounded to float like the stored means: with exact sums both sides then agree exactly.
                    means[c][j] = counts[c] == 0 ? 0 : (float) means[c][j] / (float) counts[c];
                }
            }
            neuronLabels = new int[neurons];
            for (int j = 0; j < neurons; j++) {
                int best = -1;
                for (int c = 0; c < classes; c++) {
                    if (counts[c] > 0 && (best < 0 || means[c][j] > means[best][j])) {
                        best = c;
                    }
                }
                neuronLabels[j] = means[best][j] == 0 ? -1 : best;
            }
        }

        double[] averageScores(float[] x, int sample) {
            double[] scores = new double[classes];
            for (int c = 0; c < classes; c++) {
                double sum = 0;
                int count = 0;
                for (int j = 0; j < neurons; j++) {
                    if (neuronLabels[j] == c) {
                        sum += x[sample * neurons + j];
                        count++;
                    }
                }
                scores[c] = count == 0 ? -1 : (float) sum / (float) count;
            }
            return scores;
        }

        int predictAverage(float[] x, int sample) {
            double[] scores = averageScores(x, sample);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (scores[c] > scores[best]) {
                    best = c;
                }
            }
            return best;
        }

        int predictMax(float[] x, int sample) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < neurons; j++) {
                double value = neuronLabels[j] == -1 ? -1 : x[sample * neurons + j];
                if (value > bestValue) {
                    bestValue = value;
                    best = j;
                }
            }
            return neuronLabels[best];
        }
    }

    /**
     * Hard-sigmoid-like outputs in multiples of 1/8 in [0, 1], mostly 0, some exactly 1, and a few neurons that never
     * respond: every sum is exact in float whatever its order, so the fast and the slow implementation must agree
     * exactly, ties (frequent here) included.
     */
    @Test
    void dyadicOutputsWithManyTiesMatchExactly() {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        // More test samples than DirectAssociation.CHUNK_ROWS, so that chunk boundaries are crossed.
        int samples = 500 + 2 * DirectAssociation.CHUNK_ROWS + 300;
        int neurons = 90;
        int classes = 7;
        float[] x = new float[samples * neurons];
        int[] labels = new int[samples];
        for (int b = 0; b < samples; b++) {
            labels[b] = random.nextInt(classes);
            for (int j = 0; j < neurons; j++) {
                boolean silent = j % 15 == 0;
                boolean fires = random.nextInt(4) == 0 || (j % classes == labels[b] && random.nextBoolean());
                x[b * neurons + j] = silent || !fires ? 0f : random.nextInt(1, 9) / 8f;
            }
        }
        int train = 500;
        compare(x, labels, train, samples, neurons, classes, 0);

        // The case must exercise what it is meant to: silent neurons and exact ties in the average rule.
        Reference reference = new Reference(x, labels, train, neurons, classes);
        long unassigned = Arrays.stream(reference.neuronLabels).filter(label -> label == -1).count();
        assertTrue(unassigned >= neurons / 15, unassigned + " unassigned neurons");
        int ties = 0;
        for (int i = train; i < samples; i++) {
            double[] scores = reference.averageScores(x, i);
            double best = Arrays.stream(scores).max().orElseThrow();
            if (Arrays.stream(scores).filter(score -> score == best).count() > 1) {
                ties++;
            }
        }
        assertTrue(ties > 0, "no exact tie among the test samples");

        // Both rules' accuracies, from contiguous rows and from a reversed view (gathered in chunks).
        DirectAssociation fast = DirectAssociation.fit(x, labels, train, neurons, classes);
        int testSamples = samples - train;
        int[] reversed = new int[testSamples];
        int correctAverage = 0;
        int correctMax = 0;
        for (int i = 0; i < testSamples; i++) {
            reversed[i] = samples - 1 - i;
            correctAverage += reference.predictAverage(x, train + i) == labels[train + i] ? 1 : 0;
            correctMax += reference.predictMax(x, train + i) == labels[train + i] ? 1 : 0;
        }
        DirectAssociationResult expected = new DirectAssociationResult((double) correctAverage / testSamples,
                (double) correctMax / testSamples, testSamples, (int) unassigned);
        LabeledFeatures all = LabeledFeatures.of(x, labels, samples, neurons);
        assertEquals(expected, fast.evaluate(all.select(reversed)));
        float[] testRows = new float[testSamples * neurons];
        System.arraycopy(x, train * neurons, testRows, 0, testRows.length);
        int[] testLabels = Arrays.copyOfRange(labels, train, samples);
        assertEquals(expected, fast.evaluate(LabeledFeatures.of(testRows, testLabels, testSamples, neurons)));

        // Fitting on a view of all samples (gathered in several chunks) equals fitting on the contiguous rows.
        int[] allReversed = new int[samples];
        for (int i = 0; i < samples; i++) {
            allReversed[i] = samples - 1 - i;
        }
        DirectAssociation fromView = DirectAssociation.fit(all.select(allReversed), classes);
        DirectAssociation contiguous = DirectAssociation.fit(all, classes);
        assertArrayEquals(contiguous.classMeans(), fromView.classMeans());
        assertArrayEquals(contiguous.neuronLabels(), fromView.neuronLabels());
    }

    /** Continuous outputs of both signs: sums are rounded differently, so only near-ties may disagree. */
    @Test
    void continuousOutputsMatchUpToNearTies() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 1);
        int samples = 1500;
        int neurons = 200;
        int classes = 10;
        float[] x = new float[samples * neurons];
        int[] labels = new int[samples];
        for (int b = 0; b < samples; b++) {
            labels[b] = random.nextInt(classes);
            for (int j = 0; j < neurons; j++) {
                double signal = j % classes == labels[b] ? 0.6 : 0;
                x[b * neurons + j] = (float) (signal + 0.5 * random.nextGaussian());
            }
        }
        compare(x, labels, 1000, samples, neurons, classes, 1e-5);
    }

    /**
     * Fits on the first {@code train} samples and predicts the rest with both implementations. With
     * {@code tolerance} 0 every result must be identical; otherwise a disagreement is allowed only where the
     * reference's two best values are within {@code tolerance} (relative to 1) of each other.
     */
    private static void compare(float[] x, int[] labels, int train, int samples, int neurons, int classes,
                                double tolerance) {
        Reference reference = new Reference(x, labels, train, neurons, classes);
        DirectAssociation fast = DirectAssociation.fit(x, labels, train, neurons, classes);

        float[] means = fast.classMeans();
        int[] fastLabels = fast.neuronLabels();
        for (int j = 0; j < neurons; j++) {
            for (int c = 0; c < classes; c++) {
                assertEquals(reference.means[c][j], means[c * neurons + j], tolerance == 0 ? 0 : 1e-5,
                        "M[" + c + "][" + j + "]");
            }
            if (fastLabels[j] != reference.neuronLabels[j]) {
                int a = Math.max(0, fastLabels[j]);
                int b = Math.max(0, reference.neuronLabels[j]);
                assertTrue(tolerance > 0 && Math.abs(reference.means[a][j] - reference.means[b][j]) < tolerance,
                        "neuron " + j + ": fast label " + fastLabels[j] + ", reference " + reference.neuronLabels[j]);
            }
        }
        int testSamples = samples - train;
        float[] test = new float[testSamples * neurons];
        System.arraycopy(x, train * neurons, test, 0, test.length);
        int[] average = fast.predictAverage(test, testSamples);
        int[] max = fast.predictMax(test, testSamples);
        int disagreements = 0;
        for (int i = 0; i < testSamples; i++) {
            if (average[i] != reference.predictAverage(test, i)) {
                double[] scores = reference.averageScores(test, i);
                assertTrue(tolerance > 0 && Math.abs(scores[average[i]] - scores[reference.predictAverage(test, i)])
                        < tolerance, "average rule, sample " + i);
                disagreements++;
            }
            if (max[i] != reference.predictMax(test, i)) {
                assertTrue(tolerance > 0, "max rule, sample " + i);
                disagreements++;
            }
        }
        assertTrue(disagreements <= testSamples / 100, disagreements + " near-tie disagreements");
        if (tolerance == 0) {
            int[] expectedAverage = new int[testSamples];
            int[] expectedMax = new int[testSamples];
            for (int i = 0; i < testSamples; i++) {
                expectedAverage[i] = reference.predictAverage(test, i);
                expectedMax[i] = reference.predictMax(test, i);
            }
            assertArrayEquals(expectedAverage, average);
            assertArrayEquals(expectedMax, max);
        }
    }
}
