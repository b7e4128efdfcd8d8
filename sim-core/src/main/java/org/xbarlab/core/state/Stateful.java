package org.xbarlab.core.state;

/**
 * An object whose mutable state can be checkpointed. The contract: an object built afresh from the same config and
 * root seed, then given {@link #restoreState} of what {@link #saveState} wrote, behaves bit for bit like the object
 * that wrote it. Whatever the constructor derives deterministically (per-device parameters drawn at construction,
 * sizes, constants) is not written; whatever changes after construction (conductances, caches updated
 * incrementally, counters, random-generator positions) is.
 */
public interface Stateful {

    /**
     * Writes the mutable state.
     *
     * @param out where to write, not null
     */
    void saveState(StateWriter out);

    /**
     * Reads back what {@link #saveState} wrote, in the same order, into this object.
     *
     * @param in where to read, not null
     * @throws CheckpointException if the records do not match this object (another config, a damaged file)
     */
    void restoreState(StateReader in);
}
