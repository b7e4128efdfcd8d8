package org.xbarlab.algorithms.network;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/**
 * Bernoulli masks for dropout, drawn in bulk. Inverted dropout (BP's input and hidden layers) scales the kept
 * values by {@code 1/(1 − p)}; the output mask of the self-defined target and equilibrium propagation's masks are
 * plain 0/1 (seed-algorithm.md §2.4, §3.1).
 */
public final class Dropout {

    private Dropout() {
    }

    /**
     * Fills {@code mask[0..count)} with {@code keepValue} with probability {@code 1 − p}, else 0.
     *
     * @param random the stream
     * @param probability p, the dropping probability, in [0, 1)
     * @param keepValue value of kept entries (1 for a plain mask, {@code 1/(1 − p)} for inverted dropout)
     * @param mask output; overwritten
     * @param count number of entries
     */
    public static void mask(UniformRandomProvider random, double probability, float keepValue, float[] mask,
                            int count) {
        if (probability == 0) {
            java.util.Arrays.fill(mask, 0, count, keepValue);
            return;
        }
        RandomFill.uniform(random, mask, 0, count, 0f, 1f);
        float p = (float) probability;
        for (int k = 0; k < count; k++) {
            mask[k] = mask[k] < p ? 0f : keepValue;
        }
    }

    /**
     * Multiplies element-wise: {@code out[k] = values[k] · mask[k]}.
     *
     * @param values read only
     * @param mask read only
     * @param out overwritten; may be {@code values}
     * @param count number of entries
     */
    public static void apply(float[] values, float[] mask, float[] out, int count) {
        for (int k = 0; k < count; k++) {
            out[k] = values[k] * mask[k];
        }
    }
}
