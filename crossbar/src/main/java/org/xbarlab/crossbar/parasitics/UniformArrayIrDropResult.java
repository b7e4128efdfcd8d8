package org.xbarlab.crossbar.parasitics;

/**
 * Result of {@link UniformArrayIrDrop#run}: the relative error of every column current caused by IR drop, and what
 * it cost to compute. Arrays are owned by the record and not copied; callers must not modify them.
 *
 * @param rowCount rows M
 * @param columnCount columns N
 * @param conductanceSiemens conductance of every cell (S)
 * @param rowWireSegmentResistanceOhms row wire segment resistance (Ω)
 * @param columnWireSegmentResistanceOhms column wire segment resistance (Ω)
 * @param driverResistanceOhms series resistance of each driver (Ω)
 * @param virtualGroundResistanceOhms series resistance of each virtual ground (Ω)
 * @param wireToDeviceResistanceRatio {@code r_row·G}, the wire segment resistance over the device resistance
 * @param method how the currents were computed
 * @param fastSweepCount sweeps of the fast model (reported for every method; used only by {@code fast})
 * @param input the input pattern
 * @param idealColumnCurrentsAmperes {@code Σ_i G·V_i} per column (A)
 * @param columnCurrentsAmperes the computed column currents (A)
 * @param columnRelativeError {@code (I_actual − I_ideal) / I_ideal} per column
 * @param worstRelativeError the column relative error of largest magnitude (signed; negative for a loss)
 * @param meanRelativeError the mean of the column relative errors
 * @param setupSeconds wall-clock time to prepare the method for this conductance matrix (the exact method's
 *     assembly and factorization; the fast model's line pivots are included in {@code solveSeconds})
 * @param solveSeconds wall-clock time of the solve for the input vector
 */
public record UniformArrayIrDropResult(int rowCount, int columnCount, double conductanceSiemens,
                                       double rowWireSegmentResistanceOhms, double columnWireSegmentResistanceOhms,
                                       double driverResistanceOhms, double virtualGroundResistanceOhms,
                                       double wireToDeviceResistanceRatio, IrDropMethod method, int fastSweepCount,
                                       IrDropInputPattern input, double[] idealColumnCurrentsAmperes,
                                       double[] columnCurrentsAmperes, double[] columnRelativeError,
                                       double worstRelativeError, double meanRelativeError, double setupSeconds,
                                       double solveSeconds) {
}
