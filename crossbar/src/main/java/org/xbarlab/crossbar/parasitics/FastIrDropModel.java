package org.xbarlab.crossbar.parasitics;

import java.util.Arrays;

import org.xbarlab.core.Checks;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.crossbar.parasitics.NodeNumbering.LineKind;

/**
 * The fast IR-drop approximation for training: a fixed number of block Gauss–Seidel sweeps over the lines of the
 * exact network, batched over input vectors.
 *
 * <p><b>Method.</b> With the unknowns of {@link ExactIrDropSolver} (row-node deviations {@code d = V − a} and column
 * voltages {@code b}), the equations of one row line, with the column voltages held fixed, form a tridiagonal system
 * {@code (L_row,i + diag(G_i·))·d_i· = G_i·∘(V_i − b_i·)}, and those of one column line, with the row deviations
 * fixed, another, {@code (L_col,j + diag(G_·j))·b_·j = G_·j∘(V − d_·j)}. One sweep solves every row line exactly
 * (Thomas algorithm) and then every column line, starting from the ideal state {@code d = b = 0}; the column
 * currents are then {@code I_j = Σ_i G_ij·(V_i − d_ij − b_ij)}. This is line (block) Gauss–Seidel on the symmetric
 * positive-definite nodal system, so it converges to the exact solution for any resistances (the Ostrowski–Reich
 * theorem; Y. Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., SIAM 2003, ch. 4), unlike
 * CrossSim's point fixed-point iteration on the cell voltages, which diverges once {@code r·G·N²} exceeds about 1
 * unless heavily damped ({@code shared/reference/crosssim-memtorch.md} §1.7). One sweep is already exact when the
 * columns have ideal wires and an ideal virtual ground, or the rows ideal wires and ideal drivers. The error after 1
 * to 10 sweeps against the exact solve is tabulated in {@code docs/ir-drop.md}.
 *
 * <p><b>One sweep in closed form.</b> One sweep is linear in the inputs with the effective conductance matrix
 * {@code W = G∘(1 − ρ)∘(1 − σ)}, where {@code ρ_i·} is row line i's deviation for a unit source with grounded
 * columns and {@code σ_·j} column line j's voltage when all its cells are at a unit potential (derivation at
 * {@code oneSweepEffectiveConductances}). With {@code sweepCount = 1} the model therefore computes {@code W} in
 * O(M·N) and the batch as one matrix product through the sim-core kernels ({@link Kernels#gemm}): the cheapest
 * option, with the error of the 1-sweep column of the table.
 *
 * <p><b>Cost.</b> Preparing the conductance matrix (the Thomas pivots of every line, one division per cell) costs
 * O(M·N) per call. With two or more sweeps, each sweep costs about 10 floating-point operations per cell and input
 * vector, against 2 for the ideal product. Input vectors are processed one at a time, so that the state (2·M·N
 * floats, 512 KiB for 256 × 256) stays in cache: the row lines advance together along the columns (their
 * recursions interleave) and the column lines side by side along the rows (contiguous, vectorizable). A batched
 * layout with the sample innermost was measured about twice as slow at 64 to 256 lines, being memory-bound.
 * Arithmetic is in {@code float}, with the Thomas coefficients stored as dimensionless ratios and inverse pivots so
 * that no conductance of a near-ideal wire can overflow. Measured times are in {@code docs/ir-drop.md}.
 *
 * <p>Not thread-safe: an instance reuses its workspaces between calls; use one per thread.
 */
public final class FastIrDropModel implements IrDropModel {

    private final IrDropCircuitConfig circuit;
    private final int sweepCount;
    private final LineKind rowKind;
    private final LineKind columnKind;
    private final double rowSegmentOhms;
    private final double columnSegmentOhms;
    private final double driverOhms;
    private final double groundOhms;

    // Prepared line coefficients of the current conductance matrix.
    private float[] rowRatio = new float[0];
    private float[] rowInversePivot = new float[0];
    private float[] columnRatio = new float[0];
    private float[] columnInversePivot = new float[0];
    private double[] pivotWork = new double[0];
    // State of one input vector (cache-resident: 2·M·N floats).
    private float[] deviation = new float[0];
    private float[] columnVoltage = new float[0];
    private float[] currents = new float[0];
    // One-sweep closed form.
    private double[] rho = new double[0];
    private double[] sigma = new double[0];
    private float[] effective = new float[0];

    /**
     * A fast model of the given circuit.
     *
     * @param circuit wire, driver and virtual-ground resistances; not null
     * @param sweepCount line sweeps per call, in [1, {@value IrDropSolverConfig#MAX_SWEEP_COUNT}]
     */
    public FastIrDropModel(IrDropCircuitConfig circuit, int sweepCount) {
        this.circuit = Checks.notNull("circuit", circuit);
        this.sweepCount = Checks.inRange("fastSweepCount", sweepCount, 1, IrDropSolverConfig.MAX_SWEEP_COUNT);
        rowSegmentOhms = resistor(circuit.rowWireSegmentResistanceOhms());
        columnSegmentOhms = resistor(circuit.columnWireSegmentResistanceOhms());
        driverOhms = resistor(circuit.driverResistanceOhms());
        groundOhms = resistor(circuit.virtualGroundResistanceOhms());
        rowKind = NodeNumbering.kindOf(rowSegmentOhms, driverOhms);
        columnKind = NodeNumbering.kindOf(columnSegmentOhms, groundOhms);
    }

    /**
     * The fast model of a config (its circuit and {@link IrDropSolverConfig#fastSweepCount()}); the config's method
     * is not consulted.
     *
     * @param config the IR-drop config; not null
     * @return a new model
     */
    public static FastIrDropModel from(IrDropConfig config) {
        Checks.notNull("config", config);
        return new FastIrDropModel(config.circuit(), config.solver().fastSweepCount());
    }

    /** @return the circuit */
    public IrDropCircuitConfig circuit() {
        return circuit;
    }

    /** @return the sweeps per call */
    public int sweepCount() {
        return sweepCount;
    }

    @Override
    public IrDropMethod method() {
        return IrDropMethod.FAST;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Cost: O(M·N) to prepare the conductances; then, with one sweep, O(M·N) for the effective conductances
     * and one {@code batchSize × M × N} matrix product; with more sweeps, about {@code 10·sweepCount + 3}
     * operations per cell and input vector. With two or more sweeps every vector is computed independently, so the
     * result for a vector does not depend on the rest of the batch (bit for bit).
     */
    @Override
    public void columnCurrents(float[] conductancesSiemens, int rows, int columns, float[] rowVoltagesVolts,
                               int batchSize, float[] columnCurrentsAmperes) {
        IrDropModelChecks.conductances(conductancesSiemens, rows, columns);
        IrDropModelChecks.batch(rows, columns, rowVoltagesVolts, batchSize, columnCurrentsAmperes);
        if (batchSize == 0) {
            return;
        }
        prepare(conductancesSiemens, rows, columns);
        int cells = rows * columns;
        if (sweepCount == 1) {
            if (effective.length < cells) {
                effective = new float[cells];
            }
            oneSweepEffectiveConductances(conductancesSiemens, rows, columns, effective);
            Kernels.gemm(Transpose.NO, Transpose.NO, batchSize, columns, rows, 1f, rowVoltagesVolts, 0, rows,
                    effective, 0, columns, 0f, columnCurrentsAmperes, 0, columns);
            return;
        }
        ensureState(cells, columns);
        for (int k = 0; k < batchSize; k++) {
            solveVector(conductancesSiemens, rows, columns, rowVoltagesVolts, k, columnCurrentsAmperes);
        }
    }

    /**
     * The effective conductance matrix {@code W} of this approximation ({@code I_j ≈ Σ_i W_ij·V_i}; the model is
     * linear in the inputs), computed by applying the sweeps to the M unit input vectors. Worth it when a batch has
     * more than M vectors and the conductances do not change within the batch: then one call plus one matrix
     * product replaces the per-vector sweeps.
     *
     * @param conductancesSiemens row-major {@code rows × columns} conductances (S); read only
     * @param rows rows M, at least 1
     * @param columns columns N, at least 1
     * @param effectiveConductancesSiemens output, row-major {@code rows × columns} (S); overwritten; not the input
     */
    public void effectiveConductances(float[] conductancesSiemens, int rows, int columns,
                                      float[] effectiveConductancesSiemens) {
        IrDropModelChecks.conductances(conductancesSiemens, rows, columns);
        Checks.isTrue(effectiveConductancesSiemens != null
                        && effectiveConductancesSiemens.length >= rows * columns
                        && effectiveConductancesSiemens != conductancesSiemens,
                "effectiveConductancesSiemens must be a separate array of at least %d elements", rows * columns);
        if (sweepCount == 1) {
            prepare(conductancesSiemens, rows, columns);
            oneSweepEffectiveConductances(conductancesSiemens, rows, columns, effectiveConductancesSiemens);
            return;
        }
        float[] identity = new float[rows * rows];
        for (int l = 0; l < rows; l++) {
            identity[l * rows + l] = 1f;
        }
        columnCurrents(conductancesSiemens, rows, columns, identity, rows, effectiveConductancesSiemens);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static double resistor(double ohms) {
        return ohms < 1.0 / Double.MAX_VALUE ? 0.0 : ohms;
    }

    /**
     * Thomas coefficients of every line. For a chain with wire conductance w, pivots m_0 = diag_0 and
     * m_k = diag_k − w·ratio_{k−1}; stored as ratio_k = w/m_k and 1/m_k (one division per cell), so forward
     * substitution is
     * y_k = rhs_k/m_k + ratio_k·y_{k−1} and back substitution x_k = y_k + ratio_k·x_{k+1}.
     * A merged line stores 1/(series conductance + Σ G) in its first slot.
     */
    private void prepare(float[] g, int rows, int columns) {
        int cells = rows * columns;
        if (rowRatio.length < cells) {
            rowRatio = new float[cells];
            rowInversePivot = new float[cells];
            columnRatio = new float[cells];
            columnInversePivot = new float[cells];
        }
        if (pivotWork.length < columns) {
            pivotWork = new double[columns];
        }
        if (rowKind == LineKind.CHAIN) {
            double wire = 1.0 / rowSegmentOhms;
            double terminal = 1.0 / (driverOhms + rowSegmentOhms);
            for (int i = 0; i < rows; i++) {
                double previousRatio = 0;
                for (int j = 0; j < columns; j++) {
                    int cell = i * columns + j;
                    double diagonal = g[cell] + (j == 0 ? terminal : wire) + (j < columns - 1 ? wire : 0.0);
                    double inverse = 1.0 / (diagonal - wire * previousRatio);
                    previousRatio = wire * inverse;
                    rowRatio[cell] = (float) previousRatio;
                    rowInversePivot[cell] = (float) inverse;
                }
            }
        } else if (rowKind == LineKind.MERGED) {
            for (int i = 0; i < rows; i++) {
                double sum = 1.0 / driverOhms;
                for (int j = 0; j < columns; j++) {
                    sum += g[i * columns + j];
                }
                rowInversePivot[i * columns] = (float) (1.0 / sum);
            }
        }
        if (columnKind == LineKind.CHAIN) {
            double wire = 1.0 / columnSegmentOhms;
            double terminal = 1.0 / (groundOhms + columnSegmentOhms);
            double[] previousRatio = pivotWork;
            Arrays.fill(previousRatio, 0, columns, 0.0);
            for (int i = 0; i < rows; i++) {
                double below = i < rows - 1 ? wire : terminal;
                double above = i > 0 ? wire : 0.0;
                for (int j = 0; j < columns; j++) {
                    int cell = i * columns + j;
                    double diagonal = g[cell] + above + below;
                    double inverse = 1.0 / (diagonal - wire * previousRatio[j]);
                    previousRatio[j] = wire * inverse;
                    columnRatio[cell] = (float) previousRatio[j];
                    columnInversePivot[cell] = (float) inverse;
                }
            }
        } else if (columnKind == LineKind.MERGED) {
            Arrays.fill(pivotWork, 0, columns, 1.0 / groundOhms);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    pivotWork[j] += g[i * columns + j];
                }
            }
            for (int j = 0; j < columns; j++) {
                columnInversePivot[j] = (float) (1.0 / pivotWork[j]);
            }
        }
    }

    /**
     * One sweep in closed form. With the columns held at 0 V, row line i answers a unit input with the deviations
     * {@code ρ_i· = (L_row,i + diag(G_i·))⁻¹·G_i·}, so after the row half-sweep {@code d_ij = ρ_ij·V_i}; the column
     * half-sweep then gives {@code b_·j = T_j⁻¹·diag(G_·j)·((1 − ρ_·j)∘V)} with {@code T_j = L_col,j + diag(G_·j)},
     * and by the symmetry of {@code T_j}, {@code Σ_i G_ij·b_ij = Σ_l σ_lj·G_lj·(1 − ρ_lj)·V_l} with
     * {@code σ_·j = T_j⁻¹·G_·j}. Hence {@code I_j = Σ_l W_lj·V_l} with {@code W = G∘(1 − ρ)∘(1 − σ)}: each cell's
     * conductance scaled by its row-line and column-line attenuations, O(M·N) in all. Requires {@link #prepare}.
     */
    private void oneSweepEffectiveConductances(float[] g, int rows, int columns, float[] out) {
        int cells = rows * columns;
        if (rho.length < cells) {
            rho = new double[cells];
            sigma = new double[cells];
        }
        // ρ: every row line with a unit source and grounded columns.
        if (rowKind == LineKind.CHAIN) {
            for (int i = 0; i < rows; i++) {
                int rowBase = i * columns;
                double previous = 0;
                for (int cell = rowBase; cell < rowBase + columns; cell++) {
                    previous = g[cell] * (double) rowInversePivot[cell] + rowRatio[cell] * previous;
                    rho[cell] = previous;
                }
                for (int cell = rowBase + columns - 2; cell >= rowBase; cell--) {
                    rho[cell] += rowRatio[cell] * rho[cell + 1];
                }
            }
        } else if (rowKind == LineKind.MERGED) {
            for (int i = 0; i < rows; i++) {
                double sum = 0;
                for (int j = 0; j < columns; j++) {
                    sum += g[i * columns + j];
                }
                Arrays.fill(rho, i * columns, (i + 1) * columns, sum * rowInversePivot[i * columns]);
            }
        } else {
            Arrays.fill(rho, 0, cells, 0.0);
        }
        // σ: every column line loaded by its cells at a unit potential, all columns advancing together.
        if (columnKind == LineKind.CHAIN) {
            for (int i = 0; i < rows; i++) {
                int rowBase = i * columns;
                for (int cell = rowBase; cell < rowBase + columns; cell++) {
                    sigma[cell] = g[cell] * (double) columnInversePivot[cell]
                            + (i == 0 ? 0.0 : columnRatio[cell] * sigma[cell - columns]);
                }
            }
            for (int i = rows - 2; i >= 0; i--) {
                int rowBase = i * columns;
                for (int cell = rowBase; cell < rowBase + columns; cell++) {
                    sigma[cell] += columnRatio[cell] * sigma[cell + columns];
                }
            }
        } else if (columnKind == LineKind.MERGED) {
            for (int j = 0; j < columns; j++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += g[i * columns + j];
                }
                double value = sum * columnInversePivot[j];
                for (int i = 0; i < rows; i++) {
                    sigma[i * columns + j] = value;
                }
            }
        } else {
            Arrays.fill(sigma, 0, cells, 0.0);
        }
        for (int cell = 0; cell < cells; cell++) {
            out[cell] = (float) (g[cell] * (1.0 - rho[cell]) * (1.0 - sigma[cell]));
        }
    }

    private void ensureState(int cells, int columns) {
        if (deviation.length < cells) {
            deviation = new float[cells];
            columnVoltage = new float[cells];
        }
        if (currents.length < columns) {
            currents = new float[columns];
        }
    }

    /** The sweeps and the output for one input vector, sample {@code k} of the batch. */
    private void solveVector(float[] g, int rows, int columns, float[] x, int k, float[] out) {
        final float[] deviation = this.deviation;
        final float[] columnVoltage = this.columnVoltage;
        final float[] currents = this.currents;
        int cells = rows * columns;
        int inputOffset = k * rows;
        Arrays.fill(deviation, 0, cells, 0f);
        Arrays.fill(columnVoltage, 0, cells, 0f);
        for (int sweep = 0; sweep < sweepCount; sweep++) {
            solveRowLines(g, rows, columns, x, inputOffset);
            solveColumnLines(g, rows, columns, x, inputOffset);
        }
        // I_j = Σ_i G_ij (V_i − d_ij − b_ij), all columns side by side.
        Arrays.fill(currents, 0, columns, 0f);
        for (int i = 0; i < rows; i++) {
            float v = x[inputOffset + i];
            int rowBase = i * columns;
            for (int j = 0; j < columns; j++) {
                int cell = rowBase + j;
                currents[j] += g[cell] * (v - deviation[cell] - columnVoltage[cell]);
            }
        }
        System.arraycopy(currents, 0, out, k * columns, columns);
    }

    /** d_i· ← solution of every row line with the column voltages fixed. */
    private void solveRowLines(float[] g, int rows, int columns, float[] x, int inputOffset) {
        final float[] deviation = this.deviation;
        final float[] columnVoltage = this.columnVoltage;
        final float[] rowRatio = this.rowRatio;
        final float[] rowInversePivot = this.rowInversePivot;
        if (rowKind == LineKind.FIXED) {
            return;
        }
        if (rowKind == LineKind.MERGED) {
            for (int i = 0; i < rows; i++) {
                float v = x[inputOffset + i];
                int rowBase = i * columns;
                float sum = 0f;
                for (int cell = rowBase; cell < rowBase + columns; cell++) {
                    sum += g[cell] * (v - columnVoltage[cell]);
                }
                Arrays.fill(deviation, rowBase, rowBase + columns, sum * rowInversePivot[rowBase]);
            }
            return;
        }
        // The rows advance together along the columns, so that their independent recursions interleave.
        for (int i = 0; i < rows; i++) {
            int cell = i * columns;
            deviation[cell] = g[cell] * (x[inputOffset + i] - columnVoltage[cell]) * rowInversePivot[cell];
        }
        for (int j = 1; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                int cell = i * columns + j;
                deviation[cell] = g[cell] * (x[inputOffset + i] - columnVoltage[cell]) * rowInversePivot[cell]
                        + rowRatio[cell] * deviation[cell - 1];
            }
        }
        for (int j = columns - 2; j >= 0; j--) {
            for (int i = 0; i < rows; i++) {
                int cell = i * columns + j;
                deviation[cell] += rowRatio[cell] * deviation[cell + 1];
            }
        }
    }

    /** b_·j ← solution of every column line with the row deviations fixed; the columns advance side by side. */
    private void solveColumnLines(float[] g, int rows, int columns, float[] x, int inputOffset) {
        final float[] deviation = this.deviation;
        final float[] columnVoltage = this.columnVoltage;
        final float[] columnRatio = this.columnRatio;
        final float[] columnInversePivot = this.columnInversePivot;
        if (columnKind == LineKind.FIXED) {
            return;
        }
        if (columnKind == LineKind.MERGED) {
            final float[] sums = this.currents;
            Arrays.fill(sums, 0, columns, 0f);
            for (int i = 0; i < rows; i++) {
                float v = x[inputOffset + i];
                int rowBase = i * columns;
                for (int j = 0; j < columns; j++) {
                    sums[j] += g[rowBase + j] * (v - deviation[rowBase + j]);
                }
            }
            for (int j = 0; j < columns; j++) {
                sums[j] *= columnInversePivot[j];
            }
            for (int i = 0; i < rows; i++) {
                System.arraycopy(sums, 0, columnVoltage, i * columns, columns);
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            float v = x[inputOffset + i];
            int rowBase = i * columns;
            if (i == 0) {
                for (int cell = rowBase; cell < rowBase + columns; cell++) {
                    columnVoltage[cell] = g[cell] * (v - deviation[cell]) * columnInversePivot[cell];
                }
            } else {
                for (int cell = rowBase; cell < rowBase + columns; cell++) {
                    columnVoltage[cell] = g[cell] * (v - deviation[cell]) * columnInversePivot[cell]
                            + columnRatio[cell] * columnVoltage[cell - columns];
                }
            }
        }
        for (int i = rows - 2; i >= 0; i--) {
            int rowBase = i * columns;
            for (int cell = rowBase; cell < rowBase + columns; cell++) {
                columnVoltage[cell] += columnRatio[cell] * columnVoltage[cell + columns];
            }
        }
    }
}
