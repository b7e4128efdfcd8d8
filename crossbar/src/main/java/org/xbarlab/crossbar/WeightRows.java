package org.xbarlab.crossbar;

/**
 * Copies a row-major {@code rows × columns} weight matrix into the row arrays that
 * {@link org.xbarlab.core.kernels.Kernels#gemmByRows} multiplies by: one array per input line for the forward
 * product, one per output line for the transposed product.
 */
final class WeightRows {

    /** Side of the square blocks in which the weights are transposed, so that both sides stay in cache. */
    private static final int TRANSPOSE_BLOCK = 64;

    private WeightRows() {
    }

    /**
     * {@code byInput[j][i] = weights[i·columns + j]}: the weights of input line {@code j}, by output.
     *
     * @param weights row-major {@code rows × columns}; read only
     * @param rows outputs
     * @param columns inputs
     * @param byInput {@code columns} arrays of at least {@code rows}; overwritten
     */
    static void byInput(float[] weights, int rows, int columns, float[][] byInput) {
        for (int i0 = 0; i0 < rows; i0 += TRANSPOSE_BLOCK) {
            int i1 = Math.min(rows, i0 + TRANSPOSE_BLOCK);
            for (int j0 = 0; j0 < columns; j0 += TRANSPOSE_BLOCK) {
                int j1 = Math.min(columns, j0 + TRANSPOSE_BLOCK);
                for (int i = i0; i < i1; i++) {
                    int start = i * columns;
                    for (int j = j0; j < j1; j++) {
                        byInput[j][i] = weights[start + j];
                    }
                }
            }
        }
    }

    /**
     * {@code byOutput[i][j] = weights[i·columns + j]}: the weights of output line {@code i}, by input.
     *
     * @param weights row-major {@code rows × columns}; read only
     * @param rows outputs
     * @param columns inputs
     * @param byOutput {@code rows} arrays of at least {@code columns}; overwritten
     */
    static void byOutput(float[] weights, int rows, int columns, float[][] byOutput) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(weights, i * columns, byOutput[i], 0, columns);
        }
    }
}
