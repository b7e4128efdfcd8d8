package org.xbarlab.algorithms.experiment;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.NumericalFailureException;
import org.xbarlab.core.state.CheckpointFile;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.Stateful;

/**
 * The epoch loop of the experiments that train a network and evaluate a read-out (WTA, Hebbian, MUSCLE, CNN): resume
 * from a checkpoint, evaluate the untrained network when asked, train the remaining epochs with checkpoints between
 * mini-batches, log each epoch and evaluate after the last and every {@code everyEpochs}. A numerical failure or a
 * requested stop ends the loop with what was measured so far. What comes after training (evaluations of the
 * untrained network when there are no epochs, evaluations later in time) stays with each experiment.
 */
final class TrainingLoop {

    /** Trains one epoch. */
    @FunctionalInterface
    interface Epoch {
        /**
         * @param epoch the epoch, from 0
         * @param boundary may checkpoint after a mini-batch and stop the epoch
         * @param resume a checkpoint positioned at the epoch's loop state, or null to start the epoch
         * @return what the epoch did
         */
        EpochResult train(int epoch, BatchBoundary boundary, StateReader resume);
    }

    private TrainingLoop() {
    }

    /**
     * Runs the epochs.
     *
     * @param state the experiment's state (its epochs and evaluations are appended to)
     * @param trained what the checkpoints hold besides the state
     * @param checkpointing when to checkpoint, and whether to resume
     * @param evaluation the untrained baseline and the evaluation interval
     * @param epochs epochs to train in all
     * @param samples training samples per epoch
     * @param batchSize samples per mini-batch
     * @param lossName what the epoch's mean loss is called in the log
     * @param epoch trains one epoch
     * @param evaluate evaluates the network after the given number of epochs (0: untrained)
     * @param inferenceSamples the inference samples counted so far, for a result that ends early
     * @param log receives one line per epoch
     * @return null when every epoch ran; otherwise the result up to the failure or the stop, not completed
     */
    static ExperimentResult run(ExperimentState state, Stateful trained, Checkpointing checkpointing,
                                EvaluationConfig evaluation, int epochs, int samples, int batchSize, String lossName,
                                Epoch epoch, IntConsumer evaluate, LongSupplier inferenceSamples,
                                Consumer<String> log) {
        List<EpochResult> results = state.epochs();
        List<Evaluation> evaluations = state.evaluations();
        CheckpointFile.Reading reading = checkpointing.resume(state, trained, log);
        int firstEpoch = state.epoch();
        if (reading == null && evaluation.untrainedBaseline() && epochs > 0) {
            evaluate.accept(0);
        }
        BatchBoundary boundary = checkpointing.boundary(state, trained);
        try {
            for (int e = firstEpoch; e < epochs; e++) {
                state.epoch(e);
                EpochResult result;
                try {
                    result = epoch.train(e, boundary, reading != null && e == firstEpoch ? reading.reader() : null);
                } catch (NumericalFailureException failure) {
                    // Keep what was measured; the caller writes it as a failed result.
                    return new ExperimentResult(results, evaluations, (long) e * samples,
                            inferenceSamples.getAsLong(), false, failure.getMessage());
                } catch (TrainingStopped stopped) {
                    long done = (long) e * samples + Math.min((long) stopped.batchesDone() * batchSize, samples);
                    return new ExperimentResult(results, evaluations, done, inferenceSamples.getAsLong(), false);
                }
                results.add(result);
                log.accept(String.format(Locale.ROOT, "epoch %d/%d: %s %.5g, %.1f s, %d pulses", e + 1, epochs,
                        lossName, result.meanLoss(), result.wallSeconds(), result.pulsesFired()));
                boolean last = e + 1 == epochs;
                boolean due = evaluation.everyEpochs() > 0 && (e + 1) % evaluation.everyEpochs() == 0;
                if (last || due) {
                    evaluate.accept(e + 1);
                }
            }
        } finally {
            if (reading != null) {
                reading.close();
            }
        }
        return null;
    }
}
