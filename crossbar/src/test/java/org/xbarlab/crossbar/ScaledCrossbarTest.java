package org.xbarlab.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;

class ScaledCrossbarTest extends XbarlabTestBase {

    private static float[] values(SplittableRandom random, int n, double scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (scale * (2 * random.nextDouble() - 1));
        }
        return v;
    }

    @Test
    void scalingIsInvisibleOnExactWeights() {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        int rows = 5;
        int columns = 7;
        int batch = 3;
        DigitalCrossbar reference = new DigitalCrossbar(rows, columns);
        DigitalCrossbar inner = new DigitalCrossbar(rows, columns);
        ScaledCrossbar scaled = new ScaledCrossbar(inner, 4.0);
        float[] w = values(random, rows * columns, 0.02);
        reference.program(w);
        scaled.program(w);
        float largest = 0f;
        for (float v : w) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertEquals(4.0 * largest, scaled.scale(), 1e-9);
        float[] held = new float[rows * columns];
        inner.readWeights(held);
        for (float v : held) {
            assertEquals(true, Math.abs(v) <= 0.25f + 1e-6f, "the inner crossbar holds normalized weights: " + v);
        }

        float[] x = values(random, batch * columns, 1);
        float[] d = values(random, batch * rows, 1);
        float[] expected = new float[batch * rows];
        float[] actual = new float[batch * rows];
        reference.forward(x, batch, expected, Phase.INFERENCE);
        scaled.forward(x, batch, actual, Phase.INFERENCE);
        assertArrayEquals(expected, actual, 1e-6f);
        float[] expectedBack = new float[batch * columns];
        float[] actualBack = new float[batch * columns];
        reference.backward(d, batch, expectedBack, Phase.TRAINING);
        scaled.backward(d, batch, actualBack, Phase.TRAINING);
        assertArrayEquals(expectedBack, actualBack, 1e-6f);
        reference.update(x, d, batch, 0.01);
        scaled.update(x, d, batch, 0.01);
        float[] expectedWeights = new float[rows * columns];
        float[] actualWeights = new float[rows * columns];
        reference.readWeights(expectedWeights);
        scaled.readWeights(actualWeights);
        assertArrayEquals(expectedWeights, actualWeights, 1e-6f);
    }
}
