package org.xbarlab.crossbar.parasitics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

class FastIrDropModelTest extends XbarlabTestBase {

    /**
     * The bound documented in docs/ir-drop.md, for square M = N arrays with κ = r·G_max·N²: with 3 sweeps the error
     * is at most 3e-6 of the ideal current for κ ≤ 0.2 and at most 1e-3 for κ ≤ 1.1; with 10 sweeps at most 1e-3
     * for κ ≤ 7. (Beyond, use more sweeps or the exact solve.)
     */
    static void assertWithinDocumentedBound(IrDropAccuracyStudy.Measurement m) {
        double kappa = m.wireToDeviceResistanceRatio() * m.columnCount() * (double) m.columnCount();
        String where = String.format(java.util.Locale.ROOT, "%d x %d, r·G = %g (κ = %.3g), %s input",
                m.rowCount(), m.columnCount(), m.wireToDeviceResistanceRatio(), kappa, m.input().id());
        double three = errorAt(m, 3);
        double ten = errorAt(m, 10);
        if (kappa <= 0.2 && !Double.isNaN(three)) {
            assertTrue(three <= 3e-6, "3 sweeps, " + where + ": error " + three);
        }
        if (kappa <= 1.1 && !Double.isNaN(three)) {
            assertTrue(three <= 1e-3, "3 sweeps, " + where + ": error " + three);
        }
        if (kappa <= 7 && !Double.isNaN(ten)) {
            assertTrue(ten <= 1e-3, "10 sweeps, " + where + ": error " + ten);
        }
    }

    private static double errorAt(IrDropAccuracyStudy.Measurement m, int sweeps) {
        for (int s = 0; s < m.sweepCounts().length; s++) {
            if (m.sweepCounts()[s] == sweeps) {
                return m.fastMaxError()[s];
            }
        }
        return Double.NaN;
    }

    @Test
    void staysWithinTheDocumentedBoundOnSmallArrays() {
        // The full range (up to 256 × 256) is checked by the slow IrDropErrorTableTest.
        for (int size : new int[] {32, 64}) {
            for (double ratio : new double[] {1e-6, 1e-5, 1e-4, 1e-3}) {
                for (IrDropInputPattern input : IrDropInputPattern.values()) {
                    assertWithinDocumentedBound(IrDropAccuracyStudy.measure(size, size, ratio, input,
                            new int[] {3, 10}, RngStreams.of(TEST_SEED)));
                }
            }
        }
    }

    @ParameterizedTest(name = "rows {0} Ω + driver {1} Ω, columns {2} Ω + ground {3} Ω")
    @CsvSource({"3, 0, 2, 0", "3, 40, 2, 25", "0, 40, 2, 0", "0, 0, 2, 25", "3, 0, 0, 25", "3, 40, 0, 0",
            "0, 40, 0, 25", "0, 0, 0, 0", "30, 0, 50, 0"})
    void matchesTheSlowObviousLineGaussSeidel(double rowOhms, double driverOhms, double columnOhms,
                                             double groundOhms) {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 10);
        IrDropCircuitConfig circuit = new IrDropCircuitConfig(rowOhms, columnOhms, driverOhms, groundOhms);
        for (int trial = 0; trial < 6; trial++) {
            int rows = 1 + random.nextInt(9);
            int columns = 1 + random.nextInt(9);
            int batch = 1 + random.nextInt(5);
            int sweeps = 1 + trial % 4; // 1 sweep takes the closed-form path, 2 to 4 the batched sweeps
            float[] g = IrDropReference.toFloat(IrDropReference.uniform(random, rows * columns, 0, 1e-3));
            g[random.nextInt(g.length)] = 0f;
            float[] x = IrDropReference.toFloat(IrDropReference.uniform(random, rows * batch, -1, 1));
            float[] out = new float[columns * batch];
            new FastIrDropModel(circuit, sweeps).columnCurrents(g, rows, columns, x, batch, out);
            double[] gDouble = widen(g);
            for (int k = 0; k < batch; k++) {
                double[] v = widen(Arrays.copyOfRange(x, k * rows, (k + 1) * rows));
                double[] expected = IrDropReference.lineGaussSeidel(rows, columns, gDouble, v, circuit, sweeps);
                double scale = Arrays.stream(IrDropReference.idealCurrents(rows, columns, gDouble, widen(abs(x, k,
                        rows)))).max().orElseThrow();
                for (int j = 0; j < columns; j++) {
                    assertEquals(expected[j], out[k * columns + j], 1e-5 * scale,
                            "trial " + trial + ", sample " + k + ", column " + j);
                }
            }
        }
    }

    @Test
    void convergesToTheExactSolveWithManySweeps() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 11);
        int rows = 12;
        int columns = 9;
        double[] g = IrDropReference.uniform(random, rows * columns, 0, 1e-3);
        double[] v = IrDropReference.uniform(random, rows, 0, 1);
        IrDropCircuitConfig circuit = new IrDropCircuitConfig(2, 3, 20, 10);
        double[] exact = ExactIrDropSolver.factor(rows, columns, g, circuit).solve(v).columnCurrentsAmperes();
        float[] out = new float[columns];
        new FastIrDropModel(circuit, 200).columnCurrents(IrDropReference.toFloat(g), rows, columns,
                IrDropReference.toFloat(v), 1, out);
        double scale = IrDropReference.maxAbs(IrDropReference.idealCurrents(rows, columns, g, v));
        for (int j = 0; j < columns; j++) {
            assertEquals(exact[j], out[j], 2e-6 * scale, "column " + j);
        }
    }

    @ParameterizedTest(name = "rows {0} Ω + driver {1} Ω, columns {2} Ω + ground {3} Ω")
    @CsvSource({"3, 20, 0, 0", "0, 0, 3, 20"})
    void oneSweepIsExactWhenOneKindOfLineIsIdeal(double rowOhms, double driverOhms, double columnOhms,
                                                 double groundOhms) {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 12);
        int rows = 10;
        int columns = 8;
        double[] g = IrDropReference.uniform(random, rows * columns, 0, 1e-2);
        double[] v = IrDropReference.uniform(random, rows, -1, 1);
        IrDropCircuitConfig circuit = new IrDropCircuitConfig(rowOhms, columnOhms, driverOhms, groundOhms);
        double[] exact = ExactIrDropSolver.factor(rows, columns, g, circuit).solve(v).columnCurrentsAmperes();
        float[] out = new float[columns];
        new FastIrDropModel(circuit, 1).columnCurrents(IrDropReference.toFloat(g), rows, columns,
                IrDropReference.toFloat(v), 1, out);
        double scale = IrDropReference.maxAbs(IrDropReference.idealCurrents(rows, columns, g, widen(abs(
                IrDropReference.toFloat(v), 0, rows))));
        for (int j = 0; j < columns; j++) {
            assertEquals(exact[j], out[j], 1e-5 * scale, "column " + j);
        }
    }

    @Test
    void zeroWireResistanceIsTheIdealProduct() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 13);
        float[] g = IrDropReference.toFloat(IrDropReference.uniform(random, 5 * 7, 0, 1e-4));
        float[] x = IrDropReference.toFloat(IrDropReference.uniform(random, 5 * 3, -1, 1));
        float[] out = new float[7 * 3];
        new FastIrDropModel(IrDropCircuitConfig.uniformWires(0), 3).columnCurrents(g, 5, 7, x, 3, out);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 7; j++) {
                float ideal = 0f;
                for (int i = 0; i < 5; i++) {
                    ideal += g[i * 7 + j] * x[k * 5 + i];
                }
                assertEquals(ideal, out[k * 7 + j], 1e-6f * 1e-4f * 5);
            }
        }
    }

    @Test
    void aBatchGivesBitForBitTheSameCurrentsAsOneVectorAtATime() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 14);
        int rows = 13;
        int columns = 11;
        int batch = 17;
        float[] g = IrDropReference.toFloat(IrDropReference.uniform(random, rows * columns, 0, 1e-4));
        float[] x = IrDropReference.toFloat(IrDropReference.uniform(random, rows * batch, 0, 1));
        FastIrDropModel model = new FastIrDropModel(new IrDropCircuitConfig(5, 7, 30, 0), 3);
        float[] batched = new float[columns * batch];
        model.columnCurrents(g, rows, columns, x, batch, batched);
        float[] single = new float[columns];
        for (int k = 0; k < batch; k++) {
            model.columnCurrents(g, rows, columns, Arrays.copyOfRange(x, k * rows, (k + 1) * rows), 1, single);
            assertArrayEquals(single, Arrays.copyOfRange(batched, k * columns, (k + 1) * columns), "sample " + k);
        }
        // A reused instance must not carry state from another shape.
        float[] fresh = new float[columns * batch];
        model.columnCurrents(new float[] {1e-4f}, 1, 1, new float[] {1f}, 1, new float[1]);
        model.columnCurrents(g, rows, columns, x, batch, fresh);
        assertArrayEquals(batched, fresh);
    }

    @Test
    void effectiveConductancesReproduceTheBatchedCurrents() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 15);
        int rows = 8;
        int columns = 6;
        float[] g = IrDropReference.toFloat(IrDropReference.uniform(random, rows * columns, 0, 1e-3));
        FastIrDropModel model = new FastIrDropModel(IrDropCircuitConfig.uniformWires(10), 3);
        float[] w = new float[rows * columns];
        model.effectiveConductances(g, rows, columns, w);
        float[] x = IrDropReference.toFloat(IrDropReference.uniform(random, rows, -1, 1));
        float[] out = new float[columns];
        model.columnCurrents(g, rows, columns, x, 1, out);
        for (int j = 0; j < columns; j++) {
            double viaW = 0;
            for (int i = 0; i < rows; i++) {
                viaW += w[i * columns + j] * (double) x[i];
            }
            assertEquals(out[j], viaW, 1e-5 * 1e-3 * rows);
        }
    }

    @Test
    void rejectsNegativeConductancesAndShortArraysWithNamedMessages() {
        FastIrDropModel model = new FastIrDropModel(IrDropCircuitConfig.defaults(), 3);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> model.columnCurrents(new float[] {1e-5f, -1e-5f}, 1, 2, new float[] {1f}, 1, new float[2]));
        assertTrue(negative.getMessage().contains("conductancesSiemens[0][1]"), negative.getMessage());
        IllegalArgumentException shortOutput = assertThrows(IllegalArgumentException.class,
                () -> model.columnCurrents(new float[] {1e-5f, 1e-5f}, 1, 2, new float[] {1f, 1f}, 2,
                        new float[3]));
        assertTrue(shortOutput.getMessage().contains("columnCurrentsAmperes"), shortOutput.getMessage());
        IllegalArgumentException sweeps = assertThrows(IllegalArgumentException.class,
                () -> new FastIrDropModel(IrDropCircuitConfig.defaults(), 0));
        assertTrue(sweeps.getMessage().contains("fastSweepCount"), sweeps.getMessage());
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = values[k];
        }
        return out;
    }

    private static float[] abs(float[] x, int sample, int rows) {
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = Math.abs(x[sample * rows + i]);
        }
        return out;
    }
}
