package org.xbarlab.core.kernels;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.kernels.KernelReference.GemmCase;
import org.xbarlab.core.kernels.KernelReference.GemvCase;
import org.xbarlab.core.kernels.KernelReference.GerCase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential tests: every operation of every backend against EJML ({@code CommonOps_FDRM}) on random strided
 * operands, within the float32 rounding bound of {@link KernelReference#allowedErrors()}-style tolerances.
 *
 * <p>Backends: {@code java}; {@code openblas} as shipped (thin products run in Java); and
 * {@code openblas-always} with the size thresholds at 0, so that even 1×1×1 products go through the native code,
 * the staging copies and the tiling.
 */
@ExtendWith(RestoreKernelSettings.class)
class KernelsMatchesReferenceTest extends XbarlabTestBase {

    private static final float[] SCALARS = {1f, 0f, -0.75f, 2.5f};

    /** Selects the backend named by a test parameter, skipping OpenBLAS variants where it cannot load. */
    static void useBackendNamed(String name) {
        switch (name) {
            case "java":
                Kernels.useBackend(Kernels.javaBackend());
                break;
            case "openblas":
                assumeTrue(Kernels.isOpenBlasAvailable(), "OpenBLAS native library not available");
                Kernels.useBackend(Kernels.openBlasBackend());
                break;
            case "openblas-always":
                assumeTrue(Kernels.isOpenBlasAvailable(), "OpenBLAS native library not available");
                Kernels.useBackend(OpenBlasKernelBackend.load(new JavaKernelBackend(), 0, 0));
                break;
            default:
                throw new IllegalArgumentException("unknown backend " + name);
        }
    }

    private static float pick(SplittableRandom random, float[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int edgeSize(SplittableRandom random) {
        return KernelReference.EDGE_SIZES[random.nextInt(KernelReference.EDGE_SIZES.length)];
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas", "openblas-always"})
    void gemmMatchesEjmlOnEdgeSizes(String backend) {
        useBackendNamed(backend);
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        for (Transpose transposeA : Transpose.values()) {
            for (Transpose transposeB : Transpose.values()) {
                for (int trial = 0; trial < 30; trial++) {
                    GemmCase gemm = new GemmCase(random, transposeA, transposeB, edgeSize(random), edgeSize(random),
                            edgeSize(random), pick(random, SCALARS), pick(random, SCALARS), 5);
                    gemm.runThroughFacade();
                    gemm.assertMatchesEjml(backend + " seed " + TEST_SEED + " trial " + trial);
                }
            }
        }
    }

    /**
     * Shapes that cross every tile edge: Java tiles (64 rows, 512 columns, depth blocks of 128 with a remainder
     * that is not a multiple of 4) and OpenBLAS tiles (256 rows, 512 columns).
     */
    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas"})
    void gemmMatchesEjmlAcrossTileEdges(String backend) {
        useBackendNamed(backend);
        SplittableRandom random = new SplittableRandom(TEST_SEED + 1);
        for (Transpose transposeA : Transpose.values()) {
            for (Transpose transposeB : Transpose.values()) {
                GemmCase gemm = new GemmCase(random, transposeA, transposeB, 270, 530, 263, 1f, 0.5f, 3);
                gemm.runThroughFacade();
                gemm.assertMatchesEjml(backend);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas", "openblas-always"})
    void gemvMatchesEjml(String backend) {
        useBackendNamed(backend);
        SplittableRandom random = new SplittableRandom(TEST_SEED + 2);
        for (Transpose transposeA : Transpose.values()) {
            for (int trial = 0; trial < 60; trial++) {
                GemvCase gemv = new GemvCase(random, transposeA, edgeSize(random), edgeSize(random),
                        pick(random, SCALARS), pick(random, SCALARS), 5);
                gemv.runThroughFacade();
                gemv.assertMatchesEjml(backend + " trial " + trial);
            }
            GemvCase large = new GemvCase(random, transposeA, 300, 1100, 1.5f, -1f, 3);
            large.runThroughFacade();
            large.assertMatchesEjml(backend + " large");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas"})
    void gerMatchesEjml(String backend) {
        useBackendNamed(backend);
        SplittableRandom random = new SplittableRandom(TEST_SEED + 3);
        for (int trial = 0; trial < 60; trial++) {
            GerCase ger = new GerCase(random, edgeSize(random), edgeSize(random), pick(random, SCALARS), 5);
            ger.runThroughFacade();
            ger.assertMatchesEjml(backend + " trial " + trial);
        }
        GerCase large = new GerCase(random, 300, 1100, -0.25f, 3);
        large.runThroughFacade();
        large.assertMatchesEjml(backend + " large");
    }

    /** BLAS convention: with beta = 0 the output is overwritten without being read, so NaN does not propagate. */
    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas", "openblas-always"})
    void betaZeroOverwritesNaNOutput(String backend) {
        useBackendNamed(backend);
        SplittableRandom random = new SplittableRandom(TEST_SEED + 4);
        for (int[] shape : new int[][] {{3, 5, 7}, {270, 530, 40}}) {
            // A first call with NaN in C and beta = 1 leaves NaN in any reused staging memory.
            GemmCase poison = new GemmCase(random, Transpose.NO, Transpose.NO, shape[0], shape[1], shape[2],
                    1f, 1f, 0);
            poison.c.fill(Float.NaN);
            poison.runThroughFacade();
            GemmCase gemm = new GemmCase(random, Transpose.NO, Transpose.YES, shape[0], shape[1], shape[2],
                    1f, 0f, 2);
            gemm.c.fill(Float.NaN);
            gemm.runThroughFacade();
            gemm.assertMatchesEjml(backend);
        }
        GemvCase gemv = new GemvCase(random, Transpose.NO, 17, 33, 1f, 0f, 2);
        gemv.y.fill(Float.NaN);
        gemv.runThroughFacade();
        gemv.assertMatchesEjml(backend);
    }

    /** BLAS convention: with alpha = 0 (or depth 0) the operands are not read and C is only scaled by beta. */
    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas", "openblas-always"})
    void alphaZeroOrDepthZeroOnlyScalesOutput(String backend) {
        useBackendNamed(backend);
        SplittableRandom random = new SplittableRandom(TEST_SEED + 5);
        for (int depth : new int[] {0, 9}) {
            GemmCase gemm = new GemmCase(random, Transpose.YES, Transpose.NO, 33, 65, depth, 0f, -0.5f, 2);
            gemm.a.fill(Float.NaN);
            gemm.b.fill(Float.NaN);
            gemm.runThroughFacade();
            for (int i = 0; i < gemm.rows; i++) {
                for (int j = 0; j < gemm.columns; j++) {
                    assertEquals(-0.5f * gemm.initialC.get(i, j), gemm.c.get(i, j), "element " + i + ", " + j);
                }
            }
            gemm.c.assertSurroundingsUntouched(backend);
        }
        GerCase ger = new GerCase(random, 7, 9, 0f, 1);
        ger.x.fill(Float.NaN);
        ger.runThroughFacade();
        assertTrue(Arrays.equals(ger.initialA.data, ger.a.data), "ger with alpha 0 must not change a");
    }
}
