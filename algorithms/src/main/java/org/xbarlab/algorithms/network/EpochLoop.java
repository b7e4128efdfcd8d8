package org.xbarlab.algorithms.network;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.StateWriter;
import org.xbarlab.core.state.Stateful;

/**
 * The place of a training loop inside one epoch: the epoch's sample order, the epoch's random streams (dropout,
 * the sign of β, …) at their current positions, how many mini-batches are done and the running loss and pulse
 * sums. What a checkpoint written between two mini-batches needs, besides the network, to continue the epoch bit
 * for bit.
 */
public final class EpochLoop implements Stateful {

    private final int[] order;
    private final UniformRandomProvider[] streams;
    private boolean resumed;
    private int batchesDone;
    private double lossSum;
    private long pulses;
    /** Wall seconds the epoch ran before this loop object (by earlier processes, when resumed). */
    private double secondsBefore;
    /** When this loop object started (or was restored) counting wall time. */
    private long startedNanos = System.nanoTime();

    /**
     * @param order the epoch's sample order (kept, not copied)
     * @param streams the epoch's random streams (kept; their positions are written)
     */
    public EpochLoop(int[] order, UniformRandomProvider... streams) {
        this.order = Checks.notNull("order", order);
        this.streams = streams.clone();
    }

    /**
     * Starts an epoch over samples {@code 0 .. samples−1}: in a fresh order shuffled by {@code shuffle}, or at the
     * place a checkpoint recorded (its order, streams and sums).
     *
     * @param samples number of samples, positive
     * @param shuffle the epoch's shuffle stream (not used when resuming)
     * @param resume a checkpoint positioned at the loop's record ({@code epochLoop}), or null to start the epoch
     * @param streams the epoch's other streams, in a fixed order
     * @return the loop; {@link #resumed()} tells which
     */
    public static EpochLoop begin(int samples, UniformRandomProvider shuffle, StateReader resume,
                                  UniformRandomProvider... streams) {
        Checks.positive("samples", samples);
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        return begin(order, shuffle, resume, streams);
    }

    /**
     * Starts an epoch over the given samples, shuffled by {@code shuffle}, or resumes it from a checkpoint.
     *
     * @param order the samples in their initial order; shuffled in place, or overwritten by the checkpoint's order
     * @param shuffle the epoch's shuffle stream (not used when resuming)
     * @param resume a checkpoint positioned at the loop's record ({@code epochLoop}), or null to start the epoch
     * @param streams the epoch's other streams, in a fixed order
     * @return the loop, whose {@link #order()} is {@code order}; {@link #resumed()} tells which
     */
    public static EpochLoop begin(int[] order, UniformRandomProvider shuffle, StateReader resume,
                                  UniformRandomProvider... streams) {
        Checks.positive("samples", Checks.notNull("order", order).length);
        EpochLoop loop = new EpochLoop(order, streams);
        if (resume == null) {
            org.apache.commons.rng.sampling.PermutationSampler.shuffle(shuffle, loop.order);
        } else {
            resume.readState("epochLoop", loop);
            loop.resumed = true;
        }
        return loop;
    }

    /** Whether this loop continues from a checkpoint (else the epoch starts: reset what an epoch resets). */
    public boolean resumed() {
        return resumed;
    }

    /** The sample order. */
    public int[] order() {
        return order;
    }

    /**
     * One of the epoch's streams.
     *
     * @param index its index in the constructor's list
     * @return the live stream
     */
    public UniformRandomProvider stream(int index) {
        return streams[index];
    }

    /** Mini-batches of the epoch done so far. */
    public int batchesDone() {
        return batchesDone;
    }

    /** Sum of the mini-batch losses so far. */
    public double lossSum() {
        return lossSum;
    }

    /** Write pulses fired so far. */
    public long pulses() {
        return pulses;
    }

    /** Wall seconds the epoch has run so far, across resumptions. */
    public double seconds() {
        return secondsBefore + (System.nanoTime() - startedNanos) * 1e-9;
    }

    /**
     * Records a finished mini-batch.
     *
     * @param loss its loss
     * @param pulsesFired its write pulses
     */
    public void batchDone(double loss, long pulsesFired) {
        batchesDone++;
        lossSum += loss;
        pulses += pulsesFired;
    }

    /**
     * Hands the loop's place to the boundary after a mini-batch (which may write a checkpoint) and stops the loop
     * when the boundary asks to.
     *
     * @param boundary the training's boundary
     * @param epoch the epoch index, from 0
     * @param batches the epoch's number of mini-batches
     * @throws TrainingStopped if the boundary asked to stop
     */
    public void afterBatch(BatchBoundary boundary, int epoch, int batches) {
        if (boundary.reached(epoch, this, batches)) {
            throw new TrainingStopped(epoch, batchesDone);
        }
    }

    @Override
    public void saveState(StateWriter out) {
        out.writeInts("order", order);
        out.writeInt("streams", streams.length);
        for (UniformRandomProvider stream : streams) {
            out.writeRandom("stream", stream);
        }
        out.writeInt("batchesDone", batchesDone);
        out.writeDouble("lossSum", lossSum);
        out.writeLong("pulses", pulses);
        out.writeDouble("secondsBefore", seconds());
    }

    @Override
    public void restoreState(StateReader in) {
        in.readInts("order", order);
        int count = in.readInt("streams");
        if (count != streams.length) {
            throw new org.xbarlab.core.state.CheckpointException("the checkpoint's epoch has " + count
                    + " random streams, this training loop " + streams.length);
        }
        for (UniformRandomProvider stream : streams) {
            in.readRandom("stream", stream);
        }
        batchesDone = in.readInt("batchesDone");
        lossSum = in.readDouble("lossSum");
        pulses = in.readLong("pulses");
        secondsBefore = in.readDouble("secondsBefore");
        startedNanos = System.nanoTime();
    }
}
