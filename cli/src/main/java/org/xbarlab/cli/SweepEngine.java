package org.xbarlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the runs of a sweep execute, other than the built-in local thread pool ({@code --engine local}): a service
 * found by {@link java.util.ServiceLoader} under its {@link #name()}, so that the core {@code xbarlab} jar carries
 * no engine's dependencies. The {@code cluster} module provides {@code spark} (docs/cluster.md).
 *
 * <p>The driver ({@code xbarlab sweep}) expands the grid, reads the journal and resolves every pending run exactly
 * as the local engine does, and gives the engine only the runs not yet recorded, as {@link SweepTask}s. The engine
 * executes each task ({@link SweepTask#execute}) somewhere and hands every {@link SweepTaskResult} to the sink as
 * soon as it has it; the driver records it in {@code results.jsonl}, once per run key: a result delivered twice (a
 * retried or speculative task) is ignored. Results are bit-identical to a local run because each task carries its
 * own resolved config with its own seed, from which every random stream of the run is derived by name.
 *
 * <p>Implementations need a public no-argument constructor and a line in
 * {@code META-INF/services/org.xbarlab.cli.SweepEngine}.
 */
public interface SweepEngine {

    /**
     * The name given to {@code --engine}.
     *
     * @return a lower-case word, for example {@code spark}
     */
    String name();

    /**
     * Checks the engine's settings before the sweep writes anything, so that a mistake stops it at once.
     *
     * @param master the {@code --master} value, or null
     * @param options the {@code --engine-option} settings
     * @throws org.xbarlab.core.config.ConfigException if a setting is invalid or missing; the message names it
     */
    default void checkSettings(String master, Map<String, String> options) {
    }

    /**
     * Executes the tasks of a job and hands each result to {@code sink}, from any thread, as each finishes.
     * Returns when every task has delivered a result. A large sweep comes as several jobs, one after the other.
     *
     * @param job the tasks and the engine's settings
     * @param sink receives each result; may throw {@link java.io.UncheckedIOException} when it cannot record it,
     *        which should end the job
     * @throws InterruptedException if the calling thread is interrupted while waiting
     * @throws org.xbarlab.core.config.ConfigException if the engine's settings are invalid (nothing has run)
     * @throws EngineFailure if the engine could not execute some task (an executor lost too often, say); the results
     *         delivered before stay recorded and {@code --resume} runs the rest
     */
    void run(Job job, Consumer<SweepTaskResult> sink) throws InterruptedException;

    /**
     * A set of runs for an engine.
     *
     * @param sweepName the sweep's name, for the engine's job name
     * @param tasks the runs to execute, in grid order, each key once
     * @param outDirectory the sweep's output directory on the driver
     * @param dataDirectory the data directory on the driver ({@code --data-dir})
     * @param dataSets identifiers of the downloaded data sets the tasks read (folders of {@code dataDirectory}, for
     *        example {@code mnist}); empty when they only use generated data
     * @param master where to run ({@code --master}, for Spark a master URL such as {@code local[2]} or
     *        {@code spark://host:7077}), or null for the engine's default
     * @param options engine settings ({@code --engine-option KEY=VALUE}; a key given twice keeps its last value)
     */
    record Job(String sweepName, List<SweepTask> tasks, Path outDirectory, Path dataDirectory,
               List<String> dataSets, String master, Map<String, String> options) {

        /** Copies the lists and the map; checks for nulls. */
        public Job {
            Objects.requireNonNull(sweepName, "sweepName");
            tasks = List.copyOf(tasks);
            Objects.requireNonNull(outDirectory, "outDirectory");
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            dataSets = List.copyOf(dataSets);
            options = Map.copyOf(options);
        }
    }

    /**
     * The engine could not execute every task: an infrastructure failure, not a run's failure (a run that throws is
     * a recorded {@code failed} line). The message says what happened; the sweep can be resumed.
     */
    final class EngineFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * @param message what failed
         * @param cause the engine's exception
         */
        public EngineFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
