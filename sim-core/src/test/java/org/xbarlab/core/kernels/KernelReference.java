package org.xbarlab.core.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reference results (EJML) and error bounds for the kernel tests, plus random strided operands.
 *
 * <p>An operand lives inside a larger array: a random offset before it, a random gap after each row (row stride
 * larger than the column count) and a tail after it. Those surroundings are filled with {@link #SENTINEL} so the
 * tests can check that a kernel writes nothing outside its output.
 */
final class KernelReference {

    /** float32 unit roundoff u = 2^-24: the largest relative error of one correctly rounded operation. */
    static final double UNIT_ROUNDOFF = 0x1p-24;

    /**
     * Both the kernel and EJML carry at most γ(k + 3)·Σ|terms| of rounding error (Higham, Accuracy and Stability of
     * Numerical Algorithms, 2nd ed., §3.1, eq. 3.5; the 3 covers the alpha and beta scalings and the final add), so
     * they differ by at most twice that bound.
     */
    static final double TOLERANCE_IN_ROUNDING_BOUNDS = 2.0;

    /** Value outside every operand; a changed sentinel means a kernel wrote out of bounds. */
    static final float SENTINEL = -12345.5f;

    /** Sizes that hit 1, odd sizes, and sizes just off multiples of the vector width (8 floats) and the unroll (4). */
    static final int[] EDGE_SIZES = {1, 2, 3, 7, 15, 17, 31, 33, 65, 129};

    private KernelReference() {
    }

    /** γ(n) = n·u / (1 − n·u), the accumulated relative error bound of a sum of n terms. */
    static double gamma(int terms) {
        double nu = terms * UNIT_ROUNDOFF;
        return nu / (1 - nu);
    }

    /** Uniform values in [-1, 1). */
    static float[] randomValues(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return values;
    }

    /** A stored row-major matrix inside a larger array surrounded by {@link #SENTINEL}. */
    static final class Strided {
        final int rows;
        final int columns;
        final int offset;
        final int rowStride;
        final float[] data;

        Strided(int rows, int columns, int offset, int rowStride, float[] data) {
            this.rows = rows;
            this.columns = columns;
            this.offset = offset;
            this.rowStride = rowStride;
            this.data = data;
        }

        /** Random values, with random offset in [0, maxPadding] and row gap in [0, maxPadding]. */
        static Strided random(SplittableRandom random, int rows, int columns, int maxPadding) {
            int offset = random.nextInt(maxPadding + 1);
            int rowStride = Math.max(1, columns + random.nextInt(maxPadding + 1));
            int tail = random.nextInt(maxPadding + 1);
            int length = offset + (int) KernelArgumentChecks.footprint(rowStride, rows, columns) + tail;
            float[] data = new float[length];
            Arrays.fill(data, SENTINEL);
            Strided matrix = new Strided(rows, columns, offset, rowStride, data);
            float[] values = randomValues(random, rows * columns);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    data[matrix.index(i, j)] = values[i * columns + j];
                }
            }
            return matrix;
        }

        int index(int row, int column) {
            return offset + row * rowStride + column;
        }

        float get(int row, int column) {
            return data[index(row, column)];
        }

        void fill(float value) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    data[index(i, j)] = value;
                }
            }
        }

        FMatrixRMaj toEjml() {
            FMatrixRMaj matrix = new FMatrixRMaj(rows, columns);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    matrix.unsafe_set(i, j, get(i, j));
                }
            }
            return matrix;
        }

        Strided copy() {
            return new Strided(rows, columns, offset, rowStride, data.clone());
        }

        /** Fails unless every element outside the matrix still holds {@link #SENTINEL}. */
        void assertSurroundingsUntouched(String name) {
            boolean[] inside = new boolean[data.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    inside[index(i, j)] = true;
                }
            }
            for (int e = 0; e < data.length; e++) {
                if (!inside[e] && Float.floatToRawIntBits(data[e]) != Float.floatToRawIntBits(SENTINEL)) {
                    fail(name + ": element " + e + " outside the matrix was changed to " + data[e]);
                }
            }
        }

        @Override
        public String toString() {
            return rows + "x" + columns + " (offset " + offset + ", row stride " + rowStride + ")";
        }
    }

    /** One gemm problem: operands, scalars, and the untouched starting value of C. */
    static final class GemmCase {
        final Transpose transposeA;
        final Transpose transposeB;
        final int rows;
        final int columns;
        final int depth;
        final float alpha;
        final float beta;
        final Strided a;
        final Strided b;
        final Strided c;
        final Strided initialC;

        GemmCase(SplittableRandom random, Transpose transposeA, Transpose transposeB, int rows, int columns,
                int depth, float alpha, float beta, int maxPadding) {
            this.transposeA = transposeA;
            this.transposeB = transposeB;
            this.rows = rows;
            this.columns = columns;
            this.depth = depth;
            this.alpha = alpha;
            this.beta = beta;
            this.a = transposeA.isTransposed() ? Strided.random(random, depth, rows, maxPadding)
                    : Strided.random(random, rows, depth, maxPadding);
            this.b = transposeB.isTransposed() ? Strided.random(random, columns, depth, maxPadding)
                    : Strided.random(random, depth, columns, maxPadding);
            this.c = Strided.random(random, rows, columns, maxPadding);
            this.initialC = c.copy();
        }

        void runThroughFacade() {
            Kernels.gemm(transposeA, transposeB, rows, columns, depth, alpha, a.data, a.offset, a.rowStride,
                    b.data, b.offset, b.rowStride, beta, c.data, c.offset, c.rowStride);
        }

        float opA(int i, int p) {
            return transposeA.isTransposed() ? a.get(p, i) : a.get(i, p);
        }

        float opB(int p, int j) {
            return transposeB.isTransposed() ? b.get(j, p) : b.get(p, j);
        }

        /** EJML's alpha·op(A)·op(B) + beta·C, with C not read when beta is 0. */
        float[] expectedFromEjml() {
            FMatrixRMaj ejmlA = a.toEjml();
            FMatrixRMaj ejmlB = b.toEjml();
            FMatrixRMaj product = new FMatrixRMaj(rows, columns);
            if (depth > 0) {
                boolean ta = transposeA.isTransposed();
                boolean tb = transposeB.isTransposed();
                if (!ta && !tb) {
                    CommonOps_FDRM.mult(alpha, ejmlA, ejmlB, product);
                } else if (ta && !tb) {
                    CommonOps_FDRM.multTransA(alpha, ejmlA, ejmlB, product);
                } else if (!ta) {
                    CommonOps_FDRM.multTransB(alpha, ejmlA, ejmlB, product);
                } else {
                    CommonOps_FDRM.multTransAB(alpha, ejmlA, ejmlB, product);
                }
            }
            float[] expected = new float[rows * columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    float scaled = beta == 0f ? 0f : beta * initialC.get(i, j);
                    expected[i * columns + j] = product.unsafe_get(i, j) + scaled;
                }
            }
            return expected;
        }

        /** Per element: the allowed difference from the reference, from {@link #gamma} and Σ|terms|. */
        double[] allowedErrors() {
            double factor = TOLERANCE_IN_ROUNDING_BOUNDS * gamma(depth + 3);
            double[] allowed = new double[rows * columns];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    double magnitude = 0;
                    for (int p = 0; p < depth; p++) {
                        magnitude += Math.abs((double) opA(i, p) * opB(p, j));
                    }
                    magnitude = Math.abs((double) alpha) * magnitude
                            + (beta == 0f ? 0 : Math.abs((double) beta * initialC.get(i, j)));
                    allowed[i * columns + j] = factor * magnitude;
                }
            }
            return allowed;
        }

        /** Fails unless C matches EJML within the bound and nothing outside C changed. */
        void assertMatchesEjml(String label) {
            assertWithin(label + " " + this, c, expectedFromEjml(), allowedErrors());
            a.assertSurroundingsUntouched(label + " a");
            b.assertSurroundingsUntouched(label + " b");
            c.assertSurroundingsUntouched(label + " c");
        }

        @Override
        public String toString() {
            return "gemm(" + transposeA + ", " + transposeB + ", rows " + rows + ", columns " + columns + ", depth "
                    + depth + ", alpha " + alpha + ", beta " + beta + ", a " + a + ", b " + b + ", c " + c + ")";
        }
    }

    /** One gemv problem; vectors are 1 × length strided matrices, so only their offset and tail matter. */
    static final class GemvCase {
        final Transpose transposeA;
        final int rows;
        final int columns;
        final float alpha;
        final float beta;
        final Strided a;
        final Strided x;
        final Strided y;
        final Strided initialY;

        GemvCase(SplittableRandom random, Transpose transposeA, int rows, int columns, float alpha, float beta,
                int maxPadding) {
            this.transposeA = transposeA;
            this.rows = rows;
            this.columns = columns;
            this.alpha = alpha;
            this.beta = beta;
            boolean transposed = transposeA.isTransposed();
            this.a = Strided.random(random, rows, columns, maxPadding);
            this.x = Strided.random(random, 1, transposed ? rows : columns, maxPadding);
            this.y = Strided.random(random, 1, transposed ? columns : rows, maxPadding);
            this.initialY = y.copy();
        }

        void runThroughFacade() {
            Kernels.gemv(transposeA, rows, columns, alpha, a.data, a.offset, a.rowStride, x.data, x.offset,
                    beta, y.data, y.offset);
        }

        void assertMatchesEjml(String label) {
            int outputs = y.columns;
            int inputs = x.columns;
            FMatrixRMaj ejmlA = a.toEjml();
            FMatrixRMaj ejmlX = new FMatrixRMaj(inputs, 1);
            for (int p = 0; p < inputs; p++) {
                ejmlX.unsafe_set(p, 0, x.get(0, p));
            }
            FMatrixRMaj product = new FMatrixRMaj(outputs, 1);
            if (inputs > 0) {
                if (transposeA.isTransposed()) {
                    CommonOps_FDRM.multTransA(alpha, ejmlA, ejmlX, product);
                } else {
                    CommonOps_FDRM.mult(alpha, ejmlA, ejmlX, product);
                }
            }
            float[] expected = new float[outputs];
            double[] allowed = new double[outputs];
            double factor = TOLERANCE_IN_ROUNDING_BOUNDS * gamma(inputs + 3);
            for (int i = 0; i < outputs; i++) {
                float scaled = beta == 0f ? 0f : beta * initialY.get(0, i);
                expected[i] = product.unsafe_get(i, 0) + scaled;
                double magnitude = 0;
                for (int p = 0; p < inputs; p++) {
                    float element = transposeA.isTransposed() ? a.get(p, i) : a.get(i, p);
                    magnitude += Math.abs((double) element * x.get(0, p));
                }
                allowed[i] = factor * (Math.abs((double) alpha) * magnitude + Math.abs((double) scaled));
            }
            assertWithin(label + " " + this, y, expected, allowed);
            a.assertSurroundingsUntouched(label + " a");
            x.assertSurroundingsUntouched(label + " x");
            y.assertSurroundingsUntouched(label + " y");
        }

        @Override
        public String toString() {
            return "gemv(" + transposeA + ", rows " + rows + ", columns " + columns + ", alpha " + alpha + ", beta "
                    + beta + ", a " + a + ", x offset " + x.offset + ", y offset " + y.offset + ")";
        }
    }

    /** One ger problem: A = A + alpha·x·yᵀ. */
    static final class GerCase {
        final int rows;
        final int columns;
        final float alpha;
        final Strided x;
        final Strided y;
        final Strided a;
        final Strided initialA;

        GerCase(SplittableRandom random, int rows, int columns, float alpha, int maxPadding) {
            this.rows = rows;
            this.columns = columns;
            this.alpha = alpha;
            this.x = Strided.random(random, 1, rows, maxPadding);
            this.y = Strided.random(random, 1, columns, maxPadding);
            this.a = Strided.random(random, rows, columns, maxPadding);
            this.initialA = a.copy();
        }

        void runThroughFacade() {
            Kernels.ger(rows, columns, alpha, x.data, x.offset, y.data, y.offset, a.data, a.offset, a.rowStride);
        }

        void assertMatchesEjml(String label) {
            FMatrixRMaj ejmlX = new FMatrixRMaj(rows, 1);
            FMatrixRMaj ejmlY = new FMatrixRMaj(columns, 1);
            for (int i = 0; i < rows; i++) {
                ejmlX.unsafe_set(i, 0, x.get(0, i));
            }
            for (int j = 0; j < columns; j++) {
                ejmlY.unsafe_set(j, 0, y.get(0, j));
            }
            FMatrixRMaj updated = initialA.toEjml();
            CommonOps_FDRM.multAddTransB(alpha, ejmlX, ejmlY, updated);
            float[] expected = new float[rows * columns];
            double[] allowed = new double[rows * columns];
            double factor = TOLERANCE_IN_ROUNDING_BOUNDS * gamma(1 + 3);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    expected[i * columns + j] = updated.unsafe_get(i, j);
                    allowed[i * columns + j] = factor * (Math.abs((double) alpha * x.get(0, i) * y.get(0, j))
                            + Math.abs((double) initialA.get(i, j)));
                }
            }
            assertWithin(label + " " + this, a, expected, allowed);
            x.assertSurroundingsUntouched(label + " x");
            y.assertSurroundingsUntouched(label + " y");
            a.assertSurroundingsUntouched(label + " a");
        }

        @Override
        public String toString() {
            return "ger(rows " + rows + ", columns " + columns + ", alpha " + alpha + ", x offset " + x.offset
                    + ", y offset " + y.offset + ", a " + a + ")";
        }
    }

    /** Fails unless every element of {@code actual} is within {@code allowed} of {@code expected}. */
    static void assertWithin(String label, Strided actual, float[] expected, double[] allowed) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < actual.rows; i++) {
            for (int j = 0; j < actual.columns; j++) {
                int k = i * actual.columns + j;
                float got = actual.get(i, j);
                double difference = Math.abs((double) got - expected[k]);
                if (!(difference <= allowed[k])) {
                    failures.add("(" + i + ", " + j + "): got " + got + ", EJML " + expected[k] + ", difference "
                            + difference + " > allowed " + allowed[k]);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(label + ": " + failures.size() + " element(s) differ beyond the rounding bound, first: "
                    + failures.subList(0, Math.min(5, failures.size())));
        }
    }
}
