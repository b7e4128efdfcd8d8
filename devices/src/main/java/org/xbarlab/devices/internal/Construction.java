package org.xbarlab.devices.internal;

import java.util.Arrays;

import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

/**
 * The construction draws of one population: each per-device quantity (a "field") has its own stream
 * {@code streams.stream(DEVICES_CONSTRUCTION, indices..., field)}, so adding a field never changes the others'
 * numbers, and a field whose spread is zero draws nothing.
 */
public final class Construction {

    /** Field numbers; part of the results format. */
    public static final int STEP_GAIN = 0;
    /** Up/down asymmetry spread. */
    public static final int STEP_ASYMMETRY = 1;
    /** Upper bound. */
    public static final int BOUND_MAX = 2;
    /** Lower bound. */
    public static final int BOUND_MIN = 3;
    /** Potentiation shape. */
    public static final int SHAPE_UP = 4;
    /** Depression shape (or second shape normal). */
    public static final int SHAPE_DOWN = 5;
    /** Stuck-at faults (uniform). */
    public static final int FAULTS = 6;
    /** Retention time constant. */
    public static final int RETENTION_TIME = 7;
    /** Retention rest conductance. */
    public static final int RETENTION_REST = 8;

    private final RngStreams streams;
    private final long[] indices;

    /**
     * @param streams the run's streams, not null
     * @param indices the caller's indices (for example array and tile), not null
     */
    public Construction(RngStreams streams, long[] indices) {
        this.streams = streams;
        this.indices = indices.clone();
    }

    private long[] key(int field) {
        long[] key = Arrays.copyOf(indices, indices.length + 1);
        key[indices.length] = field;
        return key;
    }

    /**
     * Fills {@code out} with standard normals of a field.
     *
     * @param field the field number
     * @param out the array, filled completely
     */
    public void normals(int field, float[] out) {
        RandomFill.normal(streams.stream(StreamNames.DEVICES_CONSTRUCTION, key(field)), out, 0, out.length, 0f, 1f);
    }

    /**
     * Fills {@code out} with uniforms in [0, 1) of a field.
     *
     * @param field the field number
     * @param out the array, filled completely
     */
    public void uniforms(int field, float[] out) {
        RandomFill.uniform(streams.stream(StreamNames.DEVICES_CONSTRUCTION, key(field)), out, 0, out.length, 0f, 1f);
    }
}
