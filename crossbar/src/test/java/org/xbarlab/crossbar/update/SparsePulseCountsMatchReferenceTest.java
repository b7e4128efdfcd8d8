package org.xbarlab.crossbar.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;

/**
 * The stochastic pulse trains summed by {@link PulseCounter} (coincidences enumerated when sparse, one matrix
 * product when dense) against the obvious reference: the same random draws turned into explicit 0/±1 trains and
 * summed cell by cell, slot by slot. Counts, the fired total and the list of touched cells must agree exactly.
 */
class SparsePulseCountsMatchReferenceTest extends XbarlabTestBase {

    @Property(tries = 60)
    void stochasticCountsEqualTheSlotBySlotSum(@ForAll @IntRange(min = 1, max = 40) int rows,
                                               @ForAll @IntRange(min = 1, max = 40) int columns,
                                               @ForAll @IntRange(min = 1, max = 6) int batch,
                                               @ForAll @DoubleRange(min = 0.001, max = 3.0, maxIncluded = true) @net.jqwik.api.constraints.Scale(4) double learningRate,
                                               @ForAll @DoubleRange(min = 0.0, max = 1.0) double sparsity,
                                               @ForAll boolean bitLengthManagement,
                                               @ForAll boolean updateManagement,
                                               @ForAll @IntRange(min = 0, max = 1000) int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = values(random, batch * columns, sparsity);
        float[] d = values(random, batch * rows, sparsity);
        double weightPerPulse = 0.05;
        PulseUpdateConfig config = new PulseUpdateConfig(PulseScheme.STOCHASTIC, 7, bitLengthManagement,
                updateManagement, 255);
        PulseCounter counter = new PulseCounter(config, rows, columns);
        // A first update, so that the second one must clear what the first left behind.
        counter.count(x, d, batch, learningRate, weightPerPulse, stream(seed + 1));
        long fired = counter.count(x, d, batch, learningRate, weightPerPulse, stream(seed));

        int[] expected = new int[rows * columns];
        long expectedFired = reference(config, rows, columns, x, d, batch, learningRate, weightPerPulse,
                stream(seed), expected);
        assertEquals(expectedFired, fired, "fired");
        assertArrayEquals(expected, counter.counts(), "counts");
        int listed = 0;
        for (int k = 0; k < expected.length; k++) {
            if (expected[k] != 0) {
                assertTrue(listed < counter.touchedCount(), "cell " + k + " is listed");
                assertEquals(k, counter.touched()[listed++], "touched cells in ascending order");
            }
        }
        assertEquals(listed, counter.touchedCount(), "only cells with a non-zero count are listed");

        PulseCounter fresh = new PulseCounter(config, rows, columns);
        assertEquals(expectedFired, fresh.count(x, d, batch, learningRate, weightPerPulse, stream(seed)));
        assertArrayEquals(expected, fresh.counts(), "a fresh counter counts like one that was used before");
    }

    private static UniformRandomProvider stream(long seed) {
        return RngStreams.of(seed).stream("test/pulses");
    }

    private static float[] values(SplittableRandom random, int n, double sparsity) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() < sparsity ? 0f : (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    /** aihwkit's trains written out: explicit trains per sample and slot, every cell summed over them. */
    private static long reference(PulseUpdateConfig config, int rows, int columns, float[] x, float[] d, int batch,
                                  double learningRate, double weightPerPulse, UniformRandomProvider random,
                                  int[] counts) {
        long fired = 0;
        for (int b = 0; b < batch; b++) {
            double xMax = 0;
            for (int j = 0; j < columns; j++) {
                xMax = Math.max(xMax, Math.abs(x[b * columns + j]));
            }
            double dMax = 0;
            for (int i = 0; i < rows; i++) {
                dMax = Math.max(dMax, Math.abs(d[b * rows + i]));
            }
            if (xMax == 0 || dMax == 0) {
                continue;
            }
            double k = learningRate * xMax * dMax / weightPerPulse;
            int bitLength = config.bitLengthManagement()
                    ? (int) Math.max(1, Math.min(Math.ceil(k), config.desiredBitLength()))
                    : config.desiredBitLength();
            double a = Math.sqrt(learningRate / (weightPerPulse * bitLength));
            double c = a;
            if (config.updateManagement()) {
                double clipped = k > bitLength ? dMax * bitLength / k : dMax;
                a *= Math.sqrt(xMax / clipped);
                c *= Math.sqrt(clipped / xMax);
            }
            float[] rowDraws = new float[rows * bitLength];
            RandomFill.uniform(random, rowDraws, 0, rowDraws.length, 0f, 1f);
            float[] columnDraws = new float[columns * bitLength];
            RandomFill.uniform(random, columnDraws, 0, columnDraws.length, 0f, 1f);
            for (int s = 0; s < bitLength; s++) {
                int[] rowTrain = new int[rows];
                int[] columnTrain = new int[columns];
                long rowFires = 0;
                long columnFires = 0;
                for (int i = 0; i < rows; i++) {
                    float dv = d[b * rows + i];
                    float p = (float) Math.min(1.0, a * Math.abs(dv));
                    if (rowDraws[i * bitLength + s] < p) {
                        rowTrain[i] = (int) Math.signum(dv);
                        rowFires++;
                    }
                }
                for (int j = 0; j < columns; j++) {
                    float xv = x[b * columns + j];
                    float p = (float) Math.min(1.0, c * Math.abs(xv));
                    if (columnDraws[s * columns + j] < p) {
                        columnTrain[j] = (int) Math.signum(xv);
                        columnFires++;
                    }
                }
                fired += rowFires * columnFires;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < columns; j++) {
                        counts[i * columns + j] -= rowTrain[i] * columnTrain[j];
                    }
                }
            }
        }
        return fired;
    }
}
