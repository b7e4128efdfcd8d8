package org.xbarlab.crossbar.parasitics;

import java.util.Arrays;

import org.xbarlab.core.Checks;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;

/**
 * The library side of {@code xbarlab crossbar ir-drop}: builds a uniform array, applies an input vector, computes
 * the column currents with the chosen method and reports each column's relative error against the ideal product.
 */
public final class UniformArrayIrDrop {

    /**
     * Stream of the random input vector ({@link IrDropInputPattern#RANDOM}), index 0. Stream names are part of the
     * results format; this one should move to {@code org.xbarlab.core.random.StreamNames} (and
     * {@code docs/reproducibility.md}) when sim-core is next edited.
     */
    public static final String INPUT_STREAM = "crossbar/ir-drop-input";

    private UniformArrayIrDrop() {
    }

    /**
     * Runs the experiment.
     *
     * @param config the array, input and method; not null
     * @param streams random streams (used only by the random input); not null
     * @return the per-column relative errors, their worst and mean, and the solve time
     * @throws IllegalStateException if the exact solve misses its backward-error tolerance
     */
    public static UniformArrayIrDropResult run(UniformArrayIrDropConfig config, RngStreams streams) {
        Checks.notNull("config", config);
        Checks.notNull("streams", streams);
        int rows = config.rowCount();
        int columns = config.columnCount();
        double conductance = config.conductanceSiemens();
        double[] voltages = inputVoltages(config.input(), rows, streams);
        IrDropConfig irDrop = config.irDrop();
        IrDropCircuitConfig circuit = irDrop.circuit();

        double[] ideal = new double[columns];
        double sumOfInputs = 0;
        for (double v : voltages) {
            sumOfInputs += v;
        }
        Arrays.fill(ideal, conductance * sumOfInputs);

        double[] currents = new double[columns];
        double[] relative = new double[columns];
        double setupSeconds;
        double solveSeconds;
        IrDropMethod method = irDrop.solver().method();
        if (method == IrDropMethod.EXACT) {
            double[] g = new double[rows * columns];
            Arrays.fill(g, conductance);
            ExactIrDropSolver solver = ExactIrDropSolver.factor(rows, columns, g, circuit,
                    irDrop.solver().exactResidualToleranceRelative());
            setupSeconds = solver.factorSeconds();
            long started = System.nanoTime();
            IrDropSolution solution = solver.solve(voltages);
            solveSeconds = (System.nanoTime() - started) * 1e-9;
            System.arraycopy(solution.columnCurrentsAmperes(), 0, currents, 0, columns);
            System.arraycopy(solution.idealColumnCurrentsAmperes(), 0, ideal, 0, columns);
            double[] change = solution.columnCurrentChangeAmperes();
            for (int j = 0; j < columns; j++) {
                relative[j] = change[j] / ideal[j];
            }
        } else {
            float[] g = new float[rows * columns];
            Arrays.fill(g, (float) conductance);
            float[] x = new float[rows];
            for (int i = 0; i < rows; i++) {
                x[i] = (float) voltages[i];
            }
            float[] out = new float[columns];
            IrDropModel model = IrDropModel.from(irDrop);
            setupSeconds = 0;
            long started = System.nanoTime();
            model.columnCurrents(g, rows, columns, x, 1, out);
            solveSeconds = (System.nanoTime() - started) * 1e-9;
            for (int j = 0; j < columns; j++) {
                currents[j] = out[j];
                relative[j] = (currents[j] - ideal[j]) / ideal[j];
            }
        }
        double worst = 0;
        double mean = 0;
        for (double e : relative) {
            if (Math.abs(e) > Math.abs(worst)) {
                worst = e;
            }
            mean += e;
        }
        mean /= columns;
        return new UniformArrayIrDropResult(rows, columns, conductance, circuit.rowWireSegmentResistanceOhms(),
                circuit.columnWireSegmentResistanceOhms(), circuit.driverResistanceOhms(),
                circuit.virtualGroundResistanceOhms(), circuit.rowWireSegmentResistanceOhms() * conductance, method,
                irDrop.solver().fastSweepCount(), config.input(), ideal, currents, relative, worst, mean,
                setupSeconds, solveSeconds);
    }

    /**
     * The row voltages of an input pattern: 1 V, or uniform in [0, 1) V drawn with {@link RandomFill#uniform} from
     * stream {@code (INPUT_STREAM, 0)}.
     *
     * @param pattern the pattern; not null
     * @param rows number of rows, at least 1
     * @param streams random streams; not null
     * @return a new array of {@code rows} voltages (V)
     */
    public static double[] inputVoltages(IrDropInputPattern pattern, int rows, RngStreams streams) {
        Checks.notNull("input", pattern);
        Checks.positive("rows", rows);
        double[] voltages = new double[rows];
        if (pattern == IrDropInputPattern.ONES) {
            Arrays.fill(voltages, 1.0);
            return voltages;
        }
        float[] drawn = new float[rows];
        RandomFill.uniform(streams.stream(INPUT_STREAM, 0), drawn, 0, rows, 0f, 1f);
        for (int i = 0; i < rows; i++) {
            voltages[i] = drawn[i];
        }
        return voltages;
    }
}
