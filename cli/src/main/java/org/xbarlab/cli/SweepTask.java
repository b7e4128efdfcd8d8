package org.xbarlab.cli;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.core.config.ConfigMapper;

/**
 * One run of a sweep (a point × trial), as the driver sends it to a {@link SweepEngine}: everything an executor
 * needs to produce the same {@code results.jsonl} line as the local engine, with no access to the sweep file, its
 * base or the driver's output directory.
 *
 * <p>Immutable, serializable (Java serialization, as Spark ships tasks) and small: the config is JSON text.
 *
 * @param sweepName the sweep's name (the line's {@code sweep})
 * @param point the point's index in the grid
 * @param trial the trial's index within the point
 * @param key the run's key, {@code pPPPP-tTT}: its directory name under {@code DIR/runs/} and its identity in the
 *        journal
 * @param seed the run's root seed (also in the config); every random stream of the run derives from it
 * @param parametersJson the point's swept values as a JSON object (the line's {@code parameters})
 * @param metrics the metrics recorded per run, dotted paths into {@code result.json}
 * @param configJson the run's resolved experiment config as JSON, as {@link SweepPlan#resolve} returned it
 * @param commandLine the sweep's command line, for the provenance of the run
 */
public record SweepTask(String sweepName, int point, int trial, String key, long seed, String parametersJson,
                        List<String> metrics, String configJson, List<String> commandLine) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks for nulls; copies the lists. */
    public SweepTask {
        Objects.requireNonNull(sweepName, "sweepName");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(parametersJson, "parametersJson");
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(configJson, "configJson");
        commandLine = List.copyOf(commandLine);
    }

    /**
     * The task of one run of a plan: resolves the run's config.
     *
     * @param plan the sweep
     * @param run the run
     * @param commandLine the command line
     * @return the task
     * @throws org.xbarlab.core.config.ConfigException if the run's config is invalid
     */
    static SweepTask of(SweepPlan plan, SweepGrid.Run run, List<String> commandLine) {
        ExperimentConfig config = plan.resolve(run);
        ObjectNode parameters = ConfigMapper.jsonMapper().createObjectNode();
        run.point().values().forEach(parameters::set);
        try {
            return new SweepTask(plan.config().name(), run.point().index(), run.trial(), run.key(), run.seed(),
                    ConfigMapper.jsonMapper().writeValueAsString(parameters), plan.config().metrics(),
                    ConfigMapper.jsonMapper().writeValueAsString(ConfigMapper.valueToTree(config)), commandLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the experiment in {@code scratch/KEY/} (deleted afterwards) and returns the line the local engine would
     * journal for it, with the run's log. A run that throws gives a {@code failed} line, as locally; this method
     * itself only throws when the scratch directory cannot be used.
     *
     * <p>Thread-safe: several tasks may run at once in one JVM, each single-threaded inside.
     *
     * @param scratch a local directory for the run's files
     * @param dataDirectory the data directory on this machine
     * @return the run's line and log
     * @throws UncheckedIOException if {@code scratch} cannot be written
     */
    public SweepTaskResult execute(Path scratch, Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Path directory = scratch.resolve(key);
        try {
            deleteTree(directory);
            ObjectNode parameters = (ObjectNode) ConfigMapper.jsonMapper().readTree(parametersJson);
            JsonNode line = SweepRunner.executeRun(sweepName, point, trial, key, seed, parameters, metrics,
                    () -> ConfigMapper.treeToValue(readTree(configJson), ExperimentConfig.class,
                            "the config of sweep run " + key),
                    directory, SweepRunner.experiments(dataDirectory, commandLine), commandLine);
            Path log = directory.resolve(SweepRunner.LOG_FILE);
            String logText = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            return new SweepTaskResult(key, ConfigMapper.jsonMapper().writeValueAsString(line), logText);
        } catch (IOException e) {
            throw new UncheckedIOException("sweep run " + key + ": cannot use " + directory + ": " + e.getMessage(),
                    e);
        } finally {
            try {
                deleteTree(directory);
            } catch (IOException ignored) {
                // Scratch space; the result is already in memory.
            }
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return ConfigMapper.jsonMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
