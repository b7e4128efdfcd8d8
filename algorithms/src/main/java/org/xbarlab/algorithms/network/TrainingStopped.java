package org.xbarlab.algorithms.network;

/**
 * Thrown by a training loop when its {@link BatchBoundary} asked it to stop (an interrupted run that has written its
 * checkpoint); the experiment catches it and reports the run as interrupted.
 */
public final class TrainingStopped extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batchesDone;

    /**
     * @param epoch the epoch index, from 0
     * @param batchesDone mini-batches of that epoch done
     */
    public TrainingStopped(int epoch, int batchesDone) {
        super("training stopped after mini-batch " + batchesDone + " of epoch " + (epoch + 1), null, false, false);
        this.epoch = epoch;
        this.batchesDone = batchesDone;
    }

    /** The epoch index, from 0. */
    public int epoch() {
        return epoch;
    }

    /** Mini-batches of that epoch done. */
    public int batchesDone() {
        return batchesDone;
    }
}
