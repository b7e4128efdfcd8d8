package org.xbarlab.crossbar;

import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * Exact float32 weights with no chip behind them: the software reference that analog crossbars are compared with,
 * and the baseline of "software training" results. Charges nothing to its ledger (it models no hardware).
 */
public final class DigitalCrossbar implements Crossbar {

    private final int rows;
    private final int columns;
    private final float[] weights;
    private final CostLedger ledger = new CostLedger();
    /**
     * Row copies of {@link #weights} for {@link Kernels#gemmByRows}, whose cost follows the non-zero inputs: by
     * input ({@code [j][i]}, forward) and by output ({@code [i][j]}, transposed product). Made on the first product
     * of small batches after a change of the weights (an update is one dense product; an equilibrium-propagation
     * batch reads the weights 80 times before its update); null until needed.
     */
    private float[][] byInput;
    private float[][] byOutput;
    private boolean byInputValid;
    private boolean byOutputValid;

    /**
     * @param rows outputs, at least 1
     * @param columns inputs, at least 1
     */
    public DigitalCrossbar(int rows, int columns) {
        this.rows = Checks.positive("rows", rows);
        this.columns = Checks.positive("columns", columns);
        this.weights = new float[Math.multiplyExact(rows, columns)];
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public void forward(float[] x, int batch, float[] y, Phase phase) {
        if (Kernels.gemmByRowsSkipsZeros(batch, rows, columns)) {
            // The same bits as the product below in the plain-Java kernel, at the cost of the non-zero inputs.
            Kernels.gemmByRows(batch, rows, columns, x, 0, columns, weightsByInput(), y, 0, rows);
            return;
        }
        Kernels.gemm(Transpose.NO, Transpose.YES, batch, rows, columns, 1f, x, 0, columns, weights, 0, columns,
                0f, y, 0, rows);
    }

    @Override
    public void backward(float[] d, int batch, float[] z, Phase phase) {
        if (Kernels.gemmByRowsSkipsZeros(batch, columns, rows)) {
            Kernels.gemmByRows(batch, columns, rows, d, 0, rows, weightsByOutput(), z, 0, columns);
            return;
        }
        Kernels.gemm(Transpose.NO, Transpose.NO, batch, columns, rows, 1f, d, 0, rows, weights, 0, columns,
                0f, z, 0, columns);
    }

    @Override
    public UpdateResult update(float[] x, float[] d, int batch, double learningRate) {
        Checks.nonNegativeFinite("learningRate", learningRate);
        Kernels.gemm(Transpose.YES, Transpose.NO, rows, columns, batch, (float) -learningRate, d, 0, rows,
                x, 0, columns, 1f, weights, 0, columns);
        weightsChanged();
        return UpdateResult.NONE;
    }

    @Override
    public UpdateResult applyDelta(float[] delta) {
        Checks.isTrue(delta.length >= weights.length, "delta must hold rows × columns = %d values, got %d",
                weights.length, delta.length);
        for (int k = 0; k < weights.length; k++) {
            weights[k] += delta[k];
        }
        weightsChanged();
        return UpdateResult.NONE;
    }

    @Override
    public ProgrammingResult program(float[] target) {
        System.arraycopy(target, 0, weights, 0, weights.length);
        weightsChanged();
        return new ProgrammingResult(weights.length, 0, 0, 0, 0);
    }

    @Override
    public void readWeights(float[] out) {
        System.arraycopy(weights, 0, out, 0, weights.length);
    }

    @Override
    public void advanceTime(double seconds) {
        Checks.nonNegativeFinite("advanceTimeSeconds", seconds);
    }

    @Override
    public CostLedger ledger() {
        return ledger;
    }

    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeFloats("weights", weights);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        in.readFloats("weights", weights);
        weightsChanged();
    }

    private void weightsChanged() {
        byInputValid = false;
        byOutputValid = false;
    }

    private float[][] weightsByInput() {
        if (byInput == null) {
            byInput = new float[columns][rows];
        }
        if (!byInputValid) {
            WeightRows.byInput(weights, rows, columns, byInput);
            byInputValid = true;
        }
        return byInput;
    }

    private float[][] weightsByOutput() {
        if (byOutput == null) {
            byOutput = new float[rows][columns];
        }
        if (!byOutputValid) {
            WeightRows.byOutput(weights, rows, columns, byOutput);
            byOutputValid = true;
        }
        return byOutput;
    }
}
