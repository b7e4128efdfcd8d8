package org.xbarlab.crossbar.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

class PulseCounterTest extends XbarlabTestBase {

    private static float[] values(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }

    @Test
    void deterministicCountsMatchTheObviousLoop() {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        int rows = 7;
        int columns = 11;
        int batch = 5;
        float[] x = values(random, batch * columns);
        float[] d = values(random, batch * rows);
        double learningRate = 0.3;
        double weightPerPulse = 0.01;
        PulseUpdateConfig config = new PulseUpdateConfig(PulseScheme.DETERMINISTIC, 31, true, true, 40);
        PulseCounter counter = new PulseCounter(config, rows, columns);
        long total = counter.count(x, d, batch, learningRate, weightPerPulse, null);
        int[] pulses = counter.counts();
        int[] expected = new int[rows * columns];
        long expectedTotal = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double change = 0;
                for (int b = 0; b < batch; b++) {
                    change -= learningRate * d[b * rows + i] * x[b * columns + j];
                }
                int n = (int) Math.max(-40, Math.min(40, Math.rint(change / weightPerPulse)));
                expected[i * columns + j] = n;
                expectedTotal += Math.abs(n);
            }
        }
        // float32 rounding of the product can move a count that sits exactly between two integers by one.
        for (int k = 0; k < expected.length; k++) {
            assertTrue(Math.abs(expected[k] - pulses[k]) <= 1, "device " + k);
        }
        assertEquals(expectedTotal, total, rows * columns);
        assertTrue(java.util.Arrays.stream(pulses).anyMatch(n -> Math.abs(n) == 40), "the cap is reached");
    }

    @Test
    void stochasticTrainsAreUnbiasedInExpectation() {
        int rows = 3;
        int columns = 4;
        float[] x = {0.9f, -0.5f, 0.2f, 0f};
        float[] d = {-0.8f, 0.4f, 0.1f};
        double learningRate = 0.05;
        double weightPerPulse = 0.002;
        PulseCounter counter = new PulseCounter(PulseUpdateConfig.stochastic(), rows, columns);
        var stream = RngStreams.of(TEST_SEED).stream("test/pulses");
        int repetitions = 4000;
        double[] sum = new double[rows * columns];
        double[] squares = new double[rows * columns];
        long fired = 0;
        long net = 0;
        for (int r = 0; r < repetitions; r++) {
            fired += counter.count(x, d, 1, learningRate, weightPerPulse, stream);
            int[] pulses = counter.counts();
            for (int k = 0; k < pulses.length; k++) {
                sum[k] += pulses[k];
                squares[k] += (double) pulses[k] * pulses[k];
                net += Math.abs(pulses[k]);
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int k = i * columns + j;
                double expected = -learningRate * d[i] * x[j] / weightPerPulse;
                double mean = sum[k] / repetitions;
                double variance = Math.max(squares[k] / repetitions - mean * mean, 1e-9);
                assertEquals(expected, mean, 5 * Math.sqrt(variance / repetitions) + 1e-9,
                        "device (" + i + ", " + j + "), seed " + TEST_SEED);
            }
        }
        assertEquals(net, fired, "one sample: every coincidence of a device has the same sign");
    }

    @Test
    void zeroLearningRateOrZeroInputFiresNothing() {
        PulseCounter counter = new PulseCounter(PulseUpdateConfig.stochastic(), 2, 2);
        var stream = RngStreams.of(TEST_SEED).stream("x");
        // A first update leaves counts behind; the silent update must clear them.
        assertTrue(counter.count(new float[] {1f, 1f}, new float[] {1f, 1f}, 1, 100, 0.01, stream) > 0);
        assertTrue(java.util.Arrays.stream(counter.counts()).anyMatch(n -> n != 0));
        long fired = counter.count(new float[] {0f, 0f}, new float[] {1f, 1f}, 1, 0.1, 0.01, stream);
        assertEquals(0, fired);
        assertArrayEquals(new int[4], counter.counts());
        assertEquals(0, counter.touchedCount());
    }
}
