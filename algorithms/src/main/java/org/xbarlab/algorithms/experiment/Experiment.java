package org.xbarlab.algorithms.experiment;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;

/**
 * An experiment of {@code xbarlab run}: load the data, build the network on the crossbars the factory gives, train,
 * evaluate, and return what was measured. Every experiment can checkpoint between mini-batches and resume from a
 * checkpoint with the same results, bit for bit, as a run never interrupted (wall times aside).
 */
public interface Experiment {

    /**
     * Runs the experiment, checkpointing as {@code checkpointing} says and starting from its checkpoint when it
     * resumes.
     *
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     * @param dataDirectory where the data sets are (ignored for the synthetic set)
     * @param listener receives the progress of every epoch, with the latest test accuracy in its task names
     * @param log receives one line per epoch and per evaluation
     * @param checkpointing when to checkpoint, and whether to resume
     * @return what was measured; a numerical failure or a requested stop ends the run early with
     *     {@code completed = false}
     */
    ExperimentResult run(CrossbarFactory factory, RngStreams streams, Path dataDirectory, Progress listener,
                         Consumer<String> log, Checkpointing checkpointing);

    /**
     * Runs the experiment from the start without checkpoints.
     *
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     * @param dataDirectory where the data sets are (ignored for the synthetic set)
     * @param listener receives the progress of every epoch
     * @param log receives one line per epoch and per evaluation
     * @return what was measured
     */
    default ExperimentResult run(CrossbarFactory factory, RngStreams streams, Path dataDirectory, Progress listener,
                                 Consumer<String> log) {
        return run(factory, streams, dataDirectory, listener, log, Checkpointing.none());
    }
}
