package org.xbarlab.devices.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/**
 * Standard normal deviates handed out one by one from a buffer that is refilled in bulk with
 * {@link RandomFill#normal}. {@link #reset(UniformRandomProvider)} at the start of every operation discards what is
 * left, so the numbers an operation uses depend only on the generator it was given and on the order in which it
 * consumes them. The refills of one operation grow from {@link #FIRST_REFILL_LENGTH} to {@link #BUFFER_LENGTH}
 * deviates, so an operation that needs a few deviates (a sparse pulsed update of a tile) draws a few, and one that
 * needs many draws them in large blocks. The deviates handed out do not depend on the block sizes (the fill is
 * sequential); the generator's position after the operation does. Not thread-safe.
 */
public final class NormalSource {

    /**
     * Largest refill, in deviates. With {@link #FIRST_REFILL_LENGTH} part of the results format (changing either
     * changes how far an operation advances its generator, so which numbers later operations use).
     */
    public static final int BUFFER_LENGTH = 4096;

    /** First refill of an operation, in deviates; each further refill doubles, up to {@link #BUFFER_LENGTH}. */
    public static final int FIRST_REFILL_LENGTH = 64;

    private final float[] buffer = new float[BUFFER_LENGTH];
    private int position;
    private int filled;
    private UniformRandomProvider random;

    /**
     * Starts an operation with a new generator.
     *
     * @param generator the operation's generator, not null
     */
    public void reset(UniformRandomProvider generator) {
        random = generator;
        position = 0;
        filled = 0;
    }

    /**
     * The next standard normal deviate.
     *
     * @return a deviate
     */
    public float next() {
        if (position == filled) {
            filled = filled == 0 ? FIRST_REFILL_LENGTH : Math.min(2 * filled, BUFFER_LENGTH);
            RandomFill.normal(random, buffer, 0, filled, 0f, 1f);
            position = 0;
        }
        return buffer[position++];
    }
}
