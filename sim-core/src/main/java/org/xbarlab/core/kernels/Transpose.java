package org.xbarlab.core.kernels;

/**
 * Whether a matrix operand of a {@link Kernels} product is used as stored or transposed, the {@code op(X)} of
 * BLAS: {@code op(X) = X} for {@link #NO} and {@code op(X) = Xᵀ} for {@link #YES}.
 *
 * <p>Matrices are always stored row-major; transposing an operand never moves data, it only changes how the
 * stored rows and columns are read.
 */
public enum Transpose {

    /** Use the operand as stored: {@code op(X) = X}. */
    NO,

    /** Use the transpose of the stored operand: {@code op(X) = Xᵀ}. */
    YES;

    /**
     * Whether this constant is {@link #YES}.
     *
     * @return {@code true} for {@link #YES}, {@code false} for {@link #NO}
     */
    public boolean isTransposed() {
        return this == YES;
    }
}
