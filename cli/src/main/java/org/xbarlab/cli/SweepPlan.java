package org.xbarlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.random.RngStreams;

/**
 * A sweep ready to run: the sweep with its base experiment read inline and its root seed fixed, the expanded
 * grid, and the resolution of each run's experiment config (the base laid over the experiment defaults, then the
 * sweep's {@code baseOverrides}, then the point's values, then the run's seed — exactly what
 * {@code xbarlab run BASE --set ... --seed S} would resolve).
 *
 * <p>When a swept path or a base override reaches into {@code chip.device.} and the base names a device preset,
 * the preset is first replaced by its full device config, so that a preset's parameters can be swept
 * ({@code chip.device.variation.cycleToCycleWindowFraction} on {@code "devicePreset": "ag-a-si"}).
 *
 * <p>Immutable and thread-safe.
 */
final class SweepPlan {

    private static final String DEVICE_PREFIX = "chip.device.";
    private static final String PRESET_PATH = "chip.devicePreset";

    private final SweepConfig config;
    private final String baseSource;
    private final JsonNode experimentTree;
    private final SweepGrid grid;

    private SweepPlan(SweepConfig config, String baseSource, JsonNode experimentTree, SweepGrid grid) {
        this.config = config;
        this.baseSource = baseSource;
        this.experimentTree = experimentTree;
        this.grid = grid;
    }

    /**
     * Reads a sweep file.
     *
     * @param file the sweep file (JSON or YAML)
     * @return the sweep, validated
     * @throws ConfigException if the file is not a valid sweep
     */
    static SweepConfig read(Path file) {
        return ConfigMapper.read(file, SweepConfig.class);
    }

    /**
     * Prepares a sweep: reads a base given by file name (relative to {@code directory}), fixes the root seed
     * (the sweep's, else a fresh one) and expands the grid. Nothing is validated beyond the sweep itself; call
     * {@link #validateAll()}.
     *
     * @param sweep the sweep
     * @param directory where a base file name is resolved (the sweep file's directory), not null
     * @return the plan
     * @throws ConfigException if the base file cannot be read
     */
    static SweepPlan prepare(SweepConfig sweep, Path directory) {
        JsonNode base = sweep.base();
        String source;
        if (base.isTextual()) {
            Path file = directory.resolve(base.asText());
            source = file.toString();
            base = ConfigMapper.readTree(file);
            if (!base.isObject()) {
                throw new ConfigException("", -1, source, "an experiment file must hold an object");
            }
        } else {
            source = "base of sweep '" + sweep.name() + "'";
        }
        long seed = sweep.seed() != null ? sweep.seed() : RngStreams.generateRootSeed();
        SweepConfig fixed = sweep.withBaseAndSeed(base, seed);
        return new SweepPlan(fixed, source, experimentTree(fixed, base, source), SweepGrid.expand(fixed, seed));
    }

    private static JsonNode experimentTree(SweepConfig sweep, JsonNode base, String source) {
        List<String> paths = new ArrayList<>(sweep.parameterPaths());
        for (String override : sweep.baseOverrides()) {
            paths.add(override.substring(0, override.indexOf('=')).trim());
        }
        boolean device = paths.stream().anyMatch(path -> path.startsWith(DEVICE_PREFIX));
        boolean preset = paths.stream().anyMatch(path -> path.startsWith(PRESET_PATH));
        if (!device || preset) {
            return base;
        }
        ExperimentConfig resolved = ExperimentRunner.resolve(base, source, ExperimentConfig.defaults(), List.of());
        if (resolved.chip() == null || resolved.chip().devicePreset() == null) {
            return base;
        }
        ObjectNode expanded = base.deepCopy();
        expanded.set("chip", ConfigMapper.valueToTree(resolved.chip().resolved()));
        return expanded;
    }

    /** @return the sweep, with its base inline and its root seed set */
    SweepConfig config() {
        return config;
    }

    /** @return the grid */
    SweepGrid grid() {
        return grid;
    }

    /** @return where the base came from, for messages */
    String baseSource() {
        return baseSource;
    }

    /**
     * The experiment of one run.
     *
     * @param run the run
     * @return its resolved, validated config
     * @throws ConfigException if a value is invalid; the message names the path, the value and the point
     */
    ExperimentConfig resolve(SweepGrid.Run run) {
        List<String> overrides = new ArrayList<>(config.baseOverrides());
        overrides.addAll(run.point().overrides());
        overrides.add("seed=" + run.seed());
        try {
            ExperimentConfig resolved = ExperimentRunner.resolve(experimentTree, baseSource,
                    ExperimentConfig.defaults(), overrides);
            // What run checks before it starts, so that no point of the grid fails on it later.
            ExperimentRunner.checkAgainstData(resolved);
            ExperimentRunner.checkMemory(resolved, Runtime.getRuntime().maxMemory());
            return resolved;
        } catch (ConfigException e) {
            String source = e.source().startsWith("--set ") ? "override " + e.source().substring(6) : e.source();
            throw new ConfigException(e.path(), e.line(), source + " at sweep point " + run.point().index()
                    + " of " + grid.points().size() + " [" + run.point().label() + "]", e.detail(), e);
        }
    }

    /**
     * Resolves the first trial of every point, so that an invalid value stops the sweep before anything runs.
     *
     * @return the config of every point's first trial, in grid order
     * @throws ConfigException for the first invalid point
     */
    List<ExperimentConfig> validateAll() {
        List<ExperimentConfig> configs = new ArrayList<>(grid.points().size());
        for (SweepGrid.Point point : grid.points()) {
            configs.add(resolve(grid.run(point.index(), 0)));
        }
        return configs;
    }

    /**
     * The sweep as recorded in {@code sweep.json}: its canonical tree, base inline and seed set.
     *
     * @return a new tree
     */
    JsonNode recordedSweep() {
        return ConfigMapper.valueToTree(config);
    }
}
