package org.xbarlab.core.kernels;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.kernels.KernelReference.GemmCase;
import org.xbarlab.core.kernels.KernelReference.GemvCase;
import org.xbarlab.core.kernels.KernelReference.GerCase;
import org.xbarlab.core.kernels.KernelReference.Strided;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Java backend's documented order of operations: gemm, ger and the transposed gemv equal, bit for bit, the
 * plain sequential reference loop {@code c = beta·c; for p: c = c + (alpha·a[i][p])·b[p][j]}, whatever the
 * blocking, packing and unrolling do internally.
 */
@ExtendWith(RestoreKernelSettings.class)
class JavaKernelBackendTest extends XbarlabTestBase {

    @BeforeEach
    void useJava() {
        Kernels.useBackend(Kernels.javaBackend());
    }

    private static void assertBitsEqual(String label, float expected, float actual) {
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual),
                () -> label + ": expected " + expected + ", got " + actual);
    }

    @Test
    void gemmEqualsSequentialLoopBitForBit() {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        // 263 = 2 depth blocks of 128 plus 7, so both the unrolled and the remainder paths run.
        int[][] shapes = {{1, 1, 1}, {3, 7, 5}, {65, 513, 263}, {130, 17, 129}};
        for (int[] shape : shapes) {
            for (Transpose transposeA : Transpose.values()) {
                for (Transpose transposeB : Transpose.values()) {
                    GemmCase gemm = new GemmCase(random, transposeA, transposeB, shape[0], shape[1], shape[2],
                            -1.25f, 0.5f, 3);
                    gemm.runThroughFacade();
                    for (int i = 0; i < gemm.rows; i++) {
                        for (int j = 0; j < gemm.columns; j++) {
                            float expected = gemm.beta * gemm.initialC.get(i, j);
                            for (int p = 0; p < gemm.depth; p++) {
                                expected = expected + (gemm.alpha * gemm.opA(i, p)) * gemm.opB(p, j);
                            }
                            assertBitsEqual(gemm + " element " + i + ", " + j, expected, gemm.c.get(i, j));
                        }
                    }
                }
            }
        }
    }

    @Test
    void transposedGemvAndGerEqualSequentialLoopBitForBit() {
        SplittableRandom random = new SplittableRandom(TEST_SEED + 1);
        GemvCase gemv = new GemvCase(random, Transpose.YES, 263, 1030, 0.75f, -2f, 3);
        gemv.runThroughFacade();
        for (int j = 0; j < gemv.columns; j++) {
            float expected = gemv.beta * gemv.initialY.get(0, j);
            for (int i = 0; i < gemv.rows; i++) {
                expected = expected + (gemv.alpha * gemv.x.get(0, i)) * gemv.a.get(i, j);
            }
            assertBitsEqual("gemv element " + j, expected, gemv.y.get(0, j));
        }
        GerCase ger = new GerCase(random, 70, 530, 1.5f, 3);
        ger.runThroughFacade();
        Strided a = ger.a;
        for (int i = 0; i < ger.rows; i++) {
            for (int j = 0; j < ger.columns; j++) {
                float expected = ger.initialA.get(i, j) + (ger.alpha * ger.x.get(0, i)) * ger.y.get(0, j);
                assertBitsEqual("ger element " + i + ", " + j, expected, a.get(i, j));
            }
        }
    }
}
