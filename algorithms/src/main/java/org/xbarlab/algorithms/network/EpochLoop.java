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
    private int batchesDone;
    private double lossSum;
    private long pulses;
    private double secondsBefore;

    /**
     * @param order the epoch's sample order (kept, not copied)
     * @param streams the epoch's random streams (kept; their positions are written)
     */
    public EpochLoop(int[] order, UniformRandomProvider... streams) {
        this.order = Checks.notNull("order", order);
        this.streams = streams.clone();
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

    /** Wall seconds the epoch ran before it was last resumed (0 for an epoch not resumed). */
    public double secondsBefore() {
        return secondsBefore;
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
     * Notes the wall time spent so far, to be written with the rest.
     *
     * @param seconds wall seconds of this epoch so far
     */
    public void elapsed(double seconds) {
        secondsBefore = seconds;
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
        out.writeDouble("secondsBefore", secondsBefore);
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
    }
}
