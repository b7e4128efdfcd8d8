package org.xbarlab.core.kernels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument checks of the facade: each message names the argument, shows the value and states the allowed range. */
class KernelsArgumentValidationTest extends XbarlabTestBase {

    private static void assertRejected(Executable call, String... messageParts) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, call);
        for (String part : messageParts) {
            assertTrue(thrown.getMessage().contains(part),
                    () -> "message '" + thrown.getMessage() + "' should contain '" + part + "'");
        }
    }

    private static final float[] A = new float[6]; // 2×3
    private static final float[] B = new float[12]; // 3×4
    private static final float[] C = new float[8]; // 2×4

    @Test
    void negativeDimensionsAreRejected() {
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, -1, 4, 3, 1f, A, B, 0f, C), "rows", "-1");
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, -4, 3, 1f, A, B, 0f, C), "columns", "-4");
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, -3, 1f, A, B, 0f, C), "depth", "-3");
        assertRejected(() -> Kernels.gemv(Transpose.NO, -2, 3, 1f, A, new float[3], 0f, new float[2]), "rows");
        assertRejected(() -> Kernels.ger(2, -3, 1f, new float[2], new float[3], A), "columns", "-3");
    }

    @Test
    void shortArraysAreRejectedWithTheNeededLength() {
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, 3, 1f, new float[5], B, 0f, C),
                "a is too short", "2×3", "needs at least 6", "has 5");
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.YES, 2, 4, 3, 1f, A, B, 0f, new float[7]),
                "c is too short", "needs at least 8");
        // Transposed B is stored columns × depth = 4×3: same 12 elements, but 11 are too few.
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.YES, 2, 4, 3, 1f, A, new float[11], 0f, C),
                "b is too short", "4×3", "transposeB = YES");
        assertRejected(() -> Kernels.gemv(Transpose.YES, 2, 3, 1f, A, new float[2], 0f, new float[2]),
                "y is too short", "3 elements");
        assertRejected(() -> Kernels.ger(2, 3, 1f, new float[1], new float[3], A), "x is too short");
    }

    @Test
    void offsetsAndRowStridesAreChecked() {
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, 3, 1f, A, -1, 3, B, 0, 4, 0f, C, 0, 4),
                "aOffset", "[0, a.length = 6]", "-1");
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, 3, 1f, A, 0, 3, B, 0, 3, 0f, C, 0, 4),
                "bRowStride", "at least max(1, columns of stored b) = 4", "got 3");
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, 3, 1f, A, 0, 3, B, 0, 4, 0f, C, 1, 4),
                "c is too short", "cOffset 1");
        assertRejected(() -> Kernels.gemv(Transpose.NO, 2, 3, 1f, A, 0, 3, new float[3], 4, 0f, new float[2], 0),
                "xOffset", "got 4");
        assertRejected(() -> Kernels.ger(2, 3, 1f, new float[2], 0, new float[3], 0, A, 0, 0), "aRowStride",
                "got 0");
    }

    @Test
    void outputsMustNotOverlapInputs() {
        float[] shared = new float[30];
        // C = shared[0, 8) overlaps A = shared[6, 12).
        assertRejected(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, 3, 1f, shared, 6, 3, B, 0, 4,
                0f, shared, 0, 4), "c must not overlap a", "[0, 8)", "[6, 12)");
        // Disjoint regions of one array are fine: A = [0, 6), B = [6, 18), C = [18, 26).
        assertDoesNotThrow(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, 3, 1f, shared, 0, 3, shared, 6, 4,
                0f, shared, 18, 4));
        assertRejected(() -> Kernels.gemv(Transpose.NO, 2, 3, 1f, shared, 0, 3, shared, 10, 0f, shared, 11),
                "y must not overlap x");
        assertRejected(() -> Kernels.ger(2, 3, 1f, shared, 0, new float[3], 0, shared, 1, 3),
                "a must not overlap x");
        // x and y of ger may overlap: both are only read.
        assertDoesNotThrow(() -> Kernels.ger(2, 3, 1f, shared, 0, shared, 0, new float[6], 0, 3));
    }

    @Test
    void nullArgumentsNameTheArgument() {
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> Kernels.gemm(Transpose.NO, Transpose.NO, 2, 4, 3, 1f, A, null, 0f, C));
        assertTrue(thrown.getMessage().contains("b must not be null"), thrown.getMessage());
        assertThrows(NullPointerException.class, () -> Kernels.gemm(null, Transpose.NO, 2, 4, 3, 1f, A, B, 0f, C));
    }

    @Test
    void zeroDimensionsAreNoOps() {
        float[] c = {7f};
        assertDoesNotThrow(() -> Kernels.gemm(Transpose.NO, Transpose.NO, 0, 4, 3, 1f, new float[0], B, 0f, c));
        assertDoesNotThrow(() -> Kernels.gemv(Transpose.NO, 0, 0, 1f, new float[0], new float[0], 0f, c));
        assertDoesNotThrow(() -> Kernels.ger(0, 3, 1f, new float[0], new float[3], new float[0]));
        assertTrue(c[0] == 7f, "nothing may be written for an empty output");
    }

    @Test
    void threadCountAndBackendNameAreChecked() {
        assertRejected(() -> Kernels.setThreads(0), "threads", "[1, " + Kernels.MAX_THREADS + "]", "got 0");
        assertRejected(() -> Kernels.setThreads(Kernels.MAX_THREADS + 1), "threads");
        assertRejected(() -> Kernels.setBackend("cuda"), "openblas", "java", "auto", "'cuda'");
    }
}
