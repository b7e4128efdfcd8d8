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

class ExactIrDropSolverTest extends XbarlabTestBase {

    private static double[] filled(int length, double value) {
        double[] values = new double[length];
        Arrays.fill(values, value);
        return values;
    }

    @ParameterizedTest(name = "R = {0} Ω, r = {1} Ω")
    @CsvSource({"1e5, 1", "1e4, 0.15", "1, 1", "1e6, 1e-9", "2.5e3, 40"})
    void oneByOneHasRelativeErrorMinusTwoROverRPlusTwoR(double deviceOhms, double wireOhms) {
        // One cell: V → r → R → r → ground, so I = V / (R + 2r) and (I − V/R)/(V/R) = −2r/(R + 2r).
        ExactIrDropSolver solver = ExactIrDropSolver.factor(1, 1, new double[] {1 / deviceOhms},
                IrDropCircuitConfig.uniformWires(wireOhms));
        IrDropSolution solution = solver.solve(new double[] {0.7});
        double expected = -2 * wireOhms / (deviceOhms + 2 * wireOhms);
        assertEquals(expected, solution.columnRelativeError()[0], 1e-14 * Math.abs(expected));
        assertEquals(0.7 / (deviceOhms + 2 * wireOhms), solution.columnCurrentsAmperes()[0],
                1e-14 * 0.7 / deviceOhms);
    }

    @Test
    void oneByOneWithDriverAndVirtualGroundResistancesAddsThemInSeries() {
        double deviceOhms = 1e4;
        IrDropCircuitConfig circuit = new IrDropCircuitConfig(2, 3, 50, 70);
        IrDropSolution solution = ExactIrDropSolver.factor(1, 1, new double[] {1 / deviceOhms}, circuit)
                .solve(new double[] {1});
        double series = 2 + 3 + 50 + 70;
        assertEquals(-series / (deviceOhms + series), solution.columnRelativeError()[0], 1e-14);
    }

    @Test
    void twoByTwoMatchesTheHandSolvedNetwork() {
        // Solved exactly by writing Kirchhoff's current law at the 8 nodes (row wires 1 Ω, column wires 2 Ω, ideal
        // driver and ground, G = [[1, 1/2], [1/3, 1/4]] S, V = [1, 2] V) and eliminating by hand (checked with
        // sympy): I = [27/79, 21/79] A, and the two sources deliver 236/1817 A and 868/1817 A.
        double[] g = {1, 0.5, 1.0 / 3, 0.25};
        IrDropSolution solution = ExactIrDropSolver.factor(2, 2, g, new IrDropCircuitConfig(1, 2, 0, 0))
                .solve(new double[] {1, 2});
        assertArrayEquals(new double[] {27.0 / 79, 21.0 / 79}, solution.columnCurrentsAmperes(), 1e-14);
        assertArrayEquals(new double[] {27.0 / 79, 21.0 / 79}, solution.groundCurrentsAmperes(), 1e-14);
        assertArrayEquals(new double[] {236.0 / 1817, 868.0 / 1817}, solution.sourceCurrentsAmperes(), 1e-14);
    }

    @Test
    void twoByTwoWithSeriesResistancesMatchesTheHandSolvedNodeVoltages() {
        // Same network with a 1/2 Ω driver and a 3/2 Ω virtual-ground resistance (exact rationals, sympy):
        // I = [4/17, 10/51] A; a = [[275/306, 131/153], [445/306, 199/153]], b = [[401/459, 118/153], [14/17, 35/51]].
        double[] g = {1, 0.5, 1.0 / 3, 0.25};
        IrDropSolution solution = ExactIrDropSolver.factor(2, 2, g, new IrDropCircuitConfig(1, 2, 0.5, 1.5))
                .solve(new double[] {1, 2});
        assertArrayEquals(new double[] {4.0 / 17, 10.0 / 51}, solution.columnCurrentsAmperes(), 1e-14);
        assertArrayEquals(new double[] {275.0 / 306, 131.0 / 153, 445.0 / 306, 199.0 / 153},
                solution.rowNodeVoltagesVolts(), 1e-14);
        assertArrayEquals(new double[] {401.0 / 459, 118.0 / 153, 14.0 / 17, 35.0 / 51},
                solution.columnNodeVoltagesVolts(), 1e-14);
    }

    @Test
    void matchesThePeerStudyReferenceWithADriverResistanceOnEveryRow() {
        // shared/reference/crosssim-memtorch.md §1.7: 64 × 64, r/R = 1e-4, all-ones input, series driver resistance
        // of 10 r on every row ("intended circuit"): worst −0.2954, mean −0.2522 (4 digits as published).
        double conductance = 1e-3;
        double wire = 1e-4 / conductance;
        IrDropCircuitConfig circuit = IrDropCircuitConfig.uniformWires(wire).withDriverResistanceOhms(10 * wire);
        double[] error = ExactIrDropSolver.factor(64, 64, filled(64 * 64, conductance), circuit)
                .solve(filled(64, 1)).columnRelativeError();
        double worst = Arrays.stream(error).min().orElseThrow();
        double mean = Arrays.stream(error).average().orElseThrow();
        assertEquals(-0.2954, worst, 5e-5);
        assertEquals(-0.2522, mean, 5e-5);
    }

    @Test
    void kirchhoffSourceCurrentsEqualGroundCurrents() {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + random.nextInt(12);
            int columns = 1 + random.nextInt(12);
            double[] g = IrDropReference.uniform(random, rows * columns, 0, 1e-4);
            double[] v = IrDropReference.uniform(random, rows, -1, 1);
            IrDropCircuitConfig circuit = new IrDropCircuitConfig(random.nextDouble() * 10,
                    random.nextDouble() * 10, random.nextDouble() * 100, random.nextDouble() * 100);
            IrDropSolution solution = ExactIrDropSolver.factor(rows, columns, g, circuit).solve(v);
            double sources = Arrays.stream(solution.sourceCurrentsAmperes()).sum();
            double grounds = Arrays.stream(solution.groundCurrentsAmperes()).sum();
            double scale = Arrays.stream(solution.idealColumnCurrentsAmperes()).map(Math::abs).sum();
            assertEquals(sources, grounds, 1e-12 * scale, "trial " + trial + ", seed " + TEST_SEED);
            for (int j = 0; j < columns; j++) {
                assertEquals(solution.columnCurrentsAmperes()[j], solution.groundCurrentsAmperes()[j],
                        1e-12 * scale, "column " + j + " of trial " + trial);
            }
        }
    }

    @Test
    void moreWireResistanceLosesMoreCurrent() {
        // With every row at the same voltage the array is a two-terminal network, so by Rayleigh's monotonicity law
        // its total current falls when any resistance grows; with uniform conductances every column falls too.
        SplittableRandom random = new SplittableRandom(TEST_SEED + 1);
        int rows = 9;
        int columns = 7;
        double[] randomG = IrDropReference.uniform(random, rows * columns, 0, 1e-4);
        double[] uniformG = filled(rows * columns, 5e-5);
        double[] ones = filled(rows, 1);
        double[] previousTotal = null;
        double[] previousColumns = null;
        for (double wire : new double[] {0, 0.1, 1, 3, 10, 30, 100}) {
            IrDropCircuitConfig circuit = IrDropCircuitConfig.uniformWires(wire);
            double total = Arrays.stream(ExactIrDropSolver.factor(rows, columns, randomG, circuit).solve(ones)
                    .columnCurrentsAmperes()).sum();
            double[] uniformColumns = ExactIrDropSolver.factor(rows, columns, uniformG, circuit).solve(ones)
                    .columnCurrentsAmperes();
            if (previousTotal != null) {
                assertTrue(total < previousTotal[0], "total current at r = " + wire + " Ω");
                for (int j = 0; j < columns; j++) {
                    assertTrue(uniformColumns[j] < previousColumns[j], "column " + j + " at r = " + wire + " Ω");
                }
            }
            previousTotal = new double[] {total};
            previousColumns = uniformColumns;
        }
    }

    @Test
    void zeroWireResistanceIsTheIdealProduct() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 2);
        double[] g = IrDropReference.uniform(random, 6 * 5, 0, 1e-4);
        double[] v = IrDropReference.uniform(random, 6, -1, 1);
        ExactIrDropSolver solver = ExactIrDropSolver.factor(6, 5, g, IrDropCircuitConfig.uniformWires(0));
        assertEquals(0, solver.unknownCount());
        assertArrayEquals(IrDropReference.idealCurrents(6, 5, g, v), solver.solve(v).columnCurrentsAmperes(), 0.0);
    }

    @ParameterizedTest(name = "rows {0} Ω + driver {1} Ω, columns {2} Ω + ground {3} Ω")
    @CsvSource({"3, 0, 2, 0", "3, 40, 2, 25", "0, 40, 2, 0", "0, 0, 2, 25", "3, 0, 0, 25", "3, 40, 0, 0",
            "0, 40, 0, 25", "0, 40, 0, 0", "0, 0, 0, 25"})
    void agreesWithADenseNodeVoltageSolveIncludingIdealWires(double rowOhms, double driverOhms, double columnOhms,
                                                            double groundOhms) {
        // The dense reference needs positive wire resistances; an ideal wire is represented there by 1e-7 Ω. Its
        // effect (r·G·N² ≈ 5e-8 relative) and the reference's own rounding (its conductances then span 1e-9 of
        // each other) are below a tolerance of 1e-6, while a wrong merge of nodes would be off by far more.
        SplittableRandom random = new SplittableRandom(TEST_SEED + 3);
        for (int trial = 0; trial < 5; trial++) {
            int rows = 1 + random.nextInt(7);
            int columns = 1 + random.nextInt(7);
            double[] g = IrDropReference.uniform(random, rows * columns, 0, 1e-2);
            g[random.nextInt(g.length)] = 0;
            double[] v = IrDropReference.uniform(random, rows, -1, 1);
            IrDropCircuitConfig circuit = new IrDropCircuitConfig(rowOhms, columnOhms, driverOhms, groundOhms);
            IrDropCircuitConfig referenceCircuit = new IrDropCircuitConfig(Math.max(rowOhms, 1e-7),
                    Math.max(columnOhms, 1e-7), driverOhms, groundOhms);
            double tolerance = rowOhms > 0 && columnOhms > 0 ? 1e-10 : 1e-6;
            double[] expected = IrDropReference.denseNodalCurrents(rows, columns, g, v, referenceCircuit);
            double[] actual = ExactIrDropSolver.factor(rows, columns, g, circuit).solve(v).columnCurrentsAmperes();
            double scale = IrDropReference.maxAbs(IrDropReference.idealCurrents(rows, columns, g, v));
            assertArrayEquals(expected, actual, tolerance * scale, "trial " + trial);
        }
    }

    @Test
    void agreesWithADenseSolveOnLargerRandomNetworks() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 4);
        for (int trial = 0; trial < 4; trial++) {
            int rows = 5 + random.nextInt(20);
            int columns = 5 + random.nextInt(20);
            double[] g = IrDropReference.uniform(random, rows * columns, 1e-6, 1e-4);
            double[] v = IrDropReference.uniform(random, rows, 0, 1);
            IrDropCircuitConfig circuit = new IrDropCircuitConfig(random.nextDouble() * 20, random.nextDouble() * 20,
                    random.nextDouble() * 200, random.nextDouble() * 200);
            double[] expected = IrDropReference.denseNodalCurrents(rows, columns, g, v, circuit);
            double[] actual = ExactIrDropSolver.factor(rows, columns, g, circuit).solve(v).columnCurrentsAmperes();
            double scale = IrDropReference.maxAbs(IrDropReference.idealCurrents(rows, columns, g, v));
            assertArrayEquals(expected, actual, 1e-10 * scale, "trial " + trial + " (" + rows + "x" + columns + ")");
        }
    }

    @Test
    void tinyWireResistanceKeepsFullRelativePrecisionOfTheDrop() {
        // r·G = 1e-14: the drop is a few 1e-12 of the current, far below what node voltages near V can resolve in
        // double precision. The deviation formulation must still match the first-order perturbation to many digits
        // (the second-order term is of relative size r·G·N² ≈ 1e-11).
        SplittableRandom random = new SplittableRandom(TEST_SEED + 5);
        int rows = 16;
        int columns = 12;
        double[] g = IrDropReference.uniform(random, rows * columns, 0.5e-5, 1e-5);
        double[] v = IrDropReference.uniform(random, rows, 0.1, 1);
        double wire = 1e-9;
        IrDropSolution solution = ExactIrDropSolver.factor(rows, columns, g, IrDropCircuitConfig.uniformWires(wire))
                .solve(v);
        double[] firstOrder = IrDropReference.firstOrderCurrentChange(rows, columns, g, v, wire, wire);
        for (int j = 0; j < columns; j++) {
            assertTrue(firstOrder[j] < 0);
            assertEquals(firstOrder[j], solution.columnCurrentChangeAmperes()[j], 1e-9 * Math.abs(firstOrder[j]),
                    "column " + j);
        }
    }

    @Test
    void theDropVanishesContinuouslyAsTheWireResistanceGoesToZero() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 6);
        double[] g = IrDropReference.uniform(random, 8 * 8, 0, 1e-4);
        double[] v = IrDropReference.uniform(random, 8, 0, 1);
        double[] atZero = ExactIrDropSolver.factor(8, 8, g, IrDropCircuitConfig.uniformWires(0)).solve(v)
                .columnCurrentsAmperes();
        for (double wire : new double[] {1e-3, 1e-6, 1e-12, 1e-200, 1e-310}) {
            double[] near = ExactIrDropSolver.factor(8, 8, g, IrDropCircuitConfig.uniformWires(wire)).solve(v)
                    .columnCurrentsAmperes();
            for (int j = 0; j < 8; j++) {
                double expectedBound = 1e-4 * 8 * 8 * 4 * wire * IrDropReference.maxAbs(atZero) + 1e-18;
                assertEquals(atZero[j], near[j], expectedBound, "r = " + wire + " Ω, column " + j);
            }
        }
    }

    @Test
    void zeroConductancesAndZeroInputsAreHandled() {
        int rows = 5;
        int columns = 4;
        double[] g = new double[rows * columns];
        ExactIrDropSolver empty = ExactIrDropSolver.factor(rows, columns, g, IrDropCircuitConfig.uniformWires(1));
        assertArrayEquals(new double[columns], empty.solve(filled(rows, 1)).columnCurrentsAmperes(), 0.0);

        g[2 * columns + 1] = 1e-3; // a single device, in row 2, column 1
        IrDropSolution single = ExactIrDropSolver.factor(rows, columns, g, IrDropCircuitConfig.uniformWires(1))
                .solve(new double[] {0, 0, 1, 0, 0});
        // Its path: 2 row segments (to column 1) and 3 column segments (rows 2, 3, 4 down to ground).
        assertEquals(1 / (1e3 + 5), single.columnCurrentsAmperes()[1], 1e-15);
        assertEquals(0, single.columnCurrentsAmperes()[0]);
        assertEquals(0, single.columnCurrentsAmperes()[3]);
        assertTrue(Double.isNaN(single.columnRelativeError()[0]), "no ideal current, no relative error");

        IrDropSolution zeroInput = ExactIrDropSolver.factor(rows, columns, g, IrDropCircuitConfig.uniformWires(1))
                .solve(new double[rows]);
        assertArrayEquals(new double[columns], zeroInput.columnCurrentsAmperes(), 0.0);
        assertArrayEquals(new double[rows * columns], zeroInput.rowNodeVoltagesVolts(), 0.0);
    }

    @Test
    void effectiveConductancesReproduceEverySolve() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 7);
        int rows = 7;
        int columns = 9;
        double[] g = IrDropReference.uniform(random, rows * columns, 0, 1e-3);
        ExactIrDropSolver solver = ExactIrDropSolver.factor(rows, columns, g,
                new IrDropCircuitConfig(2, 3, 10, 20));
        double[] w = solver.effectiveConductances();
        double[] v = IrDropReference.uniform(random, rows, -1, 1);
        double[] viaW = IrDropReference.idealCurrents(rows, columns, w, v);
        double[] direct = solver.solve(v).columnCurrentsAmperes();
        assertArrayEquals(direct, viaW, 1e-14 * IrDropReference.maxAbs(direct));
    }

    @Test
    void batchedFloatCallMatchesTheDoubleSolve() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 8);
        int rows = 6;
        int columns = 5;
        int batch = 4;
        double[] g = IrDropReference.uniform(random, rows * columns, 0, 1e-3);
        ExactIrDropSolver solver = ExactIrDropSolver.factor(rows, columns, g, IrDropCircuitConfig.uniformWires(5));
        float[] x = IrDropReference.toFloat(IrDropReference.uniform(random, rows * batch, -1, 1));
        float[] out = new float[columns * batch];
        solver.columnCurrents(x, batch, out);
        for (int k = 0; k < batch; k++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = x[k * rows + i];
            }
            double[] expected = solver.solve(v).columnCurrentsAmperes();
            for (int j = 0; j < columns; j++) {
                assertEquals((float) expected[j], out[k * columns + j], 0f, "sample " + k + ", column " + j);
            }
        }
    }

    @Test
    void invalidArgumentsNameTheFieldAndTheCell() {
        double[] g = filled(4, 1e-5);
        g[3] = -1e-6;
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ExactIrDropSolver.factor(2, 2, g, IrDropCircuitConfig.defaults()));
        assertTrue(negative.getMessage().contains("conductancesSiemens[1][1]"), negative.getMessage());
        assertTrue(negative.getMessage().contains("-1.0E-6 S"), negative.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> ExactIrDropSolver.factor(2, 3, filled(4, 1e-5), IrDropCircuitConfig.defaults()));
        assertTrue(shape.getMessage().contains("6"), shape.getMessage());
        ExactIrDropSolver solver = ExactIrDropSolver.factor(2, 2, filled(4, 1e-5), IrDropCircuitConfig.defaults());
        IllegalArgumentException voltage = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(new double[] {1, Double.NaN}));
        assertTrue(voltage.getMessage().contains("rowVoltagesVolts[1]"), voltage.getMessage());
    }
}
