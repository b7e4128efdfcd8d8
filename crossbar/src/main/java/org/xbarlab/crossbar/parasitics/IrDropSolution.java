package org.xbarlab.crossbar.parasitics;

/**
 * The exact solution of the IR-drop network for one input vector ({@link ExactIrDropSolver#solve(double[])}). All
 * matrices are row-major, {@code rowCount × columnCount}; element {@code (i, j)} is at {@code i * columnCount + j}.
 *
 * <p>The arrays are owned by this record and are not copied: callers must not modify them.
 *
 * @param rowCount rows M of the array
 * @param columnCount columns N of the array
 * @param rowVoltagesVolts the applied source voltages, one per row (V)
 * @param idealColumnCurrentsAmperes {@code Σ_i G_ij·V_i}, the currents with ideal wires (A)
 * @param columnCurrentChangeAmperes {@code I_j − I_ideal,j}, computed directly from the node-voltage deviations so
 *     that it keeps full relative precision even when it is many orders of magnitude below the current (A)
 * @param columnCurrentsAmperes the currents flowing through the cells of each column into its virtual ground (A)
 * @param rowNodeVoltagesVolts voltage of the row wire at each cell (V)
 * @param columnNodeVoltagesVolts voltage of the column wire at each cell (V)
 * @param sourceCurrentsAmperes current delivered by each row driver, computed from the voltage across its first
 *     segment (or from the cell currents when that segment and the driver are ideal) (A)
 * @param groundCurrentsAmperes current into each virtual ground, computed from the voltage across the last column
 *     segment (or from the cell currents when that segment and the ground are ideal) (A)
 * @param backwardError normwise backward error {@code ‖b − A·x‖∞ / (‖A‖∞·‖x‖∞ + ‖b‖∞)} of the nodal solve
 */
public record IrDropSolution(int rowCount, int columnCount, double[] rowVoltagesVolts,
                             double[] idealColumnCurrentsAmperes, double[] columnCurrentChangeAmperes,
                             double[] columnCurrentsAmperes, double[] rowNodeVoltagesVolts,
                             double[] columnNodeVoltagesVolts, double[] sourceCurrentsAmperes,
                             double[] groundCurrentsAmperes, double backwardError) {

    /**
     * The relative error of each column current, {@code (I_actual − I_ideal) / I_ideal}; negative when IR drop
     * lowers the current. NaN for a column whose ideal current is zero.
     *
     * @return a new array of {@code columnCount} values
     */
    public double[] columnRelativeError() {
        double[] error = new double[columnCount];
        for (int j = 0; j < columnCount; j++) {
            double ideal = idealColumnCurrentsAmperes[j];
            error[j] = ideal == 0 ? Double.NaN : columnCurrentChangeAmperes[j] / ideal;
        }
        return error;
    }
}
