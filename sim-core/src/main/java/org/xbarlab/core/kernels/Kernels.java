package org.xbarlab.core.kernels;

import java.util.Locale;

/**
 * The one facade for the hot float32 products of xbarlab: matrix × matrix ({@link #gemm gemm}, either operand
 * transposed), matrix × vector ({@link #gemv gemv}) and the rank-1 outer-product update ({@link #ger ger}). The
 * names and argument order follow BLAS, but every matrix is a row-major {@code float[]} with an offset and a row
 * stride (the BLAS leading dimension: elements between the starts of two consecutive stored rows).
 *
 * <p><b>Which product for which job.</b> With weights {@code W} stored {@code outputs × inputs}:
 * <ul>
 *   <li>MVM {@code y = W·x}: {@code gemv(Transpose.NO, outputs, inputs, 1, W, x, 0, y)};</li>
 *   <li>transposed MVM {@code δx = Wᵀ·δy}: {@code gemv(Transpose.YES, outputs, inputs, 1, W, δy, 0, δx)};</li>
 *   <li>batched MVM, batch rows {@code X} ({@code batch × inputs}) to {@code Y} ({@code batch × outputs}):
 *       {@code gemm(Transpose.NO, Transpose.YES, batch, outputs, inputs, 1, X, W, 0, Y)};</li>
 *   <li>outer-product update {@code W += η·δ·xᵀ}: {@code ger(outputs, inputs, η, δ, x, W)};</li>
 *   <li>rank-k (batched outer-product) update {@code W += η·Δᵀ·X} with {@code Δ} ({@code batch × outputs}):
 *       {@code gemm(Transpose.YES, Transpose.NO, outputs, inputs, batch, η, Δ, X, 1, W)}.</li>
 * </ul>
 *
 * <p><b>Backends.</b> The first call picks a backend: OpenBLAS ({@code "openblas"}, through JavaCPP) when its native
 * library loads, otherwise plain Java ({@code "java"}). The system property {@value #BACKEND_PROPERTY} set to
 * {@code openblas}, {@code java} or {@code auto} (the default) overrides the choice, and so does
 * {@link #setBackend(String)}. Record {@link #backendName()} or {@link #backendDescription()} with results. The
 * measured speeds and the reasons for the choice are in {@code docs/adr/0001-kernel-backend.md}.
 *
 * <p><b>Reproducibility.</b> Every backend cuts a product into tiles whose shape depends only on the dimensions and
 * computes each tile in a fixed order, so results are bit-identical for every {@link #setThreads(int) thread count}
 * and from run to run. OpenBLAS's own multi-threading is not (its sgemm gives different bits on 1 and 2 threads), so
 * the OpenBLAS backend calls it single-threaded on fixed tiles and parallelises over the tiles itself. Different
 * backends give different bits (within the usual float32 rounding error), and so do problems of different shape
 * that contain the same sub-product.
 *
 * <p><b>BLAS conventions.</b> When {@code beta == 0} the output is overwritten without being read, so NaN or
 * infinite values in it do not propagate. When {@code alpha == 0} (or {@code depth == 0}) the matrix operands are
 * not read and the output is only scaled by {@code beta}. Zero dimensions are allowed and make the call a no-op
 * apart from that scaling.
 *
 * <p><b>Thread safety.</b> All methods may be called concurrently from several threads as long as the outputs of
 * concurrent calls do not overlap each other or the inputs of another call. {@link #setBackend(String)} and
 * {@link #setThreads(int)} affect calls that start after they return.
 */
public final class Kernels {

    /** System property that selects the backend: {@code openblas}, {@code java} or {@code auto} (default). */
    public static final String BACKEND_PROPERTY = "xbarlab.kernels";

    /** Backend name: OpenBLAS through JavaCPP, with plain Java for small and memory-bound operations. */
    public static final String OPENBLAS = OpenBlasKernelBackend.NAME;

    /** Backend name: plain Java, works on every platform. */
    public static final String JAVA = JavaKernelBackend.NAME;

    /** Backend name that asks for OpenBLAS if its native library loads, else Java. */
    public static final String AUTO = "auto";

    /** Largest value accepted by {@link #setThreads(int)}. */
    public static final int MAX_THREADS = ParallelTileRunner.MAX_THREADS;

    private static final System.Logger LOGGER = System.getLogger(Kernels.class.getName());
    private static final JavaKernelBackend JAVA_BACKEND = new JavaKernelBackend();

    private static volatile KernelBackend backend;
    /** Why OpenBLAS is not in use after an automatic choice, or {@code null}. */
    private static volatile String openBlasUnavailableReason;

    private Kernels() {
    }

    // ----------------------------------------------------------------------------------------------------------
    // Products
    // ----------------------------------------------------------------------------------------------------------

    /**
     * General matrix product {@code C = alpha·op(A)·op(B) + beta·C}, where {@code op(A)} is {@code rows × depth},
     * {@code op(B)} is {@code depth × columns} and {@code C} is {@code rows × columns}.
     *
     * <p>Stored shapes: {@code A} is {@code rows × depth} ({@code transposeA = NO}) or {@code depth × rows}
     * ({@code YES}); {@code B} is {@code depth × columns} ({@code transposeB = NO}) or {@code columns × depth}
     * ({@code YES}). Element {@code (i, j)} of a stored matrix {@code X} is {@code x[xOffset + i·xRowStride + j]}.
     *
     * <p><b>Modifies</b> only the {@code rows × columns} elements of {@code c}; {@code a} and {@code b} are read
     * only. <b>Aliasing:</b> {@code c} must not overlap {@code a} or {@code b} (checked; sharing one array is fine
     * when the spans {@code [offset, offset + footprint)} are disjoint); {@code a} and {@code b} may overlap.
     *
     * @param transposeA whether {@code op(A)} is {@code A} or {@code Aᵀ}; not null
     * @param transposeB whether {@code op(B)} is {@code B} or {@code Bᵀ}; not null
     * @param rows rows of {@code C} and of {@code op(A)}, at least 0
     * @param columns columns of {@code C} and of {@code op(B)}, at least 0
     * @param depth columns of {@code op(A)} and rows of {@code op(B)} (the summed dimension), at least 0
     * @param alpha scale of the product; when 0, {@code a} and {@code b} are not read
     * @param a stored {@code A}; not null
     * @param aOffset index of the first element of {@code A} in {@code a}, in [0, a.length]
     * @param aRowStride elements between consecutive stored rows of {@code A}, at least max(1, stored columns)
     * @param b stored {@code B}; not null
     * @param bOffset index of the first element of {@code B} in {@code b}, in [0, b.length]
     * @param bRowStride elements between consecutive stored rows of {@code B}, at least max(1, stored columns)
     * @param beta scale of the previous {@code C}; when 0, {@code c} is overwritten without being read
     * @param c {@code C}, input (unless {@code beta == 0}) and output; not null
     * @param cOffset index of the first element of {@code C} in {@code c}, in [0, c.length]
     * @param cRowStride elements between consecutive rows of {@code C}, at least max(1, columns)
     * @throws NullPointerException if an array or a {@link Transpose} is null
     * @throws IllegalArgumentException if a dimension is negative, an offset or row stride is out of range, an array
     *     is too short for its matrix, or {@code c} overlaps {@code a} or {@code b}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static void gemm(Transpose transposeA, Transpose transposeB, int rows, int columns, int depth,
            float alpha, float[] a, int aOffset, int aRowStride, float[] b, int bOffset, int bRowStride,
            float beta, float[] c, int cOffset, int cRowStride) {
        KernelArgumentChecks.notNull("transposeA", transposeA);
        KernelArgumentChecks.notNull("transposeB", transposeB);
        KernelArgumentChecks.nonNegative("rows", rows);
        KernelArgumentChecks.nonNegative("columns", columns);
        KernelArgumentChecks.nonNegative("depth", depth);
        boolean transposedA = transposeA.isTransposed();
        boolean transposedB = transposeB.isTransposed();
        int aRows = transposedA ? depth : rows;
        int aColumns = transposedA ? rows : depth;
        int bRows = transposedB ? columns : depth;
        int bColumns = transposedB ? depth : columns;
        KernelArgumentChecks.matrix("a", a, aOffset, aRowStride, aRows, aColumns,
                transposedA ? "depth × rows, transposeA = YES" : "rows × depth, transposeA = NO");
        KernelArgumentChecks.matrix("b", b, bOffset, bRowStride, bRows, bColumns,
                transposedB ? "columns × depth, transposeB = YES" : "depth × columns, transposeB = NO");
        KernelArgumentChecks.matrix("c", c, cOffset, cRowStride, rows, columns, "rows × columns");
        long cFootprint = KernelArgumentChecks.footprint(cRowStride, rows, columns);
        KernelArgumentChecks.noOverlap("c", c, cOffset, cFootprint,
                "a", a, aOffset, KernelArgumentChecks.footprint(aRowStride, aRows, aColumns));
        KernelArgumentChecks.noOverlap("c", c, cOffset, cFootprint,
                "b", b, bOffset, KernelArgumentChecks.footprint(bRowStride, bRows, bColumns));
        if (rows == 0 || columns == 0) {
            return;
        }
        backend().gemm(transposeA, transposeB, rows, columns, depth, alpha, a, aOffset, aRowStride,
                b, bOffset, bRowStride, beta, c, cOffset, cRowStride);
    }

    /**
     * General matrix product {@code C = alpha·op(A)·op(B) + beta·C} on dense arrays: every matrix starts at index 0
     * and its row stride is its stored column count. Otherwise identical to
     * {@link #gemm(Transpose, Transpose, int, int, int, float, float[], int, int, float[], int, int, float, float[],
     * int, int)}, including what is modified and the aliasing rule.
     *
     * @param transposeA whether {@code op(A)} is {@code A} ({@code rows × depth}) or {@code Aᵀ} ({@code A} stored
     *     {@code depth × rows}); not null
     * @param transposeB whether {@code op(B)} is {@code B} ({@code depth × columns}) or {@code Bᵀ} ({@code B}
     *     stored {@code columns × depth}); not null
     * @param rows rows of {@code C}, at least 0
     * @param columns columns of {@code C}, at least 0
     * @param depth the summed dimension, at least 0
     * @param alpha scale of the product
     * @param a stored {@code A}, at least as long as its matrix; read only
     * @param b stored {@code B}, at least as long as its matrix; read only
     * @param beta scale of the previous {@code C}; when 0, {@code c} is not read
     * @param c {@code C} ({@code rows × columns}), input and output; must not be the same array as {@code a} or
     *     {@code b}
     * @throws NullPointerException if an array or a {@link Transpose} is null
     * @throws IllegalArgumentException if a dimension is negative, an array is too short or {@code c} overlaps
     *     {@code a} or {@code b}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static void gemm(Transpose transposeA, Transpose transposeB, int rows, int columns, int depth,
            float alpha, float[] a, float[] b, float beta, float[] c) {
        KernelArgumentChecks.notNull("transposeA", transposeA);
        KernelArgumentChecks.notNull("transposeB", transposeB);
        int aColumns = transposeA.isTransposed() ? rows : depth;
        int bColumns = transposeB.isTransposed() ? depth : columns;
        gemm(transposeA, transposeB, rows, columns, depth, alpha, a, 0, Math.max(1, aColumns),
                b, 0, Math.max(1, bColumns), beta, c, 0, Math.max(1, columns));
    }

    /**
     * Matrix product {@code C = A·B} whose cost follows the non-zero elements of {@code A}: {@code B} is given by
     * rows ({@code bRows[p]} holds row {@code p}, its {@code columns} elements from index 0), which lets the plain-Java
     * kernel add only the rows of {@code B} that a non-zero element of {@code A} selects, four at a time, with the
     * inner loop vectorised. Made for the sparse operands of the simulations: image pixels, dropout, ReLU and
     * hard-sigmoid states that sit at 0.
     *
     * <p><b>Results.</b> Bit for bit the same as {@link #gemm(Transpose, Transpose, int, int, int, float, float[],
     * int, int, float[], int, int, float, float[], int, int) gemm(NO, NO, rows, columns, depth, 1, a, aOffset,
     * aRowStride, B, 0, columns, 0, c, cOffset, cRowStride)} with the same backend and {@code B} stored row-major,
     * whenever {@code B} is finite: where the plain-Java kernel runs ({@link #gemmByRowsSkipsZeros}) every element is
     * summed in the reference loop's order with the terms of zero elements of {@code A} left out, and adding an
     * exact zero changes no sum that starts from 0; elsewhere the rows are staged into the same native operand as
     * {@code gemm}'s. A zero of {@code A} times an infinite or NaN element of {@code B} is skipped here, not turned
     * into NaN. The results do not depend on the thread count.
     *
     * <p><b>Modifies</b> only the {@code rows × columns} elements of {@code c}, which must not overlap {@code a} nor
     * be a row of {@code B}.
     *
     * @param rows rows of {@code C} and {@code A}, at least 0
     * @param columns columns of {@code C} and {@code B}, at least 0
     * @param depth columns of {@code A} and rows of {@code B}, at least 0
     * @param a stored {@code A} ({@code rows × depth}); not null; read only
     * @param aOffset index of the first element of {@code A} in {@code a}, in [0, a.length]
     * @param aRowStride elements between consecutive rows of {@code A}, at least max(1, depth)
     * @param bRows the rows of {@code B}: at least {@code depth} arrays, each at least {@code columns} long; read only
     * @param c {@code C}, overwritten; not null
     * @param cOffset index of the first element of {@code C} in {@code c}, in [0, c.length]
     * @param cRowStride elements between consecutive rows of {@code C}, at least max(1, columns)
     * @throws NullPointerException if an array or a row of {@code bRows} is null
     * @throws IllegalArgumentException if a dimension is negative, an offset or row stride is out of range, an array
     *     or a row is too short, or {@code c} overlaps {@code a} or is a row of {@code B}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static void gemmByRows(int rows, int columns, int depth, float[] a, int aOffset, int aRowStride,
            float[][] bRows, float[] c, int cOffset, int cRowStride) {
        KernelArgumentChecks.nonNegative("rows", rows);
        KernelArgumentChecks.nonNegative("columns", columns);
        KernelArgumentChecks.nonNegative("depth", depth);
        KernelArgumentChecks.matrix("a", a, aOffset, aRowStride, rows, depth, "rows × depth");
        KernelArgumentChecks.notNull("bRows", bRows);
        if (bRows.length < depth) {
            throw new IllegalArgumentException("bRows must hold depth = " + depth + " rows, has " + bRows.length);
        }
        for (int p = 0; p < depth; p++) {
            float[] row = bRows[p];
            if (row == null || row.length < columns) {
                throw new IllegalArgumentException("bRows[" + p + "] must hold columns = " + columns + " elements, "
                        + (row == null ? "is null" : "has " + row.length));
            }
            if (row == c) {
                throw new IllegalArgumentException("c must not be one of the rows of B, but it is bRows[" + p + "]");
            }
        }
        KernelArgumentChecks.matrix("c", c, cOffset, cRowStride, rows, columns, "rows × columns");
        KernelArgumentChecks.noOverlap("c", c, cOffset, KernelArgumentChecks.footprint(cRowStride, rows, columns),
                "a", a, aOffset, KernelArgumentChecks.footprint(aRowStride, rows, depth));
        if (rows == 0 || columns == 0) {
            return;
        }
        backend().gemmByRows(rows, columns, depth, a, aOffset, aRowStride, bRows, c, cOffset, cRowStride);
    }

    /**
     * Whether {@link #gemmByRows} of this shape runs in the plain-Java kernel, whose cost follows the non-zero
     * elements of {@code A}, rather than in a native dense product. Callers that keep a row copy of a matrix only
     * for {@code gemmByRows} can skip it when this is false.
     *
     * @param rows rows of {@code C}, at least 0
     * @param columns columns of {@code C}, at least 0
     * @param depth the summed dimension, at least 0
     * @return whether the product skips the zero elements of {@code A}
     * @throws IllegalArgumentException if a dimension is negative
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static boolean gemmByRowsSkipsZeros(int rows, int columns, int depth) {
        KernelArgumentChecks.nonNegative("rows", rows);
        KernelArgumentChecks.nonNegative("columns", columns);
        KernelArgumentChecks.nonNegative("depth", depth);
        return backend().gemmByRowsSkipsZeros(rows, columns, depth);
    }

    /**
     * Matrix-vector product {@code y = alpha·op(A)·x + beta·y} with {@code A} stored {@code rows × columns}.
     * Without transposition {@code x} has {@code columns} elements and {@code y} has {@code rows}; with
     * transposition {@code x} has {@code rows} and {@code y} has {@code columns}. Vectors are contiguous.
     *
     * <p><b>Modifies</b> only the elements of {@code y}; {@code a} and {@code x} are read only.
     * <b>Aliasing:</b> {@code y} must not overlap {@code a} or {@code x} (checked); {@code a} and {@code x} may
     * overlap.
     *
     * @param transposeA whether to multiply by {@code A} or by {@code Aᵀ}; not null
     * @param rows stored rows of {@code A}, at least 0
     * @param columns stored columns of {@code A}, at least 0
     * @param alpha scale of the product; when 0, {@code a} and {@code x} are not read
     * @param a stored {@code A}; not null
     * @param aOffset index of the first element of {@code A} in {@code a}, in [0, a.length]
     * @param aRowStride elements between consecutive stored rows of {@code A}, at least max(1, columns)
     * @param x input vector; not null
     * @param xOffset index of the first element of the vector in {@code x}, in [0, x.length]
     * @param beta scale of the previous {@code y}; when 0, {@code y} is overwritten without being read
     * @param y output vector, also input unless {@code beta == 0}; not null
     * @param yOffset index of the first element of the vector in {@code y}, in [0, y.length]
     * @throws NullPointerException if an array or {@code transposeA} is null
     * @throws IllegalArgumentException if a dimension is negative, an offset or row stride is out of range, an array
     *     is too short, or {@code y} overlaps {@code a} or {@code x}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static void gemv(Transpose transposeA, int rows, int columns, float alpha, float[] a, int aOffset,
            int aRowStride, float[] x, int xOffset, float beta, float[] y, int yOffset) {
        KernelArgumentChecks.notNull("transposeA", transposeA);
        KernelArgumentChecks.nonNegative("rows", rows);
        KernelArgumentChecks.nonNegative("columns", columns);
        boolean transposed = transposeA.isTransposed();
        int xLength = transposed ? rows : columns;
        int yLength = transposed ? columns : rows;
        KernelArgumentChecks.matrix("a", a, aOffset, aRowStride, rows, columns, "rows × columns");
        KernelArgumentChecks.vector("x", x, xOffset, xLength,
                transposed ? "rows, transposeA = YES" : "columns, transposeA = NO");
        KernelArgumentChecks.vector("y", y, yOffset, yLength,
                transposed ? "columns, transposeA = YES" : "rows, transposeA = NO");
        KernelArgumentChecks.noOverlap("y", y, yOffset, yLength,
                "a", a, aOffset, KernelArgumentChecks.footprint(aRowStride, rows, columns));
        KernelArgumentChecks.noOverlap("y", y, yOffset, yLength, "x", x, xOffset, xLength);
        if (yLength == 0) {
            return;
        }
        backend().gemv(transposeA, rows, columns, alpha, a, aOffset, aRowStride, x, xOffset, beta, y, yOffset);
    }

    /**
     * Matrix-vector product {@code y = alpha·op(A)·x + beta·y} on dense arrays: {@code A} ({@code rows × columns})
     * starts at index 0 with row stride {@code columns}, and both vectors start at index 0. Otherwise identical to
     * {@link #gemv(Transpose, int, int, float, float[], int, int, float[], int, float, float[], int)}, including
     * what is modified and the aliasing rule.
     *
     * @param transposeA whether to multiply by {@code A} or by {@code Aᵀ}; not null
     * @param rows stored rows of {@code A}, at least 0
     * @param columns stored columns of {@code A}, at least 0
     * @param alpha scale of the product
     * @param a stored {@code A}; read only
     * @param x input vector ({@code columns} elements, or {@code rows} when transposed); read only
     * @param beta scale of the previous {@code y}; when 0, {@code y} is not read
     * @param y output vector ({@code rows} elements, or {@code columns} when transposed); must not overlap
     *     {@code a} or {@code x}
     * @throws NullPointerException if an array or {@code transposeA} is null
     * @throws IllegalArgumentException if a dimension is negative, an array is too short or {@code y} overlaps
     *     {@code a} or {@code x}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static void gemv(Transpose transposeA, int rows, int columns, float alpha, float[] a, float[] x,
            float beta, float[] y) {
        gemv(transposeA, rows, columns, alpha, a, 0, Math.max(1, columns), x, 0, beta, y, 0);
    }

    /**
     * Rank-1 (outer-product) update {@code A = A + alpha·x·yᵀ} of {@code A} stored {@code rows × columns}, with
     * {@code x} of {@code rows} elements and {@code y} of {@code columns} elements, both contiguous.
     *
     * <p><b>Modifies</b> only the {@code rows × columns} elements of {@code a}; {@code x} and {@code y} are read
     * only. <b>Aliasing:</b> {@code a} must not overlap {@code x} or {@code y} (checked); {@code x} and {@code y}
     * may overlap. When {@code alpha == 0} nothing is read or written.
     *
     * @param rows rows of {@code A} and elements of {@code x}, at least 0
     * @param columns columns of {@code A} and elements of {@code y}, at least 0
     * @param alpha scale of the outer product
     * @param x column vector; not null
     * @param xOffset index of the first element of the vector in {@code x}, in [0, x.length]
     * @param y row vector; not null
     * @param yOffset index of the first element of the vector in {@code y}, in [0, y.length]
     * @param a {@code A}, input and output; not null
     * @param aOffset index of the first element of {@code A} in {@code a}, in [0, a.length]
     * @param aRowStride elements between consecutive rows of {@code A}, at least max(1, columns)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if a dimension is negative, an offset or row stride is out of range, an array
     *     is too short, or {@code a} overlaps {@code x} or {@code y}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static void ger(int rows, int columns, float alpha, float[] x, int xOffset, float[] y, int yOffset,
            float[] a, int aOffset, int aRowStride) {
        KernelArgumentChecks.nonNegative("rows", rows);
        KernelArgumentChecks.nonNegative("columns", columns);
        KernelArgumentChecks.vector("x", x, xOffset, rows, "rows");
        KernelArgumentChecks.vector("y", y, yOffset, columns, "columns");
        KernelArgumentChecks.matrix("a", a, aOffset, aRowStride, rows, columns, "rows × columns");
        long aFootprint = KernelArgumentChecks.footprint(aRowStride, rows, columns);
        KernelArgumentChecks.noOverlap("a", a, aOffset, aFootprint, "x", x, xOffset, rows);
        KernelArgumentChecks.noOverlap("a", a, aOffset, aFootprint, "y", y, yOffset, columns);
        if (rows == 0 || columns == 0 || alpha == 0f) {
            return;
        }
        backend().ger(rows, columns, alpha, x, xOffset, y, yOffset, a, aOffset, aRowStride);
    }

    /**
     * Rank-1 (outer-product) update {@code A = A + alpha·x·yᵀ} on dense arrays: {@code A} ({@code rows × columns})
     * starts at index 0 with row stride {@code columns}, and both vectors start at index 0. Otherwise identical to
     * {@link #ger(int, int, float, float[], int, float[], int, float[], int, int)}, including what is modified and
     * the aliasing rule.
     *
     * @param rows rows of {@code A} and elements of {@code x}, at least 0
     * @param columns columns of {@code A} and elements of {@code y}, at least 0
     * @param alpha scale of the outer product
     * @param x column vector; read only
     * @param y row vector; read only
     * @param a {@code A}, input and output; must not overlap {@code x} or {@code y}
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if a dimension is negative, an array is too short or {@code a} overlaps
     *     {@code x} or {@code y}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static void ger(int rows, int columns, float alpha, float[] x, float[] y, float[] a) {
        ger(rows, columns, alpha, x, 0, y, 0, a, 0, Math.max(1, columns));
    }

    // ----------------------------------------------------------------------------------------------------------
    // Backend and threads
    // ----------------------------------------------------------------------------------------------------------

    /**
     * Name of the backend in use, for run provenance: {@value #OPENBLAS} or {@value #JAVA}. Picks the backend if
     * no call has done so yet.
     *
     * @return the backend name
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static String backendName() {
        return backend().name();
    }

    /**
     * One-line description of the backend in use for run provenance: library version, tiling, thread count, and,
     * when the automatic choice fell back to Java, why OpenBLAS could not be loaded.
     *
     * @return the description, never {@code null}
     * @throws IllegalStateException if the backend requested by {@value #BACKEND_PROPERTY} is unavailable
     */
    public static String backendDescription() {
        KernelBackend current = backend();
        String reason = openBlasUnavailableReason;
        return current.name() + ": " + current.description()
                + (reason != null && current == JAVA_BACKEND ? "; OpenBLAS unavailable: " + reason : "");
    }

    /**
     * Selects the backend for calls that start after this method returns, overriding {@value #BACKEND_PROPERTY}.
     *
     * @param name {@value #OPENBLAS}, {@value #JAVA} or {@value #AUTO} (OpenBLAS if it loads, else Java), ignoring
     *     case and surrounding spaces; not null
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is not one of the names above
     * @throws IllegalStateException if {@value #OPENBLAS} is requested and its native library cannot be loaded
     */
    public static void setBackend(String name) {
        KernelArgumentChecks.notNull("name", name);
        synchronized (Kernels.class) {
            backend = create(name, "setBackend(\"" + name + "\")", false);
        }
    }

    /**
     * Whether the OpenBLAS backend can be used on this platform; tries to load its native library once.
     *
     * @return {@code true} if {@link #setBackend(String) setBackend("openblas")} would succeed
     */
    public static boolean isOpenBlasAvailable() {
        return OpenBlasHolder.BACKEND != null;
    }

    /**
     * Sets the number of threads that share the tiles of one product, the calling thread included. Results do not
     * depend on it. Products below a size threshold run on the calling thread alone. OpenBLAS itself always runs
     * single-threaded; its parallelism comes from these threads (see the class comment of the backend and
     * docs/adr/0001).
     *
     * @param threads thread count, in [1, {@value #MAX_THREADS}]; the default is the number of available processors
     * @throws IllegalArgumentException if {@code threads} is out of range
     */
    public static void setThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        ParallelTileRunner.setThreads(threads);
    }

    /**
     * Number of threads that share the tiles of one product, the calling thread included.
     *
     * @return the thread count, at least 1
     */
    public static int threads() {
        return ParallelTileRunner.threads();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Backend selection
    // ----------------------------------------------------------------------------------------------------------

    /** The backend in use; package-private for tests. */
    static KernelBackend backend() {
        KernelBackend current = backend;
        return current != null ? current : backendFromProperty();
    }

    private static synchronized KernelBackend backendFromProperty() {
        if (backend == null) {
            backend = create(System.getProperty(BACKEND_PROPERTY, AUTO),
                    "system property " + BACKEND_PROPERTY, true);
        }
        return backend;
    }

    /** Replaces the backend in use by any implementation; package-private for tests. */
    static void useBackend(KernelBackend replacement) {
        KernelArgumentChecks.notNull("replacement", replacement);
        synchronized (Kernels.class) {
            backend = replacement;
        }
    }

    /** The plain-Java backend; package-private for tests. */
    static KernelBackend javaBackend() {
        return JAVA_BACKEND;
    }

    /**
     * The OpenBLAS backend; package-private for tests.
     *
     * @throws IllegalStateException if its native library cannot be loaded
     */
    static KernelBackend openBlasBackend() {
        if (OpenBlasHolder.BACKEND == null) {
            throw new IllegalStateException("the OpenBLAS kernel backend is unavailable on " + platform() + ": "
                    + OpenBlasHolder.FAILURE, OpenBlasHolder.FAILURE);
        }
        return OpenBlasHolder.BACKEND;
    }

    private static KernelBackend create(String requested, String source, boolean fromProperty) {
        String name = requested.trim().toLowerCase(Locale.ROOT);
        KernelBackend chosen;
        if (!name.equals(JAVA) && OpenBlasHolder.FAILURE instanceof RuntimeException) {
            throw new IllegalStateException(OpenBlasHolder.FAILURE.getMessage(), OpenBlasHolder.FAILURE);
        }
        if (name.isEmpty() || name.equals(AUTO)) {
            if (OpenBlasHolder.BACKEND != null) {
                openBlasUnavailableReason = null;
                chosen = OpenBlasHolder.BACKEND;
            } else {
                openBlasUnavailableReason = String.valueOf(OpenBlasHolder.FAILURE);
                chosen = JAVA_BACKEND;
            }
        } else if (name.equals(OPENBLAS)) {
            if (OpenBlasHolder.BACKEND == null) {
                throw new IllegalStateException(source + " requests the " + OPENBLAS + " kernel backend, but its"
                        + " native library cannot be loaded on " + platform() + ": " + OpenBlasHolder.FAILURE,
                        OpenBlasHolder.FAILURE);
            }
            chosen = OpenBlasHolder.BACKEND;
        } else if (name.equals(JAVA)) {
            chosen = JAVA_BACKEND;
        } else {
            String message = source + " must name a kernel backend, one of [" + OPENBLAS + ", " + JAVA + ", " + AUTO
                    + "], got '" + requested + "'";
            throw fromProperty ? new IllegalStateException(message) : new IllegalArgumentException(message);
        }
        LOGGER.log(System.Logger.Level.DEBUG, () -> "xbarlab kernels backend (" + source + "): "
                + chosen.name() + ": " + chosen.description()
                + (chosen == JAVA_BACKEND && openBlasUnavailableReason != null
                        ? "; OpenBLAS unavailable: " + openBlasUnavailableReason : ""));
        return chosen;
    }

    private static String platform() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    /** Loads OpenBLAS at most once per JVM, on first use, and remembers why it failed. */
    private static final class OpenBlasHolder {
        static final KernelBackend BACKEND;
        static final Throwable FAILURE;

        static {
            KernelBackend loaded = null;
            Throwable failure = null;
            try {
                loaded = OpenBlasKernelBackend.load(JAVA_BACKEND);
            } catch (LinkageError | RuntimeException e) {
                // LinkageError: missing native library, unsupported platform, or the openblas jar not on the path.
                // IllegalStateException: a malformed tuning property, reported even in automatic mode (create()).
                failure = e;
            }
            BACKEND = loaded;
            FAILURE = failure;
        }
    }
}
