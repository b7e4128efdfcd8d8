package org.xbarlab.crossbar.parasitics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

class AihwkitIrDropHeuristicTest extends XbarlabTestBase {

    /** aihwkit's applyIrDrop written out literally, one output at a time, in double precision. */
    private static double[] literal(double[] g, int rows, int columns, double[] v, double wireOhms) {
        double scale = 0;
        for (double x : v) {
            scale = Math.max(scale, Math.abs(x));
        }
        double[] out = new double[columns];
        for (int j = 0; j < columns; j++) {
            double ideal = 0;
            double absSum = 0;
            double positional = 0;
            for (int i = 0; i < rows; i++) {
                double w = g[i * columns + j];
                ideal += w * v[i];
                absSum += w * Math.abs(v[i]) / scale;
                double p = 1.0 - (double) i / rows;
                positional += w * v[i] * (1 - p * p);
            }
            double a = rows * wireOhms * absSum;
            double c = a * (a * (0.05 * a - 0.2) + 0.5);
            out[j] = ideal - c * positional;
        }
        return out;
    }

    @Test
    void vectorizedPathMatchesTheLiteralFormula() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 20);
        for (int trial = 0; trial < 10; trial++) {
            int rows = 1 + random.nextInt(40);
            int columns = 1 + random.nextInt(40);
            int batch = 1 + random.nextInt(6);
            double wire = random.nextDouble() * 5;
            float[] g = IrDropReference.toFloat(IrDropReference.uniform(random, rows * columns, 0, 1e-4));
            float[] x = IrDropReference.toFloat(IrDropReference.uniform(random, rows * batch, -1, 1));
            float[] out = new float[columns * batch];
            new AihwkitIrDropHeuristic(wire).columnCurrents(g, rows, columns, x, batch, out);
            double[] gDouble = new double[g.length];
            for (int k = 0; k < g.length; k++) {
                gDouble[k] = g[k];
            }
            for (int k = 0; k < batch; k++) {
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = x[k * rows + i];
                }
                double[] expected = literal(gDouble, rows, columns, v, wire);
                double scale = 1e-4 * rows;
                for (int j = 0; j < columns; j++) {
                    assertEquals(expected[j], out[k * columns + j], 1e-5 * scale,
                            "trial " + trial + ", sample " + k + ", column " + j);
                }
            }
        }
    }

    @Test
    void zeroWireResistanceAndZeroInputAreExact() {
        float[] g = {1e-5f, 2e-5f, 3e-5f, 4e-5f};
        float[] out = new float[2];
        new AihwkitIrDropHeuristic(0).columnCurrents(g, 2, 2, new float[] {1f, 0.5f}, 1, out);
        assertEquals(1e-5f + 0.5f * 3e-5f, out[0], 1e-12f);
        assertEquals(2e-5f + 0.5f * 4e-5f, out[1], 1e-12f);
        new AihwkitIrDropHeuristic(1).columnCurrents(g, 2, 2, new float[] {0f, 0f}, 1, out);
        assertEquals(0f, out[0]);
        assertEquals(0f, out[1]);
    }
}
