package org.xbarlab.algorithms.conv;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.xbarlab.core.Checks;

/**
 * The seed paper's fixed random pruning of convolution weights (seed-algorithm.md §2.6, {@code cnn_prune}): once,
 * at construction, a fixed fraction of each conv layer's weights is chosen uniformly at random and set to zero, and
 * those weights stay zero for the whole run. The reference code does this with PyTorch's
 * {@code prune.random_unstructured(conv, "weight", amount)}, which zeroes exactly {@code round(amount·n)} of the
 * {@code n} weights (biases are not pruned) through a 0/1 mask multiplied into the weight on every forward pass,
 * so the pruned weights also receive no gradient. The fractions were 0.5 for MNIST and Fashion-MNIST and 0.11 for
 * SVHN (seed-algorithm.md §6.2).
 *
 * <p>On a chip the pruned weights are programmed to zero ({@link #zero}: on an analog tile that is a weight of 0 as
 * the mapping writes it, with the device's programming error) and every later change is masked ({@link #mask}), so
 * the pruned cells are never written again; their read-out stays whatever programming left.
 *
 * <p>The mask is drawn from the named stream {@link #STREAM} with the layer index, so it does not depend on any
 * other consumer of randomness. Immutable after construction and thread-safe.
 */
public final class Pruning {

    /** Stream of the pruning masks; index = the layer index passed to the crossbar factory. */
    public static final String STREAM = "algorithms/conv-prune";

    private final int size;
    private final boolean[] pruned;
    private final int prunedCount;

    private Pruning(boolean[] pruned, int prunedCount) {
        this.size = pruned.length;
        this.pruned = pruned;
        this.prunedCount = prunedCount;
    }

    /**
     * Draws a mask that prunes exactly {@code round(fraction·size)} of {@code size} weights, chosen uniformly
     * without replacement.
     *
     * @param size number of weights, at least 1
     * @param fraction the pruned fraction, in [0, 1]
     * @param random the stream (normally {@code streams.stream(Pruning.STREAM, layer)})
     * @return the mask
     */
    public static Pruning random(int size, double fraction, UniformRandomProvider random) {
        Checks.positive("size", size);
        Checks.inClosedRange("pruneFraction", fraction, 0.0, 1.0);
        Checks.notNull("random", random);
        int count = (int) Math.round(fraction * size);
        boolean[] pruned = new boolean[size];
        if (count > 0) {
            int[] chosen = new PermutationSampler(random, size, count).sample();
            for (int index : chosen) {
                pruned[index] = true;
            }
        }
        return new Pruning(pruned, count);
    }

    /**
     * A mask that prunes nothing.
     *
     * @param size number of weights, at least 1
     * @return the mask
     */
    public static Pruning none(int size) {
        return new Pruning(new boolean[Checks.positive("size", size)], 0);
    }

    /** Number of weights the mask covers. */
    public int size() {
        return size;
    }

    /** Number of pruned weights. */
    public int prunedCount() {
        return prunedCount;
    }

    /** Whether any weight is pruned. */
    public boolean active() {
        return prunedCount > 0;
    }

    /**
     * Whether one weight is pruned.
     *
     * @param index row-major weight index, in [0, size)
     * @return true when the weight is held at zero
     */
    public boolean isPruned(int index) {
        return pruned[java.util.Objects.checkIndex(index, size)];
    }

    /**
     * Sets the pruned weights to zero (before programming them into a crossbar).
     *
     * @param weights row-major weights, at least {@code size} values; modified in place
     */
    public void zero(float[] weights) {
        mask(weights);
    }

    /**
     * Sets the entries of pruned weights to zero in a gradient or a weight change, so that pruned cells are never
     * written.
     *
     * @param values row-major, at least {@code size} values; modified in place
     */
    public void mask(float[] values) {
        Checks.isTrue(values.length >= size, "values must hold %d entries, got %d", size, values.length);
        if (prunedCount == 0) {
            return;
        }
        for (int k = 0; k < size; k++) {
            if (pruned[k]) {
                values[k] = 0f;
            }
        }
    }

    @Override
    public String toString() {
        return "Pruning[" + prunedCount + " of " + size + "]";
    }
}
