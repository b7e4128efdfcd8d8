package org.xbarlab.crossbar.parasitics;

import java.util.Objects;

import org.xbarlab.core.Checks;

/** Argument checks shared by the {@link IrDropModel} implementations. Package-private. */
final class IrDropModelChecks {

    private IrDropModelChecks() {
    }

    /** Checks the shape of a conductance matrix and that every conductance is finite and ≥ 0. */
    static void conductances(float[] conductancesSiemens, int rows, int columns) {
        Checks.positive("rows", rows);
        Checks.positive("columns", columns);
        Objects.requireNonNull(conductancesSiemens, "conductancesSiemens must not be null");
        Checks.isTrue((long) rows * columns <= ExactIrDropSolver.MAX_CELL_COUNT,
                "rows x columns (%d x %d) must be at most %d cells", rows, columns, ExactIrDropSolver.MAX_CELL_COUNT);
        Checks.isTrue(conductancesSiemens.length >= rows * columns,
                "conductancesSiemens must have at least rows x columns = %d elements, got %d", rows * columns,
                conductancesSiemens.length);
        for (int k = 0; k < rows * columns; k++) {
            float g = conductancesSiemens[k];
            if (!(g >= 0 && g < Float.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("conductancesSiemens[" + (k / columns) + "][" + (k % columns)
                        + "] must be non-negative and finite, got " + Checks.withUnit("conductancesSiemens", g));
            }
        }
    }

    /** Checks the input and output arrays of a batched call. */
    static void batch(int rows, int columns, float[] rowVoltagesVolts, int batchSize,
                      float[] columnCurrentsAmperes) {
        Checks.nonNegative("batchSize", batchSize);
        Objects.requireNonNull(rowVoltagesVolts, "rowVoltagesVolts must not be null");
        Objects.requireNonNull(columnCurrentsAmperes, "columnCurrentsAmperes must not be null");
        Checks.isTrue(rowVoltagesVolts != columnCurrentsAmperes,
                "columnCurrentsAmperes must not be the same array as rowVoltagesVolts");
        Checks.isTrue((long) batchSize * rows <= rowVoltagesVolts.length,
                "rowVoltagesVolts must have at least batchSize x rows = %d elements, got %d",
                (long) batchSize * rows, rowVoltagesVolts.length);
        Checks.isTrue((long) batchSize * columns <= columnCurrentsAmperes.length,
                "columnCurrentsAmperes must have at least batchSize x columns = %d elements, got %d",
                (long) batchSize * columns, columnCurrentsAmperes.length);
        for (int k = 0; k < batchSize * rows; k++) {
            if (!Float.isFinite(rowVoltagesVolts[k])) {
                throw new IllegalArgumentException("rowVoltagesVolts[" + (k / rows) + "][" + (k % rows)
                        + "] must be finite, got " + Checks.withUnit("rowVoltagesVolts", rowVoltagesVolts[k]));
            }
        }
    }
}
