package org.xbarlab.core.kernels;

/**
 * One implementation of the {@link Kernels} products. The facade validates every argument before it calls a
 * backend, so implementations may assume valid dimensions, row strides, array lengths and non-overlapping outputs;
 * the argument meanings are those documented on {@link Kernels}.
 *
 * <p>Implementations are stateless apart from reusable scratch memory and must be safe to call concurrently from
 * several threads on disjoint outputs. Their results must not depend on the number of threads
 * ({@link Kernels#setThreads(int)}): parallel work is split into tiles whose shape depends only on the problem
 * dimensions.
 */
interface KernelBackend {

    /**
     * Short stable name of this backend, as accepted by {@link Kernels#setBackend(String)}.
     *
     * @return the name, for example {@code "openblas"} or {@code "java"}
     */
    String name();

    /**
     * Human-readable description for run provenance: library and version, tiling, thread use.
     *
     * @return the description, never {@code null}
     */
    String description();

    /**
     * {@code c = alpha·op(a)·op(b) + beta·c}; see {@link Kernels#gemm(Transpose, Transpose, int, int, int, float,
     * float[], int, int, float[], int, int, float, float[], int, int)}.
     */
    void gemm(Transpose transposeA, Transpose transposeB, int rows, int columns, int depth, float alpha,
            float[] a, int aOffset, int aRowStride, float[] b, int bOffset, int bRowStride,
            float beta, float[] c, int cOffset, int cRowStride);

    /**
     * {@code c = a·b} with {@code b} given by rows; see {@link Kernels#gemmByRows(int, int, int, float[], int, int,
     * float[][], float[], int, int)}.
     */
    void gemmByRows(int rows, int columns, int depth, float[] a, int aOffset, int aRowStride, float[][] bRows,
            float[] c, int cOffset, int cRowStride);

    /**
     * Whether {@link #gemmByRows} of this shape runs in plain Java, where it skips the zero elements of {@code a};
     * see {@link Kernels#gemmByRowsSkipsZeros(int, int, int)}.
     */
    boolean gemmByRowsSkipsZeros(int rows, int columns, int depth);

    /**
     * {@code y = alpha·op(a)·x + beta·y}; see {@link Kernels#gemv(Transpose, int, int, float, float[], int, int,
     * float[], int, float, float[], int)}.
     */
    void gemv(Transpose transposeA, int rows, int columns, float alpha, float[] a, int aOffset, int aRowStride,
            float[] x, int xOffset, float beta, float[] y, int yOffset);

    /**
     * {@code a = a + alpha·x·yᵀ}; see {@link Kernels#ger(int, int, float, float[], int, float[], int, float[], int,
     * int)}.
     */
    void ger(int rows, int columns, float alpha, float[] x, int xOffset, float[] y, int yOffset,
            float[] a, int aOffset, int aRowStride);
}
