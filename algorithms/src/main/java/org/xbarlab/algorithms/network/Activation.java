package org.xbarlab.algorithms.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Element-wise activation functions. Derivatives follow PyTorch's autograd conventions, which the seed paper's
 * reference code relies on (seed-algorithm.md §2.6): the hard sigmoid {@code clamp(z, 0, 1)} has derivative 1 on
 * the closed interval {@code 0 ≤ z ≤ 1}, the ReLU has derivative 0 at 0.
 */
public enum Activation {
    /** {@code a = z}. */
    @JsonProperty("identity")
    IDENTITY,
    /** {@code a = max(z, 0)}. */
    @JsonProperty("relu")
    RELU,
    /** {@code a = clamp(z, 0, 1)}. */
    @JsonProperty("hard-sigmoid")
    HARD_SIGMOID,
    /** {@code a = 1 / (1 + e^(−z))}. */
    @JsonProperty("sigmoid")
    SIGMOID;

    /**
     * Computes {@code a[k] = f(z[k])} for {@code k < count}.
     *
     * @param z pre-activations; read only
     * @param a activations; overwritten; may be the same array as {@code z}
     * @param count number of elements
     */
    public void apply(float[] z, float[] a, int count) {
        switch (this) {
            case IDENTITY -> {
                if (a != z) {
                    System.arraycopy(z, 0, a, 0, count);
                }
            }
            case RELU -> {
                for (int k = 0; k < count; k++) {
                    a[k] = Math.max(z[k], 0f);
                }
            }
            case HARD_SIGMOID -> {
                for (int k = 0; k < count; k++) {
                    a[k] = Math.max(0f, Math.min(1f, z[k]));
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < count; k++) {
                    a[k] = (float) (1.0 / (1.0 + Math.exp(-z[k])));
                }
            }
            default -> throw new IllegalStateException("unknown activation " + this);
        }
    }

    /**
     * Multiplies a gradient with respect to the activations by the derivative, giving the gradient with respect
     * to the pre-activations: {@code g[k] ← g[k] · f'(z[k])}.
     *
     * @param z pre-activations; read only
     * @param a activations {@code f(z)} (used by the sigmoid); read only
     * @param g gradient, modified in place
     * @param count number of elements
     */
    public void backpropagate(float[] z, float[] a, float[] g, int count) {
        switch (this) {
            case IDENTITY -> {
                // derivative 1
            }
            case RELU -> {
                for (int k = 0; k < count; k++) {
                    if (!(z[k] > 0f)) {
                        g[k] = 0f;
                    }
                }
            }
            case HARD_SIGMOID -> {
                for (int k = 0; k < count; k++) {
                    if (!(z[k] >= 0f && z[k] <= 1f)) {
                        g[k] = 0f;
                    }
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < count; k++) {
                    g[k] *= a[k] * (1f - a[k]);
                }
            }
            default -> throw new IllegalStateException("unknown activation " + this);
        }
    }
}
