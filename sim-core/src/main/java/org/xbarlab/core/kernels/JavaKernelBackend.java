package org.xbarlab.core.kernels;

import java.util.Arrays;

/**
 * Plain-Java kernels: cache-blocked, vectorised by the JIT, and parallel over fixed tiles of the output.
 *
 * <p><b>Results.</b> In {@link #gemm gemm}, {@link #ger ger} and the transposed {@link #gemv gemv} every output
 * element is computed in the plain sequential order of the reference loop: {@code c = beta·c} (or {@code 0} when
 * {@code beta == 0}), then {@code c = c + (alpha·a[i][p])·b[p][j]} for {@code p = 0, 1, …, depth − 1}. Blocking
 * and tiling only change which thread computes an element and when, never the order of its operations, so results
 * are bit-identical for every thread count and equal to that reference loop. The non-transposed {@code gemv} sums
 * each row in eight interleaved partial sums combined in a fixed order (the JIT does not vectorise a single float
 * reduction), which is equally independent of the thread count.
 *
 * <p><b>Speed.</b> HotSpot C2 (JDK 17) vectorises {@code c[j] = c[j] + s0·x0[j] + s1·x1[j] + s2·x2[j] + s3·x3[j]}
 * only when every array is indexed with the same offset; four rows of one array at different offsets, or a row of
 * {@code C} at an offset other than that of {@code x}, make it fall back to scalar code (about 8 instead of about
 * 40 GFLOP/s per core, measured while writing this class). So each block of {@code op(B)} is packed into one array
 * per row, all starting at index 0, and each row of {@code C} is updated in a row buffer that also starts at 0.
 * The packing also lets the transposed and the non-transposed {@code B} share one inner loop. The transposed
 * {@code gemv} and {@code ger} are the products {@code xᵀ·A} and {@code x·yᵀ} and reuse the same code.
 */
final class JavaKernelBackend implements KernelBackend {

    /** Name accepted by {@link Kernels#setBackend(String)}. */
    static final String NAME = "java";

    /**
     * Rows of C per parallel tile. The packed block of B is reused for all rows of a tile, so packing costs about
     * {@code 1 / TILE_ROWS} of the arithmetic. Measured in {@code KernelsBenchmark.gemm} (backend java).
     */
    static final int TILE_ROWS = 64;

    /**
     * Columns of C per parallel tile. The row buffer (2 KiB) stays in L1 while the packed block of B
     * ({@link #DEPTH_BLOCK} × {@code TILE_COLUMNS} floats, 256 KiB) stays in L2. Measured in
     * {@code KernelsBenchmark.gemm} (backend java).
     */
    static final int TILE_COLUMNS = 512;

    /**
     * Depth (k) per packed block of B. Of 64, 96, 128, 192 and 256 tried with 512 columns, 128 was fastest.
     * Measured in {@code KernelsBenchmark.gemm} (backend java).
     */
    static final int DEPTH_BLOCK = 128;

    /** Rows of B combined per pass over a row of C; see the class comment. */
    private static final int UNROLL = 4;

    /**
     * Smallest product, in multiply-adds ({@code rows·columns·depth}), whose tiles are handed to helper threads;
     * below it, waking a helper costs more than it saves. In {@code KernelsThresholdBenchmark.javaGemm} two threads
     * are 1.7 times faster from 128×128×128 (2 Mi multiply-adds) and on 1×784×2000, while the smaller cubes
     * measured there fit in one tile; 2^17 (a 50×50×50 product) lies between (docs/adr/0001).
     */
    static final long PARALLEL_MIN_MULTIPLY_ADDS = 1L << 17;

    /** Rows per parallel tile of the non-transposed {@code gemv}. */
    static final int VECTOR_TILE_ROWS = 128;

    /**
     * Smallest matrix, in elements ({@code rows·columns}), for which the non-transposed {@code gemv} hands tiles to
     * helper threads. In {@code KernelsVectorBenchmark.javaGemv} two threads save 10 % at 256×256 (this threshold,
     * two tiles) and half the time at 2000×2000 (docs/adr/0001).
     */
    static final long VECTOR_PARALLEL_MIN_ELEMENTS = 1L << 16;

    /** Per-thread scratch: the packed block of B and the row buffer. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "plain Java, " + TILE_ROWS + "x" + TILE_COLUMNS + " output tiles on " + ParallelTileRunner.threads()
                + " thread(s), results independent of the thread count";
    }

    @Override
    public void gemm(Transpose transposeA, Transpose transposeB, int rows, int columns, int depth, float alpha,
            float[] a, int aOffset, int aRowStride, float[] b, int bOffset, int bRowStride,
            float beta, float[] c, int cOffset, int cRowStride) {
        if (rows == 0 || columns == 0) {
            return;
        }
        boolean transposedA = transposeA.isTransposed();
        boolean transposedB = transposeB.isTransposed();
        onOutputTiles(rows, columns, depth, (firstRow, endRow, firstColumn, endColumn) ->
                gemmTile(transposedA, transposedB, depth, alpha, a, aOffset, aRowStride, b, bOffset, bRowStride,
                        beta, c, cOffset, cRowStride, firstRow, endRow, firstColumn, endColumn));
    }

    /** Computes one output tile: rows {@code [firstRow, endRow)}, columns {@code [firstColumn, endColumn)}. */
    @FunctionalInterface
    private interface OutputTile {
        void compute(int firstRow, int endRow, int firstColumn, int endColumn);
    }

    /**
     * Runs {@code tile} on the fixed grid of {@link #TILE_ROWS} × {@link #TILE_COLUMNS} output tiles, in parallel when
     * the product has at least {@link #PARALLEL_MIN_MULTIPLY_ADDS} multiply-adds.
     */
    private static void onOutputTiles(int rows, int columns, int depth, OutputTile tile) {
        int columnTiles = ceilDiv(columns, TILE_COLUMNS);
        int tileCount = ceilDiv(rows, TILE_ROWS) * columnTiles;
        boolean parallel = (long) rows * columns * Math.max(depth, 1) >= PARALLEL_MIN_MULTIPLY_ADDS;
        ParallelTileRunner.run(tileCount, parallel, index -> {
            int firstRow = index / columnTiles * TILE_ROWS;
            int firstColumn = index % columnTiles * TILE_COLUMNS;
            tile.compute(firstRow, Math.min(rows, firstRow + TILE_ROWS), firstColumn,
                    Math.min(columns, firstColumn + TILE_COLUMNS));
        });
    }

    /**
     * Computes rows {@code [firstRow, endRow)} and columns {@code [firstColumn, endColumn)} of C, over the whole
     * depth.
     */
    static void gemmTile(boolean transposedA, boolean transposedB, int depth, float alpha,
            float[] a, int aOffset, int aRowStride, float[] b, int bOffset, int bRowStride,
            float beta, float[] c, int cOffset, int cRowStride,
            int firstRow, int endRow, int firstColumn, int endColumn) {
        int width = endColumn - firstColumn;
        for (int i = firstRow; i < endRow; i++) {
            scale(c, cOffset + i * cRowStride + firstColumn, width, beta);
        }
        if (alpha == 0f || depth == 0) {
            return;
        }
        Scratch scratch = SCRATCH.get();
        float[][] packed = scratch.packedRows;
        float[] row = scratch.row;
        // Stepping through A along p: next element of the row (as stored) or of the column (transposed).
        int aStepAlongDepth = transposedA ? aRowStride : 1;
        int aStepAlongRows = transposedA ? 1 : aRowStride;
        for (int blockStart = 0; blockStart < depth; blockStart += DEPTH_BLOCK) {
            int blockDepth = Math.min(DEPTH_BLOCK, depth - blockStart);
            packB(transposedB, b, bOffset, bRowStride, blockStart, blockDepth, firstColumn, width, packed);
            int unrolledDepth = blockDepth - blockDepth % UNROLL;
            for (int i = firstRow; i < endRow; i++) {
                int cStart = cOffset + i * cRowStride + firstColumn;
                int aIndex = aOffset + i * aStepAlongRows + blockStart * aStepAlongDepth;
                System.arraycopy(c, cStart, row, 0, width);
                for (int r = 0; r < unrolledDepth; r += UNROLL) {
                    float s0 = alpha * a[aIndex];
                    float s1 = alpha * a[aIndex + aStepAlongDepth];
                    float s2 = alpha * a[aIndex + 2 * aStepAlongDepth];
                    float s3 = alpha * a[aIndex + 3 * aStepAlongDepth];
                    aIndex += UNROLL * aStepAlongDepth;
                    addFourScaledRows(row, 0, width, s0, s1, s2, s3, packed[r], packed[r + 1], packed[r + 2],
                            packed[r + 3]);
                }
                for (int r = unrolledDepth; r < blockDepth; r++) {
                    addScaledRow(row, 0, width, alpha * a[aIndex], packed[r]);
                    aIndex += aStepAlongDepth;
                }
                System.arraycopy(row, 0, c, cStart, width);
            }
        }
    }

    @Override
    public boolean gemmByRowsSkipsZeros(int rows, int columns, int depth) {
        return true;
    }

    @Override
    public void gemmByRows(int rows, int columns, int depth, float[] a, int aOffset, int aRowStride, float[][] bRows,
            float[] c, int cOffset, int cRowStride) {
        if (rows == 0 || columns == 0) {
            return;
        }
        onOutputTiles(rows, columns, depth, (firstRow, endRow, firstColumn, endColumn) ->
                gemmByRowsTile(depth, a, aOffset, aRowStride, bRows, c, cOffset, cRowStride, firstRow, endRow,
                        firstColumn, endColumn));
    }

    /**
     * Rows {@code [firstRow, endRow)} and columns {@code [firstColumn, endColumn)} of {@code C = A·B}, B given by
     * rows. For each block of {@link #DEPTH_BLOCK} rows of B (which stays in cache for all rows of the tile) and
     * each row of C, the non-zero elements of A's row in the block are listed and their rows of B added four at a
     * time, in ascending order: the order of the reference loop with the zero terms left out. The accumulators are
     * indexed like B's rows (from {@code firstColumn}), which keeps the inner loop vectorised (class comment).
     */
    static void gemmByRowsTile(int depth, float[] a, int aOffset, int aRowStride, float[][] bRows, float[] c,
            int cOffset, int cRowStride, int firstRow, int endRow, int firstColumn, int endColumn) {
        int width = endColumn - firstColumn;
        Scratch scratch = SCRATCH.get();
        float[][] accumulators = scratch.accumulators(endRow - firstRow, endColumn);
        for (int i = firstRow; i < endRow; i++) {
            Arrays.fill(accumulators[i - firstRow], firstColumn, endColumn, 0f);
        }
        int[] listed = scratch.listed;
        float[] values = scratch.values;
        for (int blockStart = 0; blockStart < depth; blockStart += DEPTH_BLOCK) {
            int blockEnd = Math.min(depth, blockStart + DEPTH_BLOCK);
            for (int i = firstRow; i < endRow; i++) {
                int aRow = aOffset + i * aRowStride;
                int count = 0;
                for (int p = blockStart; p < blockEnd; p++) {
                    // Without a branch: zeros come in no pattern a branch predictor could learn (5.5 against
                    // 1 ns per element with half of them zero, measured while writing this).
                    float s = a[aRow + p];
                    listed[count] = p;
                    values[count] = s;
                    count += nonZero(s);
                }
                float[] row = accumulators[i - firstRow];
                int q = 0;
                for (; q + UNROLL <= count; q += UNROLL) {
                    addFourScaledRows(row, firstColumn, endColumn, values[q], values[q + 1], values[q + 2],
                            values[q + 3], bRows[listed[q]], bRows[listed[q + 1]], bRows[listed[q + 2]],
                            bRows[listed[q + 3]]);
                }
                for (; q < count; q++) {
                    addScaledRow(row, firstColumn, endColumn, values[q], bRows[listed[q]]);
                }
            }
        }
        for (int i = firstRow; i < endRow; i++) {
            System.arraycopy(accumulators[i - firstRow], firstColumn, c, cOffset + i * cRowStride + firstColumn,
                    width);
        }
    }

    /** 1 if {@code v} is not ±0 (NaN included), else 0, without a branch. */
    static int nonZero(float v) {
        int magnitude = Float.floatToRawIntBits(v) & 0x7fffffff;
        return (magnitude | -magnitude) >>> 31;
    }

    /**
     * Packs rows {@code [blockStart, blockStart + blockDepth)} and columns {@code [firstColumn, firstColumn + width)}
     * of {@code op(B)}: row {@code r} of the block goes to {@code packed[r]}, starting at index 0.
     */
    private static void packB(boolean transposedB, float[] b, int bOffset, int bRowStride, int blockStart,
            int blockDepth, int firstColumn, int width, float[][] packed) {
        if (!transposedB) {
            for (int r = 0; r < blockDepth; r++) {
                System.arraycopy(b, bOffset + (blockStart + r) * bRowStride + firstColumn, packed[r], 0, width);
            }
            return;
        }
        // op(B)[p][j] = B[j][p]: read each stored row of B along p, scatter into the packed rows.
        for (int jj = 0; jj < width; jj++) {
            int source = bOffset + (firstColumn + jj) * bRowStride + blockStart;
            for (int r = 0; r < blockDepth; r++) {
                packed[r][jj] = b[source + r];
            }
        }
    }

    /**
     * {@code row[j] = row[j] + s0·x0[j] + s1·x1[j] + s2·x2[j] + s3·x3[j]} for {@code start ≤ j < end}, evaluated left to
     * right, which is the sequential order of four single updates.
     */
    private static void addFourScaledRows(float[] row, int start, int end, float s0, float s1, float s2, float s3,
            float[] x0, float[] x1, float[] x2, float[] x3) {
        for (int j = start; j < end; j++) {
            row[j] = row[j] + s0 * x0[j] + s1 * x1[j] + s2 * x2[j] + s3 * x3[j];
        }
    }

    /** {@code row[j] = row[j] + s·x[j]} for {@code start ≤ j < end}. */
    private static void addScaledRow(float[] row, int start, int end, float s, float[] x) {
        for (int j = start; j < end; j++) {
            row[j] = row[j] + s * x[j];
        }
    }

    /** {@code v = beta·v} over {@code [start, start + length)}, writing zeros without reading when beta is 0. */
    private static void scale(float[] v, int start, int length, float beta) {
        if (beta == 0f) {
            Arrays.fill(v, start, start + length, 0f);
        } else if (beta != 1f) {
            for (int j = start; j < start + length; j++) {
                v[j] *= beta;
            }
        }
    }

    @Override
    public void gemv(Transpose transposeA, int rows, int columns, float alpha, float[] a, int aOffset,
            int aRowStride, float[] x, int xOffset, float beta, float[] y, int yOffset) {
        if (!transposeA.isTransposed()) {
            // y[i] = beta·y[i] + alpha·(row i of A)·x, one row per output element.
            boolean parallel = (long) rows * columns >= VECTOR_PARALLEL_MIN_ELEMENTS;
            ParallelTileRunner.run(ceilDiv(rows, VECTOR_TILE_ROWS), parallel, tile -> {
                int end = Math.min(rows, (tile + 1) * VECTOR_TILE_ROWS);
                for (int i = tile * VECTOR_TILE_ROWS; i < end; i++) {
                    float scaled = beta == 0f ? 0f : beta * y[yOffset + i];
                    y[yOffset + i] = alpha == 0f || columns == 0 ? scaled
                            : scaled + alpha * dot(a, aOffset + i * aRowStride, x, xOffset, columns);
                }
            });
            return;
        }
        // y = beta·y + alpha·xᵀ·A: a one-row product, y[j] = beta·y[j] + Σ_i (alpha·x[i])·A[i][j] in order of i.
        gemm(Transpose.NO, Transpose.NO, 1, columns, rows, alpha, x, xOffset, Math.max(1, rows),
                a, aOffset, aRowStride, beta, y, yOffset, Math.max(1, columns));
    }

    /**
     * Dot product with eight interleaved partial sums combined pairwise in a fixed order, then the tail in sequence.
     */
    static float dot(float[] a, int aStart, float[] x, int xStart, int length) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int j = 0;
        for (; j + 8 <= length; j += 8) {
            int p = aStart + j;
            int q = xStart + j;
            s0 += a[p] * x[q];
            s1 += a[p + 1] * x[q + 1];
            s2 += a[p + 2] * x[q + 2];
            s3 += a[p + 3] * x[q + 3];
            s4 += a[p + 4] * x[q + 4];
            s5 += a[p + 5] * x[q + 5];
            s6 += a[p + 6] * x[q + 6];
            s7 += a[p + 7] * x[q + 7];
        }
        float sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; j < length; j++) {
            sum += a[aStart + j] * x[xStart + j];
        }
        return sum;
    }

    @Override
    public void ger(int rows, int columns, float alpha, float[] x, int xOffset, float[] y, int yOffset,
            float[] a, int aOffset, int aRowStride) {
        // A = 1·A + alpha·x·yᵀ: a product of depth 1, a[i][j] = a[i][j] + (alpha·x[i])·y[j].
        gemm(Transpose.NO, Transpose.NO, rows, columns, 1, alpha, x, xOffset, 1, y, yOffset, Math.max(1, columns),
                1f, a, aOffset, aRowStride);
    }

    /** Per-thread scratch of {@link #gemmTile}. */
    private static final class Scratch {
        final float[][] packedRows = new float[DEPTH_BLOCK][TILE_COLUMNS];
        final float[] row = new float[TILE_COLUMNS];
        /** Indices and values of the non-zero elements of one row of A in one depth block ({@link #gemmByRows}). */
        final int[] listed = new int[DEPTH_BLOCK];
        final float[] values = new float[DEPTH_BLOCK];
        /** One accumulator row per row of a tile of {@link #gemmByRows}, grown to the widest column end seen. */
        private float[][] accumulators = new float[0][0];

        float[][] accumulators(int count, int length) {
            if (accumulators.length < count || accumulators.length > 0 && accumulators[0].length < length) {
                int rows = Math.max(count, accumulators.length);
                int width = Math.max(length, accumulators.length > 0 ? accumulators[0].length : 0);
                accumulators = new float[rows][width];
            }
            return accumulators;
        }
    }

    /** {@code ⌈value / divisor⌉} for {@code value ≥ 0}, without overflow near {@code Integer.MAX_VALUE}. */
    static int ceilDiv(int value, int divisor) {
        return value == 0 ? 0 : (value - 1) / divisor + 1;
    }
}
