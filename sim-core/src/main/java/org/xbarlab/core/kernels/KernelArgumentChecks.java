package org.xbarlab.core.kernels;

import java.util.Objects;

/**
 * Argument checks of the {@link Kernels} facade. Each message names the argument, shows its value and states the
 * allowed range. Sizes are computed in {@code long} so that no product of dimensions can overflow unnoticed.
 */
final class KernelArgumentChecks {

    private KernelArgumentChecks() {
    }

    /** Throws unless {@code value ≥ 0}. */
    static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be at least 0, got " + value);
        }
    }

    /** Throws unless {@code value} is non-null. */
    static <T> T notNull(String name, T value) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    /**
     * Checks a row-major matrix argument of {@code storedRows × storedColumns} elements (as stored, before any
     * transposition) starting at {@code offset} with {@code rowStride} elements between row starts.
     *
     * @param name name of the array argument, for example {@code "a"}; the offset and stride arguments are named
     *     {@code name + "Offset"} and {@code name + "RowStride"}
     * @param shape how the stored shape follows from the call, for example {@code "depth × rows, transposeA = YES"}
     */
    static void matrix(String name, float[] array, int offset, int rowStride, int storedRows, int storedColumns,
            String shape) {
        notNull(name, array);
        if (offset < 0 || offset > array.length) {
            throw new IllegalArgumentException(name + "Offset must be in [0, " + name + ".length = " + array.length
                    + "], got " + offset);
        }
        int minimumStride = Math.max(1, storedColumns);
        if (rowStride < minimumStride) {
            throw new IllegalArgumentException(name + "RowStride must be at least max(1, columns of stored " + name
                    + ") = " + minimumStride + " for a " + storedRows + "×" + storedColumns + " " + name + " ("
                    + shape + "), got " + rowStride);
        }
        long needed = offset + footprint(rowStride, storedRows, storedColumns);
        if (needed > array.length) {
            throw new IllegalArgumentException(name + " is too short for a " + storedRows + "×" + storedColumns
                    + " matrix (" + shape + ") at " + name + "Offset " + offset + " with " + name + "RowStride "
                    + rowStride + ": needs at least " + needed + " elements, has " + array.length);
        }
    }

    /** Checks a contiguous vector argument of {@code length} elements starting at {@code offset}. */
    static void vector(String name, float[] array, int offset, int length, String lengthMeaning) {
        notNull(name, array);
        if (offset < 0 || offset > array.length) {
            throw new IllegalArgumentException(name + "Offset must be in [0, " + name + ".length = " + array.length
                    + "], got " + offset);
        }
        long needed = (long) offset + length;
        if (needed > array.length) {
            throw new IllegalArgumentException(name + " is too short for " + length + " elements (" + lengthMeaning
                    + ") at " + name + "Offset " + offset + ": needs at least " + needed + " elements, has "
                    + array.length);
        }
    }

    /**
     * Elements spanned by a stored matrix, from its first to just past its last element; 0 when it is empty.
     */
    static long footprint(int rowStride, int storedRows, int storedColumns) {
        if (storedRows == 0 || storedColumns == 0) {
            return 0L;
        }
        return (storedRows - 1L) * rowStride + storedColumns;
    }

    /**
     * Throws if an output and an input are the same array and their spans {@code [offset, offset + footprint)}
     * intersect. The check is conservative: interleaved strided regions that share no element are also rejected.
     */
    static void noOverlap(String outputName, float[] output, int outputOffset, long outputFootprint,
            String inputName, float[] input, int inputOffset, long inputFootprint) {
        if (output != input || outputFootprint == 0 || inputFootprint == 0) {
            return;
        }
        long outputEnd = outputOffset + outputFootprint;
        long inputEnd = inputOffset + inputFootprint;
        if (outputOffset < inputEnd && inputOffset < outputEnd) {
            throw new IllegalArgumentException(outputName + " must not overlap " + inputName + ": both are the same"
                    + " array, " + outputName + " spans elements [" + outputOffset + ", " + outputEnd + ") and "
                    + inputName + " spans [" + inputOffset + ", " + inputEnd + ")");
        }
    }
}
