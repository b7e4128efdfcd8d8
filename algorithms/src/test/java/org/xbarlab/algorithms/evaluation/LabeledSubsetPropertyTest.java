package org.xbarlab.algorithms.evaluation;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the stratified split for arbitrary label sets, sizes and seeds. */
class LabeledSubsetPropertyTest extends XbarlabTestBase {

    /** A label set (some classes possibly empty), a requested size in [1, n] and a seed. */
    record Case(int[] labels, int classCount, int count, long seed) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> classCounts = Arbitraries.integers().between(1, 12);
        return classCounts.flatMap(classes -> Arbitraries.integers().between(0, classes - 1).array(int[].class)
                .ofMinSize(1).ofMaxSize(400)
                .flatMap(labels -> Combinators.combine(
                        Arbitraries.integers().between(1, labels.length),
                        Arbitraries.longs())
                        .as((count, seed) -> new Case(labels, classes, count, seed))));
    }

    @Property(tries = 300)
    void keepsClassProportionsAndIsAValidDeterministicSubset(@ForAll("cases") Case testCase) {
        int[] labels = testCase.labels();
        int n = labels.length;
        int[] subset = LabeledSubset.stratified(labels, testCase.classCount(), testCase.count(),
                RngStreams.of(testCase.seed()).stream(StreamNames.ALGORITHMS_SHUFFLE));
        String context = "seed " + testCase.seed() + ", labels " + Arrays.toString(labels) + ", count "
                + testCase.count();

        assertEquals(testCase.count(), subset.length, context);
        for (int i = 0; i < subset.length; i++) {
            assertTrue(subset[i] >= 0 && subset[i] < n, context);
            assertTrue(i == 0 || subset[i] > subset[i - 1], "indices must be distinct and increasing; " + context);
        }
        int[] population = new int[testCase.classCount()];
        int[] chosen = new int[testCase.classCount()];
        for (int label : labels) {
            population[label]++;
        }
        for (int index : subset) {
            chosen[labels[index]]++;
        }
        for (int c = 0; c < population.length; c++) {
            long exactNumerator = (long) testCase.count() * population[c];
            long floor = exactNumerator / n;
            long ceil = (exactNumerator + n - 1) / n;
            assertTrue(chosen[c] == floor || chosen[c] == ceil, "class " + c + " got " + chosen[c]
                    + " for an exact share of " + exactNumerator + "/" + n + "; " + context);
        }

        int[] again = LabeledSubset.stratified(labels, testCase.classCount(), testCase.count(),
                RngStreams.of(testCase.seed()).stream(StreamNames.ALGORITHMS_SHUFFLE));
        assertArrayEquals(subset, again, "same stream, same subset; " + context);
    }
}
