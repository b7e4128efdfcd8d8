package org.xbarlab.devices.internal;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.random.RandomFill;

/**
 * Standard normal deviates handed out one by one from a buffer that is refilled in bulk with
 * {@link RandomFill#normal}. {@link #reset(UniformRandomProvider)} at the start of every operation discards what is
 * left, so the numbers an operation uses depend only on the generator it was given and on the order in which it
 * consumes them. Not thread-safe.
 */
public final class NormalSource {

    /** Deviates drawn per refill; part of the results format (changing it changes which numbers are used). */
    public static final int BUFFER_LENGTH = 4096;

    private final float[] buffer = new float[BUFFER_LENGTH];
    private int position = BUFFER_LENGTH;
    private UniformRandomProvider random;

    /**
     * Starts an operation with a new generator.
     *
     * @param generator the operation's generator, not null
     */
    public void reset(UniformRandomProvider generator) {
        random = generator;
        position = BUFFER_LENGTH;
    }

    /**
     * The next standard normal deviate.
     *
     * @return a deviate
     */
    public float next() {
        if (position == BUFFER_LENGTH) {
            RandomFill.normal(random, buffer, 0, BUFFER_LENGTH, 0f, 1f);
            position = 0;
        }
        return buffer[position++];
    }
}
