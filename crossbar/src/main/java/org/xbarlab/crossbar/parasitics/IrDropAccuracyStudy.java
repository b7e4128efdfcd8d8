package org.xbarlab.crossbar.parasitics;

import java.util.Arrays;

import org.xbarlab.core.Checks;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;

/**
 * Measures the error of the fast IR-drop approximations ({@link FastIrDropModel} at several sweep counts and
 * {@link AihwkitIrDropHeuristic}) against {@link ExactIrDropSolver} on one array: the numbers behind the error table
 * of {@code docs/ir-drop.md}.
 *
 * <p>The array has {@code rows × columns} cells and {@value #MAX_CONDUCTANCE_SIEMENS} S (100 kΩ) as its largest
 * conductance; the wire segments of rows and columns are {@code r = ratio / G_max}, drivers and virtual grounds are
 * ideal. Since the network is linear and scaling every conductance by α and every resistance by 1/α leaves the
 * relative errors unchanged, only the ratio {@code r·G_max} matters. Two inputs:
 * {@link IrDropInputPattern#ONES} (every cell at {@code G_max}, every row at 1 V: the worst case) and
 * {@link IrDropInputPattern#RANDOM} (conductances uniform in [0.1, 1)·{@code G_max}, voltages uniform in [0, 1) V,
 * drawn from stream {@value #STREAM} with indices {@code (rows, columns, 0)} and {@code (rows, columns, 1)}, so the
 * same array is used at every ratio).
 *
 * <p>The error of an approximation is {@code max_j |I_approx,j − I_exact,j| / I_ideal,j}: the deviation from the
 * exact column current as a fraction of the ideal one (the same unit as the relative errors the CLI prints).
 */
public final class IrDropAccuracyStudy {

    /** Largest conductance of the studied arrays (S). */
    public static final double MAX_CONDUCTANCE_SIEMENS = 1e-5;

    /** Stream of the random conductances (index 0) and voltages (index 1) of the study. */
    public static final String STREAM = "crossbar/ir-drop-study";

    private IrDropAccuracyStudy() {
    }

    /**
     * One measured case.
     *
     * @param rowCount rows M
     * @param columnCount columns N
     * @param wireToDeviceResistanceRatio {@code r·G_max}
     * @param input the input pattern
     * @param exactWorstRelativeError the exact column relative error of largest magnitude (signed)
     * @param exactMeanRelativeError the mean exact column relative error
     * @param sweepCounts the fast model's sweep counts measured
     * @param fastMaxError the fast model's error at each sweep count
     * @param aihwkitMaxError the aihwkit heuristic's error
     * @param exactFactorSeconds wall-clock time of the exact assembly and factorization
     * @param exactSolveSeconds wall-clock time of one exact solve
     * @param fastSeconds wall-clock time of one fast-model call (one input vector) at each sweep count
     */
    public record Measurement(int rowCount, int columnCount, double wireToDeviceResistanceRatio,
                              IrDropInputPattern input, double exactWorstRelativeError, double exactMeanRelativeError,
                              int[] sweepCounts, double[] fastMaxError, double aihwkitMaxError,
                              double exactFactorSeconds, double exactSolveSeconds, double[] fastSeconds) {
    }

    /**
     * Measures one case.
     *
     * @param rows rows M, at least 1
     * @param columns columns N, at least 1
     * @param ratio {@code r·G_max}, positive and finite
     * @param input the input pattern; not null
     * @param sweepCounts fast-model sweep counts to measure, each in [1, 1000]; not null
     * @param streams random streams (for the random pattern); not null
     * @return the errors and times
     */
    public static Measurement measure(int rows, int columns, double ratio, IrDropInputPattern input,
                                      int[] sweepCounts, RngStreams streams) {
        Checks.positive("rows", rows);
        Checks.positive("columns", columns);
        Checks.positiveFinite("ratio", ratio);
        Checks.notNull("input", input);
        Checks.notNull("sweepCounts", sweepCounts);
        Checks.notNull("streams", streams);
        int cells = rows * columns;
        float[] g = new float[cells];
        float[] v = new float[rows];
        if (input == IrDropInputPattern.ONES) {
            Arrays.fill(g, (float) MAX_CONDUCTANCE_SIEMENS);
            Arrays.fill(v, 1f);
        } else {
            RandomFill.uniform(streams.stream(STREAM, rows, columns, 0), g, 0, cells,
                    (float) (0.1 * MAX_CONDUCTANCE_SIEMENS), (float) MAX_CONDUCTANCE_SIEMENS);
            RandomFill.uniform(streams.stream(STREAM, rows, columns, 1), v, 0, rows, 0f, 1f);
        }
        double wire = ratio / MAX_CONDUCTANCE_SIEMENS;
        IrDropCircuitConfig circuit = IrDropCircuitConfig.uniformWires(wire);

        double[] gDouble = new double[cells];
        for (int k = 0; k < cells; k++) {
            gDouble[k] = g[k];
        }
        double[] vDouble = new double[rows];
        for (int i = 0; i < rows; i++) {
            vDouble[i] = v[i];
        }
        ExactIrDropSolver solver = ExactIrDropSolver.factor(rows, columns, gDouble, circuit);
        long started = System.nanoTime();
        IrDropSolution exact = solver.solve(vDouble);
        double exactSolveSeconds = (System.nanoTime() - started) * 1e-9;
        double[] relative = exact.columnRelativeError();
        double worst = 0;
        double mean = 0;
        for (double e : relative) {
            worst = Math.abs(e) > Math.abs(worst) ? e : worst;
            mean += e / columns;
        }

        double[] fastError = new double[sweepCounts.length];
        double[] fastSeconds = new double[sweepCounts.length];
        float[] out = new float[columns];
        for (int s = 0; s < sweepCounts.length; s++) {
            FastIrDropModel fast = new FastIrDropModel(circuit, sweepCounts[s]);
            started = System.nanoTime();
            fast.columnCurrents(g, rows, columns, v, 1, out);
            fastSeconds[s] = (System.nanoTime() - started) * 1e-9;
            fastError[s] = maxError(out, exact);
        }
        new AihwkitIrDropHeuristic(wire).columnCurrents(g, rows, columns, v, 1, out);
        double aihwkitError = maxError(out, exact);
        return new Measurement(rows, columns, ratio, input, worst, mean, sweepCounts.clone(), fastError,
                aihwkitError, solver.factorSeconds(), exactSolveSeconds, fastSeconds);
    }

    private static double maxError(float[] approximate, IrDropSolution exact) {
        double max = 0;
        for (int j = 0; j < approximate.length; j++) {
            double ideal = exact.idealColumnCurrentsAmperes()[j];
            if (ideal != 0) {
                max = Math.max(max, Math.abs(approximate[j] - exact.columnCurrentsAmperes()[j]) / Math.abs(ideal));
            }
        }
        return max;
    }
}
