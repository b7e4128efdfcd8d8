package org.xbarlab.crossbar.parasitics;

import org.xbarlab.core.Checks;

/**
 * Column currents of an array whose wires have resistance: what a tile calls on every MVM instead of the ideal
 * product {@code I_j = Σ_i G_ij·V_i}.
 *
 * <p>Conventions (all implementations): the conductance matrix is row-major {@code rows × columns} in siemens,
 * row {@code i} is the input (driven) line and column {@code j} the summation line, laid out as in
 * {@link IrDropCircuitConfig}; inputs are a batch of row-voltage vectors, sample-major ({@code batchSize × rows},
 * sample {@code k} at {@code [k·rows, (k+1)·rows)}) in volts; outputs are sample-major
 * ({@code batchSize × columns}) in amperes. For a transposed read, pass the transformed matrix and circuit described
 * at {@link IrDropCircuitConfig#transposed()}.
 *
 * <p>Implementations keep reusable workspaces and are not thread-safe; use one instance per thread.
 */
public interface IrDropModel {

    /**
     * Computes the column currents of a batch of inputs.
     *
     * @param conductancesSiemens cell conductances (S), row-major {@code rows × columns}, each finite and ≥ 0; read
     *     only
     * @param rows rows M (inputs), at least 1
     * @param columns columns N (outputs), at least 1
     * @param rowVoltagesVolts {@code batchSize × rows} input voltages (V), finite; read only
     * @param batchSize number of input vectors, at least 0
     * @param columnCurrentsAmperes output {@code batchSize × columns} currents (A); overwritten; must not be the
     *     input array
     * @throws IllegalArgumentException if a size is invalid, an array is too short, or a value is not allowed
     */
    void columnCurrents(float[] conductancesSiemens, int rows, int columns, float[] rowVoltagesVolts,
                        int batchSize, float[] columnCurrentsAmperes);

    /**
     * Which method this model implements.
     *
     * @return the method
     */
    IrDropMethod method();

    /**
     * The model a config asks for: {@link ExactIrDropModel} (exact solve, factorization cached per conductance
     * matrix), {@link FastIrDropModel} or {@link AihwkitIrDropHeuristic}.
     *
     * @param config the IR-drop config; not null
     * @return a new model, owned by the caller
     */
    static IrDropModel from(IrDropConfig config) {
        Checks.notNull("config", config);
        switch (config.solver().method()) {
            case EXACT:
                return new ExactIrDropModel(config.circuit(), config.solver().exactResidualToleranceRelative());
            case AIHWKIT_HEURISTIC:
                return new AihwkitIrDropHeuristic(config.circuit().columnWireSegmentResistanceOhms());
            case FAST:
            default:
                return new FastIrDropModel(config.circuit(), config.solver().fastSweepCount());
        }
    }
}
