package org.xbarlab.core.kernels;

import java.io.IOException;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * OpenBLAS {@code cblas_sgemm} and {@code cblas_sgemv} through JavaCPP ({@code org.bytedeco:openblas}, whose
 * platform jar bundles the native library).
 *
 * <p><b>Copies.</b> Native code cannot read a Java {@code float[]} in place, and JavaCPP's {@code float[]}
 * overloads copy all three arrays in and out on every call. This backend instead copies {@code A} and {@code B}
 * once per call into reusable native memory of the calling thread (in parallel chunks), and each output tile of
 * {@code C} through a small per-thread native buffer, so only {@code C} is copied back. With these copies and the
 * tiling below, the facade reached 83 to 92 % of a native sgemm on the benchmark shapes (docs/adr/0001).
 *
 * <p><b>Determinism.</b> Multi-threaded OpenBLAS sgemm is deterministic for a fixed thread count but gives
 * different bits for 1 and 2 threads (measured in docs/adr/0001: 7.9 % of the elements of a 256×784×2000 product
 * differ, by up to 2.5e-5 on elements up to 47 in magnitude; the transposed sgemv differs too). So OpenBLAS is always called single-threaded, on a fixed grid of
 * {@link #TILE_ROWS}×{@link #TILE_COLUMNS} output tiles that the kernel threads share out. The grid depends only on
 * the problem dimensions, so results are bit-identical for every thread count. They are not bit-identical to one
 * untiled OpenBLAS call, nor to the Java backend.
 *
 * <p>The non-transposed {@code gemv} (MVM) stages each band of {@link #GEMV_TILE_ROWS} rows of A in the native
 * memory of the thread that runs the band and calls single-threaded {@code cblas_sgemv}: even with that copy it is
 * about twice as fast as the Java loop, whose row sums the JIT does not vectorise. The transposed {@code gemv} and
 * {@code ger} run in {@link JavaKernelBackend}: the Java transposed product vectorises and beats a staged native call
 * on large matrices, and {@code ger} would have to copy A in and out. So do thin products (fewer than
 * {@link #DEFAULT_MIN_ROWS} rows or a depth below {@link #DEFAULT_MIN_DEPTH}), products with {@code alpha == 0} or
 * {@code depth == 0}, and gemv on matrices below {@link #GEMV_MIN_ELEMENTS} elements, for which the JNI call or the
 * copies cost more than they save. Measured in {@code KernelsThresholdBenchmark} and {@code KernelsVectorBenchmark}
 * (docs/adr/0001).
 *
 * <p>Loading this backend calls {@code openblas_set_num_threads(1)}, which is global to the process.
 */
final class OpenBlasKernelBackend implements KernelBackend {

    /** Name accepted by {@link Kernels#setBackend(String)}. */
    static final String NAME = "openblas";

    /**
     * Rows of C per single-threaded sgemm call. With {@link #TILE_COLUMNS} the fastest of the tile shapes tried for
     * docs/adr/0001 on both benchmark shapes.
     */
    static final int TILE_ROWS = 256;

    /** Columns of C per single-threaded sgemm call; see {@link #TILE_ROWS}. */
    static final int TILE_COLUMNS = 512;

    /**
     * System property overriding {@link #DEFAULT_MIN_ROWS} (an integer ≥ 0), for tuning on other machines and for
     * {@code KernelsThresholdBenchmark}, which sets it to 0 to time OpenBLAS on every shape.
     */
    static final String MIN_ROWS_PROPERTY = "xbarlab.kernels.openblas.minRows";

    /** System property overriding {@link #DEFAULT_MIN_DEPTH}; see {@link #MIN_ROWS_PROPERTY}. */
    static final String MIN_DEPTH_PROPERTY = "xbarlab.kernels.openblas.minDepth";

    /**
     * Products with fewer rows run in Java. With few rows each element of B that is copied to native memory (and
     * packed again by OpenBLAS) serves few operations: in {@code KernelsThresholdBenchmark} a 1×784×2000 product
     * takes 4.6 times longer through OpenBLAS than in Java, 16 rows break even and from 32 rows on OpenBLAS is
     * faster (docs/adr/0001). Few columns do not hurt OpenBLAS the same way (a 2000×784×16 product is 3.6 times
     * faster there), so there is no column threshold.
     */
    static final int DEFAULT_MIN_ROWS = 32;

    /**
     * Products with a smaller depth run in Java: each element of C that is copied out serves only
     * {@code 2·depth} operations. In {@code KernelsThresholdBenchmark} depth 8 is faster in Java and depth 32 in
     * OpenBLAS (docs/adr/0001).
     */
    static final int DEFAULT_MIN_DEPTH = 16;

    /** Floats per copy task when staging A and B into native memory. */
    private static final int COPY_CHUNK_FLOATS = 1 << 16;

    /** Staged A plus B, in floats, from which the copy is split over the kernel threads. */
    private static final long COPY_PARALLEL_MIN_FLOATS = 1L << 18;

    /** Largest staged matrix; a direct {@link FloatBuffer} view is limited to {@code Integer.MAX_VALUE} bytes. */
    private static final long MAX_STAGED_FLOATS = Integer.MAX_VALUE / Float.BYTES;

    /**
     * Rows of A per single-threaded {@code sgemv} call of the non-transposed gemv. A band is staged and multiplied
     * by the thread that runs it, so the copies run in parallel too.
     */
    static final int GEMV_TILE_ROWS = 256;

    /**
     * Non-transposed gemv on a smaller matrix (rows·columns) runs in Java. In {@code KernelsVectorBenchmark} the
     * staged native call is already faster than Java at 32×32, the smallest size measured (docs/adr/0001).
     */
    static final long GEMV_MIN_ELEMENTS = 1L << 10;

    /**
     * Non-transposed gemv on a matrix with at least this many elements shares its bands among the kernel threads;
     * smaller ones have a single band anyway.
     */
    static final long GEMV_PARALLEL_MIN_ELEMENTS = 1L << 16;

    /** Staged A tile, x and y tile of gemv, per thread that runs tiles. */
    private static final ThreadLocal<NativeBuffer> GEMV_STAGING = ThreadLocal.withInitial(NativeBuffer::new);

    /** Staged copies of A and B, per calling thread, grown on demand and reused. */
    private static final ThreadLocal<NativeBuffer[]> STAGED_OPERANDS =
            ThreadLocal.withInitial(() -> new NativeBuffer[] {new NativeBuffer(), new NativeBuffer()});

    /** One output tile of C, per thread that runs tiles. */
    private static final ThreadLocal<NativeBuffer> TILE_OUTPUT = ThreadLocal.withInitial(() -> {
        NativeBuffer buffer = new NativeBuffer();
        buffer.ensureCapacity((long) TILE_ROWS * TILE_COLUMNS);
        return buffer;
    });

    private final JavaKernelBackend java;
    private final int minRows;
    private final int minDepth;
    private final String libraryVersion;

    private OpenBlasKernelBackend(JavaKernelBackend java, int minRows, int minDepth, String libraryVersion) {
        this.java = java;
        this.minRows = minRows;
        this.minDepth = minDepth;
        this.libraryVersion = libraryVersion;
    }

    /**
     * Loads the native library and pins OpenBLAS to one thread per call.
     *
     * @param java backend for the small and memory-bound operations
     * @return the backend
     * @throws LinkageError if the native library cannot be loaded on this platform
     * @throws IllegalStateException if {@link #MIN_ROWS_PROPERTY} or {@link #MIN_DEPTH_PROPERTY} is not an integer
     *     ≥ 0
     */
    static OpenBlasKernelBackend load(JavaKernelBackend java) {
        return load(java, nonNegativeIntegerProperty(MIN_ROWS_PROPERTY, DEFAULT_MIN_ROWS),
                nonNegativeIntegerProperty(MIN_DEPTH_PROPERTY, DEFAULT_MIN_DEPTH));
    }

    /**
     * Loads the native library and pins OpenBLAS to one thread per call; package-private so that tests can send
     * small products to OpenBLAS too.
     *
     * @param java backend for the small and memory-bound operations
     * @param minRows products with fewer rows run in Java; 0 sends every product to OpenBLAS
     * @param minDepth products with a smaller depth run in Java; 0 sends every product to OpenBLAS
     * @return the backend
     * @throws LinkageError if the native library cannot be loaded on this platform
     */
    static OpenBlasKernelBackend load(JavaKernelBackend java, int minRows, int minDepth) {
        Loader.load(openblas_nolapack.class);
        openblas_nolapack.blas_set_num_threads(1);
        return new OpenBlasKernelBackend(java, minRows, minDepth,
                openblas_nolapack.OPENBLAS_VERSION.trim() + " via JavaCPP " + javaCppVersion());
    }

    private static String javaCppVersion() {
        try {
            String version = Loader.getVersion();
            return version == null ? "(unknown version)" : version;
        } catch (IOException e) {
            return "(unknown version)";
        }
    }

    private static int nonNegativeIntegerProperty(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("system property " + name + " must be an integer in [0, " + Integer.MAX_VALUE
                + "], got '" + value + "'");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return libraryVersion + ", single-threaded calls on " + TILE_ROWS + "x" + TILE_COLUMNS + " output tiles on "
                + ParallelTileRunner.threads() + " thread(s), results independent of the thread count; products"
                + " with fewer than " + minRows + " rows or depth below " + minDepth + ", transposed or small gemv"
                + " and all ger in plain Java";
    }

    @Override
    public void gemm(Transpose transposeA, Transpose transposeB, int rows, int columns, int depth, float alpha,
            float[] a, int aOffset, int aRowStride, float[] b, int bOffset, int bRowStride,
            float beta, float[] c, int cOffset, int cRowStride) {
        boolean transposedA = transposeA.isTransposed();
        boolean transposedB = transposeB.isTransposed();
        int aRows = transposedA ? depth : rows;
        int aColumns = transposedA ? rows : depth;
        int bRows = transposedB ? columns : depth;
        int bColumns = transposedB ? depth : columns;
        if (alpha == 0f || depth == 0 || rows == 0 || columns == 0
                || rows < minRows || depth < minDepth
                || (long) aRows * aColumns > MAX_STAGED_FLOATS || (long) bRows * bColumns > MAX_STAGED_FLOATS) {
            java.gemm(transposeA, transposeB, rows, columns, depth, alpha, a, aOffset, aRowStride,
                    b, bOffset, bRowStride, beta, c, cOffset, cRowStride);
            return;
        }
        stageOperands(a, aOffset, aRowStride, aRows, aColumns, bRows, bColumns,
                (first, end, target) -> stage(b, bOffset, bRowStride, bColumns, first, end, target));
        multiplyStaged(transposedA, transposedB, rows, columns, depth, alpha, aColumns, bColumns, beta, c, cOffset,
                cRowStride);
    }

    @Override
    public boolean gemmByRowsSkipsZeros(int rows, int columns, int depth) {
        return depth == 0 || rows == 0 || columns == 0 || rows < minRows || depth < minDepth
                || (long) rows * depth > MAX_STAGED_FLOATS || (long) depth * columns > MAX_STAGED_FLOATS;
    }

    @Override
    public void gemmByRows(int rows, int columns, int depth, float[] a, int aOffset, int aRowStride, float[][] bRows,
            float[] c, int cOffset, int cRowStride) {
        if (gemmByRowsSkipsZeros(rows, columns, depth)) {
            java.gemmByRows(rows, columns, depth, a, aOffset, aRowStride, bRows, c, cOffset, cRowStride);
            return;
        }
        // The same staged operands as gemm(NO, NO, …) on B stored row-major, so the same bits.
        stageOperands(a, aOffset, aRowStride, rows, depth, depth, columns, (first, end, target) -> {
            for (int p = first; p < end; p++) {
                target.put(p * columns, bRows[p], 0, columns);
            }
        });
        multiplyStaged(false, false, rows, columns, depth, 1f, depth, columns, 0f, c, cOffset, cRowStride);
    }

    /** Copies stored rows {@code [first, end)} of B into the staged operand (row stride = stored columns). */
    @FunctionalInterface
    private interface RowStager {
        void stage(int first, int end, FloatBuffer target);
    }

    /**
     * Stages A and B compactly (row stride = stored columns) into this thread's native memory, in chunks of rows
     * that the kernel threads share when the operands are large.
     */
    private static void stageOperands(float[] a, int aOffset, int aRowStride, int aRows, int aColumns, int bRows,
            int bColumns, RowStager b) {
        NativeBuffer[] staged = STAGED_OPERANDS.get();
        NativeBuffer stagedA = staged[0];
        NativeBuffer stagedB = staged[1];
        stagedA.ensureCapacity((long) aRows * aColumns);
        stagedB.ensureCapacity((long) bRows * bColumns);
        int aChunkRows = Math.max(1, COPY_CHUNK_FLOATS / aColumns);
        int bChunkRows = Math.max(1, COPY_CHUNK_FLOATS / bColumns);
        int aChunks = JavaKernelBackend.ceilDiv(aRows, aChunkRows);
        int bChunks = JavaKernelBackend.ceilDiv(bRows, bChunkRows);
        boolean parallelCopy = (long) aRows * aColumns + (long) bRows * bColumns >= COPY_PARALLEL_MIN_FLOATS;
        ParallelTileRunner.run(aChunks + bChunks, parallelCopy, chunk -> {
            if (chunk < aChunks) {
                int first = chunk * aChunkRows;
                stage(a, aOffset, aRowStride, aColumns, first, Math.min(aRows, first + aChunkRows), stagedA.buffer);
            } else {
                int first = (chunk - aChunks) * bChunkRows;
                b.stage(first, Math.min(bRows, first + bChunkRows), stagedB.buffer);
            }
        });
    }

    /**
     * {@code C = alpha·op(A)·op(B) + beta·C} on the operands staged in this thread's native memory, as
     * single-threaded sgemm calls on the fixed grid of output tiles.
     */
    private static void multiplyStaged(boolean transposedA, boolean transposedB, int rows, int columns, int depth,
            float alpha, int aColumns, int bColumns, float beta, float[] c, int cOffset, int cRowStride) {
        NativeBuffer[] staged = STAGED_OPERANDS.get();
        NativeBuffer stagedA = staged[0];
        NativeBuffer stagedB = staged[1];
        int transA = transposedA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int transB = transposedB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int columnTiles = JavaKernelBackend.ceilDiv(columns, TILE_COLUMNS);
        int tileCount = JavaKernelBackend.ceilDiv(rows, TILE_ROWS) * columnTiles;
        ParallelTileRunner.run(tileCount, true, tile -> {
            int firstRow = tile / columnTiles * TILE_ROWS;
            int firstColumn = tile % columnTiles * TILE_COLUMNS;
            int tileRows = Math.min(TILE_ROWS, rows - firstRow);
            int tileColumns = Math.min(TILE_COLUMNS, columns - firstColumn);
            NativeBuffer output = TILE_OUTPUT.get();
            if (beta != 0f) {
                for (int i = 0; i < tileRows; i++) {
                    output.buffer.put(i * tileColumns, c, cOffset + (firstRow + i) * cRowStride + firstColumn,
                            tileColumns);
                }
            }
            // Row firstRow of op(A) starts at stored row firstRow, or at stored column firstRow when transposed.
            FloatPointer tileA = new FloatPointer(stagedA.pointer)
                    .position(transposedA ? firstRow : (long) firstRow * aColumns);
            FloatPointer tileB = new FloatPointer(stagedB.pointer)
                    .position(transposedB ? (long) firstColumn * bColumns : firstColumn);
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transA, transB,
                    tileRows, tileColumns, depth, alpha, tileA, aColumns, tileB, bColumns,
                    beta, output.pointer, tileColumns);
            for (int i = 0; i < tileRows; i++) {
                output.buffer.get(i * tileColumns, c, cOffset + (firstRow + i) * cRowStride + firstColumn,
                        tileColumns);
            }
        });
    }

    /** Copies stored rows {@code [firstRow, endRow)} of a matrix into {@code target} with row stride = columns. */
    private static void stage(float[] source, int offset, int rowStride, int columns, int firstRow, int endRow,
            FloatBuffer target) {
        if (rowStride == columns) {
            target.put(firstRow * columns, source, offset + firstRow * rowStride, (endRow - firstRow) * columns);
            return;
        }
        for (int row = firstRow; row < endRow; row++) {
            target.put(row * columns, source, offset + row * rowStride, columns);
        }
    }

    @Override
    public void gemv(Transpose transposeA, int rows, int columns, float alpha, float[] a, int aOffset,
            int aRowStride, float[] x, int xOffset, float beta, float[] y, int yOffset) {
        long elements = (long) rows * columns;
        if (transposeA.isTransposed() || alpha == 0f || elements < GEMV_MIN_ELEMENTS
                || (long) GEMV_TILE_ROWS * columns + columns + GEMV_TILE_ROWS > MAX_STAGED_FLOATS) {
            java.gemv(transposeA, rows, columns, alpha, a, aOffset, aRowStride, x, xOffset, beta, y, yOffset);
            return;
        }
        // Tile = a band of rows of A and the matching elements of y; every tile needs all of x.
        ParallelTileRunner.run(JavaKernelBackend.ceilDiv(rows, GEMV_TILE_ROWS), elements >= GEMV_PARALLEL_MIN_ELEMENTS,
                tile -> {
                    int first = tile * GEMV_TILE_ROWS;
                    gemvTile(Math.min(GEMV_TILE_ROWS, rows - first), columns, alpha, a, aOffset + first * aRowStride,
                            aRowStride, x, xOffset, beta, y, yOffset + first);
                });
    }

    /**
     * One single-threaded {@code cblas_sgemv} on a band of {@code tileRows} rows of A, staged with x and the band's
     * part of y in the native memory of the thread that runs the tile.
     */
    private static void gemvTile(int tileRows, int columns, float alpha, float[] a, int aStart, int aRowStride,
            float[] x, int xOffset, float beta, float[] y, int yStart) {
        int xIndex = tileRows * columns;
        int yIndex = xIndex + columns;
        NativeBuffer staging = GEMV_STAGING.get();
        staging.ensureCapacity((long) yIndex + tileRows);
        stage(a, aStart, aRowStride, columns, 0, tileRows, staging.buffer);
        staging.buffer.put(xIndex, x, xOffset, columns);
        if (beta != 0f) {
            staging.buffer.put(yIndex, y, yStart, tileRows);
        }
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, tileRows,
                columns, alpha, staging.pointer, columns, new FloatPointer(staging.pointer).position(xIndex), 1,
                beta, new FloatPointer(staging.pointer).position(yIndex), 1);
        staging.buffer.get(yIndex, y, yStart, tileRows);
    }

    @Override
    public void ger(int rows, int columns, float alpha, float[] x, int xOffset, float[] y, int yOffset,
            float[] a, int aOffset, int aRowStride) {
        java.ger(rows, columns, alpha, x, xOffset, y, yOffset, a, aOffset, aRowStride);
    }

    /** Native float memory with a direct-buffer view for fast copies from Java arrays; grows, never shrinks. */
    private static final class NativeBuffer {
        /** Growth granularity, so slowly growing problems do not reallocate on every call. */
        private static final long GRANULE_FLOATS = 1L << 16;

        FloatPointer pointer;
        FloatBuffer buffer;
        private long capacity;

        void ensureCapacity(long floats) {
            if (floats <= capacity) {
                return;
            }
            long rounded = Math.min(MAX_STAGED_FLOATS, (floats + GRANULE_FLOATS - 1) / GRANULE_FLOATS * GRANULE_FLOATS);
            if (pointer != null) {
                pointer.close();
            }
            pointer = new FloatPointer(rounded);
            buffer = pointer.asBuffer();
            capacity = rounded;
        }
    }
}
