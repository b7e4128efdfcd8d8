package org.xbarlab.crossbar.parasitics;

import org.xbarlab.core.Checks;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * <b>aihwkit's IR-drop heuristic</b> (IBM aihwkit, {@code ForwardBackwardPassIOManaged::applyIrDrop}, enabled by
 * {@code IOParameters.ir_drop > 0}; {@code shared/reference/aihwkit.md} §2.1 step 5), restated in physical units. It
 * is a cheap closed-form correction, <i>not</i> a circuit solve: it models the drop along the summation line only,
 * ignores the row wires, the driver and the virtual-ground resistance, and its polynomial was fitted by aihwkit's
 * authors for their normalized units. {@code docs/ir-drop.md} measures it against {@link ExactIrDropSolver}; use it
 * to compare with aihwkit, not as a physical model.
 *
 * <p>For each input vector, with {@code s = max_i |V_i|} (aihwkit's default abs-max noise management maps the input
 * to [−1, 1]) and aihwkit's input index {@code j} read as our row {@code i} (aihwkit's input 0 is the one farthest
 * from the output, as our row 0 is farthest from the virtual ground):
 * <pre>
 *   a_j = M·r·Σ_i G_ij·|V_i| / s                   (aihwkit: a = n·Σ|w||x| / G_ratio, G_ratio = 1/(r·g_max))
 *   c_j = a_j·(0.05·a_j² − 0.2·a_j + 0.5)
 *   I_j = Σ_i G_ij·V_i − c_j·Σ_i G_ij·V_i·(1 − (1 − i/M)²)
 * </pre>
 * with {@code r} the column wire segment resistance and aihwkit's scale {@code ir_drop} = 1. The three sums are
 * matrix products through the sim-core kernels ({@link Kernels#gemm}).
 *
 * <p>Not thread-safe (reuses workspaces).
 */
public final class AihwkitIrDropHeuristic implements IrDropModel {

    private final double wireSegmentResistanceOhms;
    private float[] work = new float[0];
    private float[] sums = new float[0];

    /**
     * The heuristic for a given column wire segment resistance.
     *
     * @param wireSegmentResistanceOhms resistance of one column wire segment (Ω), finite, ≥ 0
     */
    public AihwkitIrDropHeuristic(double wireSegmentResistanceOhms) {
        this.wireSegmentResistanceOhms = Checks.nonNegativeFinite("wireSegmentResistanceOhms",
                wireSegmentResistanceOhms);
    }

    /** @return the column wire segment resistance (Ω) */
    public double wireSegmentResistanceOhms() {
        return wireSegmentResistanceOhms;
    }

    @Override
    public IrDropMethod method() {
        return IrDropMethod.AIHWKIT_HEURISTIC;
    }

    @Override
    public void columnCurrents(float[] conductancesSiemens, int rows, int columns, float[] rowVoltagesVolts,
                               int batchSize, float[] columnCurrentsAmperes) {
        IrDropModelChecks.conductances(conductancesSiemens, rows, columns);
        IrDropModelChecks.batch(rows, columns, rowVoltagesVolts, batchSize, columnCurrentsAmperes);
        if (batchSize == 0) {
            return;
        }
        int inputLength = batchSize * rows;
        int outputLength = batchSize * columns;
        if (work.length < 2 * inputLength) {
            work = new float[2 * inputLength];
        }
        if (sums.length < 2 * outputLength) {
            sums = new float[2 * outputLength];
        }
        // work[0, inputLength): |x|/s; work[inputLength, 2·inputLength): x·(1 − (1 − i/M)²).
        for (int k = 0; k < batchSize; k++) {
            int offset = k * rows;
            float scale = 0f;
            for (int i = 0; i < rows; i++) {
                scale = Math.max(scale, Math.abs(rowVoltagesVolts[offset + i]));
            }
            float inverse = scale > 0f ? 1f / scale : 0f;
            for (int i = 0; i < rows; i++) {
                float v = rowVoltagesVolts[offset + i];
                float distance = 1f - (float) i / rows;
                work[offset + i] = Math.abs(v) * inverse;
                work[inputLength + offset + i] = v * (1f - distance * distance);
            }
        }
        // Ideal currents, then the two sums of the heuristic, all as (batch × rows)·(rows × columns) products.
        Kernels.gemm(Transpose.NO, Transpose.NO, batchSize, columns, rows, 1f, rowVoltagesVolts, 0, rows,
                conductancesSiemens, 0, columns, 0f, columnCurrentsAmperes, 0, columns);
        Kernels.gemm(Transpose.NO, Transpose.NO, batchSize, columns, rows, 1f, work, 0, rows,
                conductancesSiemens, 0, columns, 0f, sums, 0, columns);
        Kernels.gemm(Transpose.NO, Transpose.NO, batchSize, columns, rows, 1f, work, inputLength, rows,
                conductancesSiemens, 0, columns, 0f, sums, outputLength, columns);
        float aScale = (float) (rows * wireSegmentResistanceOhms);
        for (int e = 0; e < outputLength; e++) {
            float a = aScale * sums[e];
            float c = a * (a * (0.05f * a - 0.2f) + 0.5f);
            columnCurrentsAmperes[e] -= c * sums[outputLength + e];
        }
    }
}
