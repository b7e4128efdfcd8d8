package org.xbarlab.algorithms.experiment;

import java.util.ArrayList;
import java.util.List;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.state.CheckpointException;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.StateWriter;
import org.xbarlab.core.state.Stateful;

/**
 * What an experiment has measured so far and where it is, as a checkpoint holds it: the epoch being trained, the
 * epochs' results, the evaluations and a few named counters (inference samples, evaluations fitted, …).
 */
final class ExperimentState implements Stateful {

    private final List<EpochResult> epochs = new ArrayList<>();
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final String[] counterNames;
    private final long[] counters;
    private int epoch;

    /**
     * @param counterNames the counters' names, in the order they are written
     */
    ExperimentState(String... counterNames) {
        this.counterNames = counterNames.clone();
        this.counters = new long[counterNames.length];
    }

    /** The epochs' results so far (live). */
    List<EpochResult> epochs() {
        return epochs;
    }

    /** The evaluations so far (live). */
    List<Evaluation> evaluations() {
        return evaluations;
    }

    /** The epoch being trained, from 0 (where a resumed run goes on). */
    int epoch() {
        return epoch;
    }

    void epoch(int value) {
        epoch = value;
    }

    /** A counter's value. */
    long counter(int index) {
        return counters[index];
    }

    /** Adds to a counter. */
    void add(int index, long amount) {
        counters[index] += amount;
    }

    @Override
    public void saveState(StateWriter out) {
        out.writeInt("epoch", epoch);
        Checkpointing.writeEpochs(out, epochs);
        Checkpointing.writeEvaluations(out, evaluations);
        out.writeInt("counters", counters.length);
        for (int i = 0; i < counters.length; i++) {
            out.writeLong(counterNames[i], counters[i]);
        }
    }

    @Override
    public void restoreState(StateReader in) {
        epoch = in.readInt("epoch");
        epochs.clear();
        epochs.addAll(Checkpointing.readEpochs(in));
        evaluations.clear();
        evaluations.addAll(Checkpointing.readEvaluations(in));
        int count = in.readInt("counters");
        if (count != counters.length) {
            throw new CheckpointException("the checkpoint's experiment has " + count + " counters, this one "
                    + counters.length);
        }
        for (int i = 0; i < counters.length; i++) {
            counters[i] = in.readLong(counterNames[i]);
        }
    }
}
