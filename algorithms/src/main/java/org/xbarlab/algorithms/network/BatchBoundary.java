package org.xbarlab.algorithms.network;

/**
 * Where a training loop may be checkpointed and stopped: after every mini-batch the loop hands its place
 * ({@link EpochLoop}) to the boundary, which may write a checkpoint and may ask the loop to stop.
 */
@FunctionalInterface
public interface BatchBoundary {

    /** A boundary that never checkpoints or stops. */
    BatchBoundary NONE = (epoch, loop, batches) -> false;

    /**
     * Called after every mini-batch.
     *
     * @param epoch the epoch index, from 0
     * @param loop the loop's place (its {@link EpochLoop#batchesDone()} counts the batch just finished)
     * @param batches the epoch's number of mini-batches
     * @return true to stop training here: the loop throws {@link TrainingStopped}
     */
    boolean reached(int epoch, EpochLoop loop, int batches);
}
