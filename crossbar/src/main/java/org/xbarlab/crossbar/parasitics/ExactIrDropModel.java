package org.xbarlab.crossbar.parasitics;

import java.util.Arrays;

import org.xbarlab.core.Checks;

/**
 * The exact solve behind the {@link IrDropModel} interface: it factors the network on the first call and again
 * whenever the conductance matrix (compared element by element with a private copy) or its shape changes, so a run
 * of MVMs with fixed conductances (inference) pays for one factorization. Each input vector costs one sparse solve;
 * for many inputs with fixed conductances {@link ExactIrDropSolver#effectiveConductances()} followed by a matrix
 * product is cheaper.
 *
 * <p>Not thread-safe.
 */
public final class ExactIrDropModel implements IrDropModel {

    private final IrDropCircuitConfig circuit;
    private final double residualToleranceRelative;
    private float[] factoredConductances;
    private ExactIrDropSolver solver;

    /**
     * A model for the given circuit.
     *
     * @param circuit wire, driver and virtual-ground resistances; not null
     * @param residualToleranceRelative largest accepted backward error of each solve, in (0, 1e-3]
     */
    public ExactIrDropModel(IrDropCircuitConfig circuit, double residualToleranceRelative) {
        this.circuit = Checks.notNull("circuit", circuit);
        Checks.isTrue(residualToleranceRelative > 0 && residualToleranceRelative <= 1e-3,
                "exactResidualToleranceRelative must be in (0, 1e-3], got %s",
                Checks.number(residualToleranceRelative));
        this.residualToleranceRelative = residualToleranceRelative;
    }

    @Override
    public void columnCurrents(float[] conductancesSiemens, int rows, int columns, float[] rowVoltagesVolts,
                               int batchSize, float[] columnCurrentsAmperes) {
        IrDropModelChecks.conductances(conductancesSiemens, rows, columns);
        IrDropModelChecks.batch(rows, columns, rowVoltagesVolts, batchSize, columnCurrentsAmperes);
        solverFor(conductancesSiemens, rows, columns).columnCurrents(rowVoltagesVolts, batchSize,
                columnCurrentsAmperes);
    }

    /**
     * The factored solver for a conductance matrix, reusing the cached one when the matrix is unchanged.
     *
     * @param conductancesSiemens row-major {@code rows × columns} conductances (S)
     * @param rows rows M
     * @param columns columns N
     * @return the solver (owned by this model; valid until the next call with other conductances)
     */
    public ExactIrDropSolver solverFor(float[] conductancesSiemens, int rows, int columns) {
        IrDropModelChecks.conductances(conductancesSiemens, rows, columns);
        int cells = rows * columns;
        boolean same = solver != null && solver.rows() == rows && solver.columns() == columns
                && Arrays.equals(factoredConductances, 0, cells, conductancesSiemens, 0, cells);
        if (!same) {
            factoredConductances = Arrays.copyOf(conductancesSiemens, cells);
            solver = ExactIrDropSolver.factor(rows, columns, factoredConductances, circuit,
                    residualToleranceRelative);
        }
        return solver;
    }

    @Override
    public IrDropMethod method() {
        return IrDropMethod.EXACT;
    }
}
