package org.xbarlab.algorithms.evaluation;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabeledSubsetTest extends XbarlabTestBase {

    /** MNIST's training label histogram, so that the 1 % split has realistic unequal classes. */
    private static final int[] MNIST_TRAIN_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};

    private static UniformRandomProvider stream(long index) {
        return RngStreams.of(TEST_SEED).stream(StreamNames.ALGORITHMS_SHUFFLE, index);
    }

    private static int[] mnistLikeLabels() {
        int total = Arrays.stream(MNIST_TRAIN_COUNTS).sum();
        int[] labels = new int[total];
        int written = 0;
        for (int c = 0; c < MNIST_TRAIN_COUNTS.length; c++) {
            for (int i = 0; i < MNIST_TRAIN_COUNTS[c]; i++) {
                labels[written++] = c;
            }
        }
        // Interleave the classes deterministically so that the indices of a class are not one block.
        int[] shuffled = new int[total];
        for (int i = 0; i < total; i++) {
            shuffled[i] = labels[(int) ((long) i * 7919 % total)];
        }
        return shuffled;
    }

    @Test
    void onePercentOfMnistKeepsEveryClassShare() {
        int[] labels = mnistLikeLabels();
        int[] subset = LabeledSubset.stratified(labels, 10, 0.01, stream(1));
        assertEquals(600, subset.length);
        int[] counts = new int[10];
        for (int index : subset) {
            counts[labels[index]]++;
        }
        for (int c = 0; c < 10; c++) {
            double share = 600.0 * MNIST_TRAIN_COUNTS[c] / 60000;
            assertTrue(counts[c] == Math.floor(share) || counts[c] == Math.ceil(share),
                    "class " + c + ": " + counts[c] + " samples for an exact share of " + share);
        }
    }

    @Test
    void sameStreamGivesTheSameSubsetAndAnotherStreamAnother() {
        int[] labels = mnistLikeLabels();
        int[] a = LabeledSubset.stratified(labels, 10, 0.05, stream(1));
        int[] b = LabeledSubset.stratified(labels, 10, 0.05, stream(1));
        int[] c = LabeledSubset.stratified(labels, 10, 0.05, stream(2));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void theWholeSetIsEveryIndexInOrderAndDrawsNothing() {
        int[] labels = {2, 0, 1, 1, 0};
        UniformRandomProvider random = stream(3);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, LabeledSubset.stratified(labels, 3, 1.0, random));
        assertEquals(stream(3).nextLong(), random.nextLong(), "the stream must not have been advanced");
    }

    @Test
    void countForFractionRoundsDownButForgivesBinaryRounding() {
        assertEquals(600, LabeledSubset.countForFraction(60000, 0.01));
        assertEquals(29, LabeledSubset.countForFraction(100, 0.29)); // 0.29 × 100 = 28.999999999999996 in binary
        assertEquals(2, LabeledSubset.countForFraction(5, 0.5));
        assertEquals(60000, LabeledSubset.countForFraction(60000, 1.0));
        assertThrows(IllegalArgumentException.class, () -> LabeledSubset.countForFraction(10, 0));
        assertThrows(IllegalArgumentException.class, () -> LabeledSubset.countForFraction(10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> LabeledSubset.countForFraction(10, Double.NaN));
    }

    @Test
    void complementHoldsTheOtherIndices() {
        assertArrayEquals(new int[] {0, 2, 5}, LabeledSubset.complement(new int[] {4, 1, 3}, 6));
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> LabeledSubset.complement(new int[] {1, 1}, 3));
        assertTrue(repeated.getMessage().contains("repeats"), repeated.getMessage());
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> LabeledSubset.stratified(new int[] {0, 3}, 3, 1, stream(1)));
        assertTrue(label.getMessage().contains("labels[1]"), label.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> LabeledSubset.stratified(new int[] {0, 1}, 2, 3, stream(1)));
        assertTrue(count.getMessage().contains("count"), count.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> LabeledSubset.stratified(new int[] {0, 1}, 2, 0.1, stream(1)));
        assertTrue(empty.getMessage().contains("selects no sample"), empty.getMessage());
    }
}
