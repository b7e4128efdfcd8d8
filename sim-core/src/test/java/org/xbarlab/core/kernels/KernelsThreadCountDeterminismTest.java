package org.xbarlab.core.kernels;

import java.util.SplittableRandom;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.kernels.KernelReference.GemmCase;
import org.xbarlab.core.kernels.KernelReference.GemvCase;
import org.xbarlab.core.kernels.KernelReference.GerCase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Results are bit-identical for 1 and 2 threads (the style guide's parallel-determinism rule), for the Java backend
 * and for the OpenBLAS backend, whose tiles have a fixed shape and are each computed by single-threaded OpenBLAS.
 * The shapes have many tiles and are above every parallel threshold, so the second run really is parallel.
 */
@ExtendWith(RestoreKernelSettings.class)
class KernelsThreadCountDeterminismTest extends XbarlabTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas"})
    void gemmIsBitIdenticalForOneAndTwoThreads(String backend) {
        KernelsMatchesReferenceTest.useBackendNamed(backend);
        for (Transpose transposeA : Transpose.values()) {
            for (Transpose transposeB : Transpose.values()) {
                // Same seed twice gives the same operands; only the thread count differs.
                float[] single = gemmWithThreads(1, transposeA, transposeB);
                float[] parallel = gemmWithThreads(2, transposeA, transposeB);
                assertArrayEquals(single, parallel, backend + " " + transposeA + " " + transposeB);
            }
        }
    }

    private static float[] gemmWithThreads(int threads, Transpose transposeA, Transpose transposeB) {
        Kernels.setThreads(threads);
        GemmCase gemm = new GemmCase(new SplittableRandom(TEST_SEED), transposeA, transposeB, 530, 1100, 300,
                0.5f, -1f, 3);
        gemm.runThroughFacade();
        return gemm.c.data;
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "openblas"})
    void gemvAndGerAreBitIdenticalForOneAndTwoThreads(String backend) {
        KernelsMatchesReferenceTest.useBackendNamed(backend);
        for (Transpose transposeA : Transpose.values()) {
            float[][] results = new float[2][];
            for (int threads = 1; threads <= 2; threads++) {
                Kernels.setThreads(threads);
                GemvCase gemv = new GemvCase(new SplittableRandom(TEST_SEED), transposeA, 1030, 777, 1f, 0.5f, 2);
                gemv.runThroughFacade();
                results[threads - 1] = gemv.y.data;
            }
            assertArrayEquals(results[0], results[1], backend + " gemv " + transposeA);
        }
        float[][] results = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Kernels.setThreads(threads);
            GerCase ger = new GerCase(new SplittableRandom(TEST_SEED), 1030, 777, -0.5f, 2);
            ger.runThroughFacade();
            results[threads - 1] = ger.a.data;
        }
        assertArrayEquals(results[0], results[1], backend + " ger");
    }
}
