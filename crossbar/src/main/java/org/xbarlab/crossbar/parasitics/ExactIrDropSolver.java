package org.xbarlab.crossbar.parasitics;

import java.util.Objects;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.xbarlab.core.Checks;
import org.xbarlab.crossbar.parasitics.NodeNumbering.LineKind;

/**
 * The exact IR-drop solve: nodal analysis of the whole resistive network of one array, factored once per conductance
 * matrix with EJML's sparse Cholesky ({@link LinearSolverFactory_DSCC#cholesky}) and then solved for any number of
 * input vectors.
 *
 * <p><b>Circuit</b> (issue #4 item 4(a); {@link IrDropCircuitConfig}; the same network as CrossSim's parasitic
 * solver and MemTorch's modified nodal analysis after A. Chen, IEEE TED 60(4), 2013): row {@code i} is driven by
 * {@code V_i} at its column-0 end through {@code R_driver + r_row}, with {@code r_row} between neighbouring cells
 * and the far end open; column {@code j} has {@code r_col} between neighbouring cells and {@code r_col + R_ground}
 * from the last row's cell to its virtual ground at 0 V, the row-0 end open; cell {@code (i, j)} is the conductance
 * {@code G_ij} between row node {@code a_ij} and column node {@code b_ij}. A row with zero input is held at 0 V by
 * its driver.
 *
 * <p><b>Formulation.</b> The unknowns are the row-node <i>deviations</i> {@code d_ij = V_i − a_ij} and the column
 * voltages {@code b_ij}. Kirchhoff's current law at every node gives the symmetric positive-definite system
 * <pre>
 *   (L_row + D)·d + D·b = D·V
 *   D·d + (L_col + D)·b = D·V
 * </pre>
 * where {@code L_row} and {@code L_col} are the line Laplacians grounded at the source and at the virtual ground,
 * and {@code D = diag(G_ij)}. The column currents are {@code I_j = Σ_i G_ij·(V_i − d_ij − b_ij)}, so the change
 * from the ideal product, {@code −Σ_i G_ij·(d_ij + b_ij)}, comes straight out of the solution with full relative
 * precision. This is what removes the classic ill-conditioning of the node-voltage formulation for tiny wire
 * resistance (there the drops are lost in the rounding of voltages close to {@code V_i}): as {@code r → 0} the
 * solution tends continuously to the ideal product and its first-order perturbation, with no switch of method.
 * Ideal wires ({@code r = 0}) are merged into one node, or into a known voltage if their series resistance is 0 too
 * (see {@code NodeNumbering}); zero conductances are simply absent from the matrix; there are no floating nodes,
 * since every row node reaches its driver and every column node its virtual ground through finite resistances.
 *
 * <p><b>Ordering and cost.</b> The matrix is assembled in nested-dissection order, so the factor has
 * {@code O(n log n)} non-zeros and costs {@code O(n^1.5)} to compute for {@code n = 2MN} unknowns; each solve is two
 * sparse triangular solves. Measured times are in {@code docs/ir-drop.md} (256 × 256: about a second to factor and a
 * few tens of milliseconds per input vector on the development machine).
 *
 * <p><b>Accuracy check.</b> Every solve computes the normwise backward error; above
 * {@link IrDropSolverConfig#exactResidualToleranceRelative()} the solution is refined iteratively (at most
 * {@value #MAX_REFINEMENT_STEPS} steps) and then an {@link IllegalStateException} is thrown.
 *
 * <p>Thread-safety: an instance holds solver workspaces and is not thread-safe; use one per thread.
 */
public final class ExactIrDropSolver {

    /** Iterative-refinement steps tried before a solve that misses its backward-error tolerance fails. */
    public static final int MAX_REFINEMENT_STEPS = 2;

    /**
     * Largest array accepted, in cells: 2^24 (for example 4096 × 4096) gives 2^25 unknowns, beyond which the
     * factor no longer fits a reasonable heap.
     */
    public static final long MAX_CELL_COUNT = 1L << 24;

    /**
     * Smallest resistance treated as a resistor; anything below (only subnormal numbers) is an ideal wire, because
     * its conductance would overflow a double.
     */
    private static final double SMALLEST_RESISTANCE_OHMS = 1.0 / Double.MAX_VALUE;

    private final int rows;
    private final int columns;
    private final double[] conductances;
    private final IrDropCircuitConfig circuit;
    private final double tolerance;
    private final NodeNumbering numbering;
    private final DMatrixSparseCSC matrix;
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver;
    private final double matrixNormInf;
    private final long factorNonZeroCount;
    private final double factorSeconds;
    private final DMatrixRMaj rightHandSide;
    private final DMatrixRMaj solution;
    private final DMatrixRMaj residual;
    private final DMatrixRMaj correction;
    private double lastBackwardError;

    private ExactIrDropSolver(int rows, int columns, double[] conductances, IrDropCircuitConfig circuit,
                              double tolerance) {
        long started = System.nanoTime();
        this.rows = rows;
        this.columns = columns;
        this.conductances = conductances;
        this.circuit = circuit;
        this.tolerance = tolerance;
        this.numbering = new NodeNumbering(rows, columns,
                NodeNumbering.kindOf(resistor(circuit.rowWireSegmentResistanceOhms()),
                        resistor(circuit.driverResistanceOhms())),
                NodeNumbering.kindOf(resistor(circuit.columnWireSegmentResistanceOhms()),
                        resistor(circuit.virtualGroundResistanceOhms())));
        int n = numbering.unknownCount;
        if (n == 0) {
            matrix = null;
            solver = null;
            matrixNormInf = 0;
            factorNonZeroCount = 0;
            rightHandSide = solution = residual = correction = null;
        } else {
            matrix = assemble();
            matrixNormInf = normInf(matrix);
            solver = LinearSolverFactory_DSCC.cholesky(FillReducing.NONE);
            if (!solver.setA(matrix)) {
                throw new IllegalStateException("the IR-drop conductance matrix (" + n + " unknowns) is not "
                        + "positive definite; this is a bug, since every node reaches a source or ground");
            }
            DMatrixSparseCSC factor = solver.<CholeskyUpLooking_DSCC>getDecomposition().getL();
            factorNonZeroCount = factor.nz_length;
            rightHandSide = new DMatrixRMaj(n, 1);
            solution = new DMatrixRMaj(n, 1);
            residual = new DMatrixRMaj(n, 1);
            correction = new DMatrixRMaj(n, 1);
        }
        factorSeconds = (System.nanoTime() - started) * 1e-9;
    }

    /**
     * Builds and factors the network of one conductance matrix with the default backward-error tolerance.
     *
     * @param rows rows M, at least 1
     * @param columns columns N, at least 1, with {@code M·N ≤} {@value #MAX_CELL_COUNT}
     * @param conductancesSiemens cell conductances (S), row-major {@code M × N}, each finite and ≥ 0; copied
     * @param circuit wire, driver and virtual-ground resistances; not null
     * @return the factored solver
     * @throws IllegalArgumentException if a size or a conductance is invalid (the message names the cell)
     */
    public static ExactIrDropSolver factor(int rows, int columns, double[] conductancesSiemens,
                                           IrDropCircuitConfig circuit) {
        return factor(rows, columns, conductancesSiemens, circuit,
                IrDropSolverConfig.DEFAULT_EXACT_RESIDUAL_TOLERANCE_RELATIVE);
    }

    /**
     * Builds and factors the network of one conductance matrix.
     *
     * @param rows rows M, at least 1
     * @param columns columns N, at least 1, with {@code M·N ≤} {@value #MAX_CELL_COUNT}
     * @param conductancesSiemens cell conductances (S), row-major {@code M × N}, each finite and ≥ 0; copied
     * @param circuit wire, driver and virtual-ground resistances; not null
     * @param residualToleranceRelative largest accepted backward error, in (0, 1e-3]
     *     ({@link IrDropSolverConfig#exactResidualToleranceRelative()})
     * @return the factored solver
     * @throws IllegalArgumentException if a size, a conductance or the tolerance is invalid
     */
    public static ExactIrDropSolver factor(int rows, int columns, double[] conductancesSiemens,
                                           IrDropCircuitConfig circuit, double residualToleranceRelative) {
        checkShape(rows, columns, conductancesSiemens == null ? -1 : conductancesSiemens.length);
        Checks.notNull("circuit", circuit);
        Checks.isTrue(residualToleranceRelative > 0 && residualToleranceRelative <= 1e-3,
                "exactResidualToleranceRelative must be in (0, 1e-3], got %s",
                Checks.number(residualToleranceRelative));
        double[] copy = conductancesSiemens.clone();
        checkConductances(copy, columns);
        return new ExactIrDropSolver(rows, columns, copy, circuit, residualToleranceRelative);
    }

    /**
     * Builds and factors the network of a {@code float} conductance matrix (widened to double).
     *
     * @param rows rows M, at least 1
     * @param columns columns N, at least 1
     * @param conductancesSiemens cell conductances (S), row-major {@code M × N}, each finite and ≥ 0; copied
     * @param circuit wire, driver and virtual-ground resistances; not null
     * @param residualToleranceRelative largest accepted backward error, in (0, 1e-3]
     * @return the factored solver
     * @throws IllegalArgumentException if a size, a conductance or the tolerance is invalid
     */
    public static ExactIrDropSolver factor(int rows, int columns, float[] conductancesSiemens,
                                           IrDropCircuitConfig circuit, double residualToleranceRelative) {
        checkShape(rows, columns, conductancesSiemens == null ? -1 : conductancesSiemens.length);
        double[] widened = new double[conductancesSiemens.length];
        for (int k = 0; k < widened.length; k++) {
            widened[k] = conductancesSiemens[k];
        }
        return factor(rows, columns, widened, circuit, residualToleranceRelative);
    }

    /** @return rows M */
    public int rows() {
        return rows;
    }

    /** @return columns N */
    public int columns() {
        return columns;
    }

    /** @return the circuit this network was built from */
    public IrDropCircuitConfig circuit() {
        return circuit;
    }

    /** @return the number of unknown node voltages (2·M·N when both line kinds have resistance) */
    public int unknownCount() {
        return numbering.unknownCount;
    }

    /** @return non-zeros of the Cholesky factor L (a measure of the memory and solve cost) */
    public long factorNonZeroCount() {
        return factorNonZeroCount;
    }

    /** @return wall-clock seconds spent assembling and factoring the matrix */
    public double factorSeconds() {
        return factorSeconds;
    }

    /** @return the backward error of the most recent solve, 0 before the first */
    public double lastBackwardError() {
        return lastBackwardError;
    }

    /**
     * Solves the network for one input vector and returns every node voltage and terminal current.
     *
     * @param rowVoltagesVolts source voltage of each row (V), {@code M} finite values; 0 holds the row at 0 V
     * @return the full solution
     * @throws IllegalArgumentException if the vector has the wrong length or a value is not finite
     * @throws IllegalStateException if the backward error stays above the tolerance after refinement
     */
    public IrDropSolution solve(double[] rowVoltagesVolts) {
        double[] voltages = checkVoltages(rowVoltagesVolts);
        solveDeviations(voltages);
        int cells = rows * columns;
        double[] rowNodes = new double[cells];
        double[] columnNodes = new double[cells];
        double[] ideal = new double[columns];
        double[] change = new double[columns];
        double[] currents = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int cell = i * columns + j;
                double deviation = rowDeviation(i, j);
                double column = columnVoltage(i, j);
                rowNodes[cell] = voltages[i] - deviation;
                columnNodes[cell] = column;
                double g = conductances[cell];
                ideal[j] += g * voltages[i];
                change[j] -= g * (deviation + column);
            }
        }
        for (int j = 0; j < columns; j++) {
            currents[j] = ideal[j] + change[j];
        }
        return new IrDropSolution(rows, columns, voltages, ideal, change, currents, rowNodes, columnNodes,
                sourceCurrents(voltages, columnNodes), groundCurrents(voltages, rowNodes, columnNodes),
                lastBackwardError);
    }

    /**
     * The column currents for one input vector, without the node voltages.
     *
     * @param rowVoltagesVolts source voltage of each row (V), {@code M} finite values
     * @param columnCurrentsAmperes output, {@code N} currents into the virtual grounds (A); overwritten
     * @throws IllegalArgumentException if a length is wrong or a voltage is not finite
     * @throws IllegalStateException if the backward error stays above the tolerance after refinement
     */
    public void columnCurrents(double[] rowVoltagesVolts, double[] columnCurrentsAmperes) {
        double[] voltages = checkVoltages(rowVoltagesVolts);
        Objects.requireNonNull(columnCurrentsAmperes, "columnCurrentsAmperes must not be null");
        Checks.isTrue(columnCurrentsAmperes.length == columns,
                "columnCurrentsAmperes must have %d elements (columns), got %d", columns,
                columnCurrentsAmperes.length);
        solveDeviations(voltages);
        java.util.Arrays.fill(columnCurrentsAmperes, 0.0);
        for (int i = 0; i < rows; i++) {
            double v = voltages[i];
            for (int j = 0; j < columns; j++) {
                columnCurrentsAmperes[j] += conductances[i * columns + j]
                        * (v - rowDeviation(i, j) - columnVoltage(i, j));
            }
        }
    }

    /**
     * The column currents of a batch of input vectors (one factorization, one solve per vector).
     *
     * @param rowVoltagesVolts {@code batchSize × M} voltages (V), sample-major: sample {@code k} occupies
     *     {@code [k·M, (k+1)·M)}; read only
     * @param batchSize number of input vectors, at least 0
     * @param columnCurrentsAmperes output {@code batchSize × N} currents (A), sample-major; overwritten; must not
     *     be the same array as the input
     * @throws IllegalArgumentException if a length is wrong or a voltage is not finite
     * @throws IllegalStateException if a solve misses its backward-error tolerance after refinement
     */
    public void columnCurrents(float[] rowVoltagesVolts, int batchSize, float[] columnCurrentsAmperes) {
        IrDropModelChecks.batch(rows, columns, rowVoltagesVolts, batchSize, columnCurrentsAmperes);
        double[] voltages = new double[rows];
        double[] currents = new double[columns];
        for (int k = 0; k < batchSize; k++) {
            for (int i = 0; i < rows; i++) {
                voltages[i] = rowVoltagesVolts[k * rows + i];
            }
            columnCurrents(voltages, currents);
            for (int j = 0; j < columns; j++) {
                columnCurrentsAmperes[k * columns + j] = (float) currents[j];
            }
        }
    }

    /**
     * The effective conductance matrix {@code W} of the array with its wires: because the network is linear, the
     * column currents for any input are exactly {@code I_j = Σ_i W_ij·V_i}. Computing it costs M solves; afterwards
     * every MVM with this conductance matrix is a plain matrix product (useful for inference with fixed weights).
     *
     * @return a new row-major {@code M × N} matrix (S)
     * @throws IllegalStateException if a solve misses its backward-error tolerance after refinement
     */
    public double[] effectiveConductances() {
        double[] effective = new double[rows * columns];
        double[] unit = new double[rows];
        double[] currents = new double[columns];
        for (int l = 0; l < rows; l++) {
            unit[l] = 1.0;
            columnCurrents(unit, currents);
            System.arraycopy(currents, 0, effective, l * columns, columns);
            unit[l] = 0.0;
        }
        return effective;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static double resistor(double ohms) {
        return ohms < SMALLEST_RESISTANCE_OHMS ? 0.0 : ohms;
    }

    private DMatrixSparseCSC assemble() {
        int n = numbering.unknownCount;
        double[] diagonal = new double[n];
        DMatrixSparseTriplet triplets = new DMatrixSparseTriplet(n, n, 5 * n);
        double rowSegment = resistor(circuit.rowWireSegmentResistanceOhms());
        double columnSegment = resistor(circuit.columnWireSegmentResistanceOhms());
        double driver = resistor(circuit.driverResistanceOhms());
        double ground = resistor(circuit.virtualGroundResistanceOhms());

        // Row lines: wire segments between cells, and the first segment plus driver to the source.
        if (numbering.rowKind == LineKind.CHAIN) {
            double wire = 1.0 / rowSegment;
            double terminal = 1.0 / (driver + rowSegment);
            for (int i = 0; i < rows; i++) {
                diagonal[numbering.rowNodeOf(i, 0)] += terminal;
                for (int j = 1; j < columns; j++) {
                    edge(triplets, diagonal, numbering.rowNodeOf(i, j - 1), numbering.rowNodeOf(i, j), wire);
                }
            }
        } else if (numbering.rowKind == LineKind.MERGED) {
            for (int i = 0; i < rows; i++) {
                diagonal[numbering.rowNodeOf(i, 0)] += 1.0 / driver;
            }
        }
        // Column lines: wire segments between cells, and the last segment plus series resistance to ground.
        if (numbering.columnKind == LineKind.CHAIN) {
            double wire = 1.0 / columnSegment;
            double terminal = 1.0 / (ground + columnSegment);
            for (int j = 0; j < columns; j++) {
                diagonal[numbering.columnNodeOf(rows - 1, j)] += terminal;
                for (int i = 1; i < rows; i++) {
                    edge(triplets, diagonal, numbering.columnNodeOf(i - 1, j), numbering.columnNodeOf(i, j), wire);
                }
            }
        } else if (numbering.columnKind == LineKind.MERGED) {
            for (int j = 0; j < columns; j++) {
                diagonal[numbering.columnNodeOf(0, j)] += 1.0 / ground;
            }
        }
        // Cells: in deviation variables the coupling between d and b is +G (see the class documentation).
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double g = conductances[i * columns + j];
                if (g == 0) {
                    continue;
                }
                int p = numbering.rowNodeOf(i, j);
                int q = numbering.columnNodeOf(i, j);
                if (p >= 0) {
                    diagonal[p] += g;
                }
                if (q >= 0) {
                    diagonal[q] += g;
                }
                if (p >= 0 && q >= 0) {
                    triplets.addItem(p, q, g);
                    triplets.addItem(q, p, g);
                }
            }
        }
        for (int p = 0; p < n; p++) {
            triplets.addItem(p, p, diagonal[p]);
        }
        DMatrixSparseCSC assembled = DConvertMatrixStruct.convert(triplets, (DMatrixSparseCSC) null, null);
        if (!assembled.indicesSorted) {
            assembled.sortIndices(null);
        }
        return assembled;
    }

    /** A wire of conductance {@code g} between two unknowns (standard Laplacian stamp). */
    private static void edge(DMatrixSparseTriplet triplets, double[] diagonal, int p, int q, double g) {
        diagonal[p] += g;
        diagonal[q] += g;
        triplets.addItem(p, q, -g);
        triplets.addItem(q, p, -g);
    }

    /** Fills {@link #solution} with the deviations for the given inputs and records the backward error. */
    private void solveDeviations(double[] voltages) {
        if (matrix == null) {
            lastBackwardError = 0;
            return;
        }
        double[] b = rightHandSide.data;
        java.util.Arrays.fill(b, 0.0);
        for (int i = 0; i < rows; i++) {
            double v = voltages[i];
            if (v == 0) {
                continue;
            }
            for (int j = 0; j < columns; j++) {
                double current = conductances[i * columns + j] * v;
                int p = numbering.rowNodeOf(i, j);
                int q = numbering.columnNodeOf(i, j);
                if (p >= 0) {
                    b[p] += current;
                }
                if (q >= 0) {
                    b[q] += current;
                }
            }
        }
        double bNorm = maxAbs(b);
        if (bNorm == 0) {
            java.util.Arrays.fill(solution.data, 0.0);
            lastBackwardError = 0;
            return;
        }
        solver.solve(rightHandSide, solution);
        double error = backwardError(bNorm);
        for (int step = 0; step < MAX_REFINEMENT_STEPS && !(error <= tolerance); step++) {
            solver.solve(residual, correction);
            for (int p = 0; p < solution.data.length; p++) {
                solution.data[p] += correction.data[p];
            }
            error = backwardError(bNorm);
        }
        lastBackwardError = error;
        if (!(error <= tolerance)) {
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "the exact IR-drop solve of a %d x %d array reached a backward error of %.3g after %d "
                            + "refinement steps, above exactResidualToleranceRelative = %.3g; the resistances or "
                            + "conductances span too many orders of magnitude for double precision",
                    rows, columns, error, MAX_REFINEMENT_STEPS, tolerance));
        }
    }

    /** Computes {@link #residual} = b − A·x and returns the normwise backward error. */
    private double backwardError(double bNorm) {
        double[] x = solution.data;
        double[] r = residual.data;
        System.arraycopy(rightHandSide.data, 0, r, 0, r.length);
        for (int column = 0; column < matrix.numCols; column++) {
            double xc = x[column];
            for (int k = matrix.col_idx[column]; k < matrix.col_idx[column + 1]; k++) {
                r[matrix.nz_rows[k]] -= matrix.nz_values[k] * xc;
            }
        }
        return maxAbs(r) / (matrixNormInf * maxAbs(x) + bNorm);
    }

    private double rowDeviation(int i, int j) {
        int p = numbering.rowNodeOf(i, j);
        return p >= 0 ? solution.data[p] : 0.0;
    }

    private double columnVoltage(int i, int j) {
        int q = numbering.columnNodeOf(i, j);
        return q >= 0 ? solution.data[q] : 0.0;
    }

    private double[] sourceCurrents(double[] voltages, double[] columnNodes) {
        double[] currents = new double[rows];
        double driver = resistor(circuit.driverResistanceOhms());
        double segment = resistor(circuit.rowWireSegmentResistanceOhms());
        for (int i = 0; i < rows; i++) {
            if (numbering.rowKind == LineKind.FIXED) {
                double sum = 0;
                for (int j = 0; j < columns; j++) {
                    sum += conductances[i * columns + j] * (voltages[i] - columnNodes[i * columns + j]);
                }
                currents[i] = sum;
            } else {
                currents[i] = rowDeviation(i, 0) / (driver + segment);
            }
        }
        return currents;
    }

    private double[] groundCurrents(double[] voltages, double[] rowNodes, double[] columnNodes) {
        double[] currents = new double[columns];
        double ground = resistor(circuit.virtualGroundResistanceOhms());
        double segment = resistor(circuit.columnWireSegmentResistanceOhms());
        for (int j = 0; j < columns; j++) {
            if (numbering.columnKind == LineKind.FIXED) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += conductances[i * columns + j] * rowNodes[i * columns + j];
                }
                currents[j] = sum;
            } else {
                currents[j] = columnVoltage(rows - 1, j) / (ground + segment);
            }
        }
        return currents;
    }

    private double[] checkVoltages(double[] rowVoltagesVolts) {
        Objects.requireNonNull(rowVoltagesVolts, "rowVoltagesVolts must not be null");
        Checks.isTrue(rowVoltagesVolts.length == rows, "rowVoltagesVolts must have %d elements (rows), got %d",
                rows, rowVoltagesVolts.length);
        for (int i = 0; i < rows; i++) {
            if (!Double.isFinite(rowVoltagesVolts[i])) {
                throw new IllegalArgumentException("rowVoltagesVolts[" + i + "] must be finite, got "
                        + Checks.withUnit("rowVoltagesVolts", rowVoltagesVolts[i]));
            }
        }
        return rowVoltagesVolts.clone();
    }

    private static void checkShape(int rows, int columns, int length) {
        Checks.positive("rows", rows);
        Checks.positive("columns", columns);
        Checks.isTrue((long) rows * columns <= MAX_CELL_COUNT, "rows x columns (%d x %d) must be at most %d cells",
                rows, columns, MAX_CELL_COUNT);
        Checks.isTrue(length >= 0, "conductancesSiemens must not be null");
        Checks.isTrue(length == rows * columns,
                "conductancesSiemens must have rows x columns = %d elements, got %d", rows * columns, length);
    }

    private static void checkConductances(double[] conductances, int columns) {
        for (int k = 0; k < conductances.length; k++) {
            double g = conductances[k];
            if (!(g >= 0 && g < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("conductancesSiemens[" + (k / columns) + "][" + (k % columns)
                        + "] must be non-negative and finite, got " + Checks.withUnit("conductancesSiemens", g));
            }
        }
    }

    private static double normInf(DMatrixSparseCSC a) {
        double[] rowSums = new double[a.numRows];
        for (int k = 0; k < a.nz_length; k++) {
            rowSums[a.nz_rows[k]] += Math.abs(a.nz_values[k]);
        }
        return maxAbs(rowSums);
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
