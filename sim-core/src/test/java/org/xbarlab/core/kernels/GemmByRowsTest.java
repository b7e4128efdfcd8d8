package org.xbarlab.core.kernels;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Kernels#gemmByRows}, the product whose cost follows the non-zero elements of A, against two references:
 * the plain sequential loop (bit for bit, in the plain-Java kernel) and {@link Kernels#gemm} on the same B stored
 * row-major (bit for bit, with every backend, including OpenBLAS on every shape). The operands are sparse in the
 * ways the simulations make them: whole zero rows and columns of A and scattered zeros at several densities.
 */
@ExtendWith(RestoreKernelSettings.class)
class GemmByRowsTest extends XbarlabTestBase {

    /** A case: A (rows × depth, with a row stride and offset), B by rows and the same B stored row-major. */
    private static final class Case {
        final int rows;
        final int columns;
        final int depth;
        final int aOffset;
        final int aRowStride;
        final float[] a;
        final float[][] bRows;
        final float[] b;

        Case(SplittableRandom random, int rows, int columns, int depth, double density) {
            this.rows = rows;
            this.columns = columns;
            this.depth = depth;
            this.aOffset = random.nextInt(3);
            this.aRowStride = Math.max(1, depth) + random.nextInt(3);
            this.a = new float[aOffset + rows * aRowStride + 2];
            boolean[] zeroColumn = new boolean[depth];
            for (int p = 0; p < depth; p++) {
                zeroColumn[p] = random.nextDouble() < 0.1;
            }
            for (int i = 0; i < rows; i++) {
                boolean zeroRow = random.nextDouble() < 0.1;
                for (int p = 0; p < depth; p++) {
                    boolean nonZero = !zeroRow && !zeroColumn[p] && random.nextDouble() < density;
                    a[aOffset + i * aRowStride + p] = nonZero ? (float) random.nextGaussian() : 0f;
                }
            }
            // Rows of B longer than needed: only the first `columns` elements may be read.
            this.bRows = new float[depth][columns + random.nextInt(3)];
            this.b = new float[depth * columns];
            for (int p = 0; p < depth; p++) {
                for (int j = 0; j < bRows[p].length; j++) {
                    bRows[p][j] = (float) random.nextGaussian();
                }
                System.arraycopy(bRows[p], 0, b, p * columns, columns);
            }
        }

        float[] byRows(int cRowStride) {
            float[] c = new float[rows * cRowStride + 1];
            Arrays.fill(c, KernelReference.SENTINEL);
            Kernels.gemmByRows(rows, columns, depth, a, aOffset, aRowStride, bRows, c, 0, cRowStride);
            return c;
        }

        float[] gemm(int cRowStride) {
            float[] c = new float[rows * cRowStride + 1];
            Arrays.fill(c, KernelReference.SENTINEL);
            Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, depth, 1f, a, aOffset, aRowStride, b, 0,
                    Math.max(1, columns), 0f, c, 0, cRowStride);
            return c;
        }

        @Override
        public String toString() {
            return rows + "×" + columns + "×" + depth;
        }
    }

    private static void assertSameBits(String label, float[] expected, float[] actual) {
        for (int k = 0; k < expected.length; k++) {
            int index = k;
            assertEquals(Float.floatToIntBits(expected[k]), Float.floatToIntBits(actual[k]),
                    () -> label + " element " + index + ": expected " + expected[index] + ", got " + actual[index]);
        }
    }

    @Test
    void plainJavaEqualsTheSequentialLoopBitForBit() {
        Kernels.useBackend(Kernels.javaBackend());
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        // 263 = two depth blocks of 128 plus 7; 1030 columns = three column tiles; 130 rows = three row tiles.
        int[][] shapes = {{1, 1, 1}, {16, 256, 256}, {3, 1030, 263}, {130, 17, 129}};
        for (int[] shape : shapes) {
            for (double density : new double[] {0.0, 0.15, 0.5, 1.0}) {
                Case sparse = new Case(random, shape[0], shape[1], shape[2], density);
                int cRowStride = sparse.columns + 1;
                float[] c = sparse.byRows(cRowStride);
                for (int i = 0; i < sparse.rows; i++) {
                    for (int j = 0; j < sparse.columns; j++) {
                        float expected = 0f;
                        for (int p = 0; p < sparse.depth; p++) {
                            expected = expected + sparse.a[sparse.aOffset + i * sparse.aRowStride + p]
                                    * sparse.bRows[p][j];
                        }
                        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(c[i * cRowStride + j]),
                                sparse + " density " + density + " element " + i + ", " + j);
                    }
                    assertEquals(KernelReference.SENTINEL, c[i * cRowStride + sparse.columns],
                            "the padding after row " + i + " was written");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas", "openblas-always"})
    void equalsGemmOnTheSameMatrixBitForBit(String backend) {
        KernelsMatchesReferenceTest.useBackendNamed(backend);
        SplittableRandom random = new SplittableRandom(TEST_SEED + 1);
        int[][] shapes = {{16, 256, 256}, {16, 2000, 784}, {32, 256, 256}, {64, 129, 65}, {300, 520, 40}, {2, 3, 0}};
        for (int[] shape : shapes) {
            Case sparse = new Case(random, shape[0], shape[1], shape[2], 0.3);
            assertSameBits(backend + " " + sparse, sparse.gemm(sparse.columns), sparse.byRows(sparse.columns));
        }
    }

    @Property(tries = 120)
    void equalsGemmForRandomShapesAndDensities(@ForAll @IntRange(max = 80) int rows,
            @ForAll @IntRange(max = 600) int columns, @ForAll @IntRange(max = 300) int depth,
            @ForAll @DoubleRange(max = 1.0) double density, @ForAll long seed) {
        Case sparse = new Case(new SplittableRandom(seed), rows, columns, depth, density);
        assertSameBits(Kernels.backendName() + " " + sparse + " density " + density + " seed " + seed,
                sparse.gemm(Math.max(1, columns)), sparse.byRows(Math.max(1, columns)));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Kernels.useBackend(Kernels.javaBackend());
        int previousThreads = Kernels.threads();
        try {
            Case sparse = new Case(new SplittableRandom(TEST_SEED + 2), 70, 1100, 300, 0.4);
            Kernels.setThreads(1);
            float[] one = sparse.byRows(sparse.columns);
            Kernels.setThreads(2);
            assertSameBits("1 against 2 threads", one, sparse.byRows(sparse.columns));
        } finally {
            Kernels.setThreads(previousThreads);
        }
    }

    @Test
    void plainJavaSkipsZerosAndOpenBlasOnlyBelowItsThresholds() {
        Kernels.useBackend(Kernels.javaBackend());
        assertTrue(Kernels.gemmByRowsSkipsZeros(1000, 1000, 1000));
        if (Kernels.isOpenBlasAvailable()) {
            Kernels.useBackend(Kernels.openBlasBackend());
            assertTrue(Kernels.gemmByRowsSkipsZeros(16, 256, 256), "a training batch of 16 runs in Java");
            assertFalse(Kernels.gemmByRowsSkipsZeros(256, 256, 256), "256 rows run in OpenBLAS");
        }
    }

    @Test
    void badArgumentsAreNamed() {
        float[] a = new float[6];
        float[][] bRows = {new float[4], new float[4], new float[4]};
        float[] c = new float[8];
        IllegalArgumentException tooFewRows = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmByRows(2, 4, 3, a, 0, 3, new float[][] {new float[4]}, c, 0, 4));
        assertTrue(tooFewRows.getMessage().contains("bRows must hold depth = 3 rows, has 1"),
                tooFewRows.getMessage());
        float[][] shortRow = {new float[4], new float[3], new float[4]};
        IllegalArgumentException shortRowError = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmByRows(2, 4, 3, a, 0, 3, shortRow, c, 0, 4));
        assertTrue(shortRowError.getMessage().contains("bRows[1] must hold columns = 4 elements, has 3"),
                shortRowError.getMessage());
        IllegalArgumentException shortC = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmByRows(2, 4, 3, a, 0, 3, bRows, new float[7], 0, 4));
        assertTrue(shortC.getMessage().startsWith("c is too short"), shortC.getMessage());
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmByRows(2, 1, 3, a, 0, 3, bRows, a, 0, 1));
        assertTrue(overlap.getMessage().contains("overlap"), overlap.getMessage());
        IllegalArgumentException rowOfB = assertThrows(IllegalArgumentException.class,
                () -> Kernels.gemmByRows(1, 4, 3, a, 0, 3, bRows, bRows[2], 0, 4));
        assertTrue(rowOfB.getMessage().contains("it is bRows[2]"), rowOfB.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Kernels.gemmByRows(-1, 4, 3, a, 0, 3, bRows, c, 0, 4));
    }
}
