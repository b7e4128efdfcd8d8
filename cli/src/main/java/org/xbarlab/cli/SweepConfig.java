package org.xbarlab.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.core.Checks;

/**
 * A sweep file of {@code xbarlab sweep}: a base experiment, the swept parameters, the number of trials (seeds) per
 * point and the metrics to record. The grid is the Cartesian product of the parameters' values (the first parameter
 * varies slowest), and every point runs {@code trials} times with seeds derived from the root seed
 * ({@link SweepGrid#taskSeed}). Vocabulary after MASON (STYLE.md B10).
 *
 * @param schemaVersion version of this file format, {@value #SCHEMA_VERSION}
 * @param name a label for the sweep, not blank; null means {@code "sweep"}
 * @param base the base experiment: a file name (JSON or YAML, relative to the sweep file's directory) or an inline
 *        experiment object, laid over the experiment defaults as {@code xbarlab run} does; not null
 * @param baseOverrides {@code PATH=VALUE} overrides applied to the base before each point's values (what
 *        {@code --set} does for {@code xbarlab run}); null means none
 * @param parameters the swept parameters, distinct paths, at most {@value #MAX_PARAMETERS}; empty runs the base alone
 *        (useful with several trials); null means none
 * @param trials runs per point with different seeds, 1 to {@value #MAX_TRIALS}; null means 1
 * @param seed the root seed of the sweep; null means generate one (printed and recorded in {@code sweep.json})
 * @param seeding how trial seeds are derived; null means {@link Seeding#PER_TRIAL}
 * @param metrics the numbers recorded per run, as dotted paths into {@code result.json} starting with
 *        {@code metrics.} or {@code cost.} (for example {@code cost.training.energyPerSampleJoules}); null means
 *        {@link #DEFAULT_METRICS}
 */
public record SweepConfig(int schemaVersion, String name, JsonNode base, List<String> baseOverrides,
                          List<SweepParameter> parameters, Integer trials, Long seed, Seeding seeding,
                          List<String> metrics) {

    /** Version of the sweep file format written and read by this build. */
    public static final int SCHEMA_VERSION = 1;

    /** Most swept parameters. */
    public static final int MAX_PARAMETERS = 16;

    /** Most trials per point. */
    public static final int MAX_TRIALS = 10_000;

    /** Most runs (points × trials) in one sweep; a guard against a typo in {@code steps}. */
    public static final long MAX_RUNS = 1_000_000;

    /**
     * The metrics recorded when a sweep names none: the test accuracies (of a supervised network, by direct
     * association, by the linear classifier; a run records null for those it does not evaluate), and energy and
     * latency per sample of training and inference.
     */
    public static final List<String> DEFAULT_METRICS = List.of(
            "metrics.testAccuracy",
            "metrics.testAccuracyDirectAssociation",
            "metrics.testAccuracyLinearClassifier",
            "cost.training.energyPerSampleJoules",
            "cost.training.latencyPerSampleSeconds",
            "cost.inference.energyPerSampleJoules",
            "cost.inference.latencyPerSampleSeconds");

    /** The sections of {@code result.json} that hold numbers a sweep can record. */
    public static final List<String> METRIC_ROOTS = List.of("metrics", "cost");

    private static final Pattern METRIC_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");

    /** How the seed of each run is derived from the sweep's root seed. */
    public enum Seeding {
        /**
         * Trial t of every point gets the same seed: common random numbers, so points differ only by their
         * parameters (the same device population, data order and noise wherever the parameters allow), which makes
         * comparisons between points less noisy (STYLE.md B5).
         */
        @JsonProperty("per-trial")
        PER_TRIAL,
        /** Every point and trial gets its own seed: independent samples. */
        @JsonProperty("per-point")
        PER_POINT
    }

    /** Validates every field and fills in the defaults. */
    public SweepConfig {
        Checks.isTrue(schemaVersion == SCHEMA_VERSION, "schemaVersion must be %d, got %d", SCHEMA_VERSION,
                schemaVersion);
        name = name == null ? "sweep" : name;
        Checks.isTrue(!name.isBlank(), "name must not be blank");
        Checks.notNull("base", base);
        Checks.isTrue(base.isObject() || (base.isTextual() && !base.asText().isBlank()),
                "base must be an experiment file name or an inline experiment object, got %s", base);
        base = base.deepCopy();
        baseOverrides = baseOverrides == null ? List.of() : List.copyOf(Checks.noNullElements("baseOverrides",
                baseOverrides));
        for (int i = 0; i < baseOverrides.size(); i++) {
            Checks.isTrue(baseOverrides.get(i).indexOf('=') > 0, "baseOverrides[%d] must be PATH=VALUE, got '%s'",
                    i, baseOverrides.get(i));
        }
        parameters = parameters == null ? List.of() : List.copyOf(Checks.noNullElements("parameters", parameters));
        Checks.isTrue(parameters.size() <= MAX_PARAMETERS, "parameters must have at most %d elements, got %d",
                MAX_PARAMETERS, parameters.size());
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            Checks.isTrue(paths.add(parameters.get(i).path()), "parameters[%d].path repeats %s", i,
                    parameters.get(i).path());
            Checks.isTrue(!parameters.get(i).path().equals("seed"), "parameters[%d].path must not be seed: every "
                    + "run's seed is derived from the sweep's seed; use trials for several seeds", i);
        }
        trials = trials == null ? 1 : trials;
        Checks.inRange("trials", trials, 1, MAX_TRIALS);
        seeding = seeding == null ? Seeding.PER_TRIAL : seeding;
        metrics = metrics == null ? DEFAULT_METRICS : List.copyOf(Checks.noNullElements("metrics", metrics));
        Checks.notEmpty("metrics", metrics);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            String metric = metrics.get(i);
            Checks.isTrue(METRIC_PATH.matcher(metric).matches()
                            && METRIC_ROOTS.contains(metric.substring(0, metric.indexOf('.'))),
                    "metrics[%d] must be a dotted path into result.json starting with metrics. or cost. (for "
                            + "example metrics.testAccuracyDirectAssociation, cost.training.energyPerSampleJoules), "
                            + "got '%s'", i, metric);
            Checks.isTrue(seen.add(metric), "metrics[%d] repeats %s", i, metric);
        }
        long points = 1;
        for (SweepParameter parameter : parameters) {
            points = Math.multiplyExact(points, parameter.size());
            Checks.isTrue(points * trials <= MAX_RUNS, "parameters give more than %d runs with %d trial(s); split "
                    + "the sweep", MAX_RUNS, trials);
        }
    }

    /**
     * The number of grid points: the product of the parameters' value counts (1 without parameters).
     *
     * @return at least 1
     */
    public long pointCount() {
        long points = 1;
        for (SweepParameter parameter : parameters) {
            points *= parameter.size();
        }
        return points;
    }

    /**
     * The number of runs: points × trials.
     *
     * @return at least 1
     */
    public long runCount() {
        return pointCount() * trials;
    }

    /**
     * The swept paths in order.
     *
     * @return a new list
     */
    public List<String> parameterPaths() {
        List<String> paths = new ArrayList<>(parameters.size());
        for (SweepParameter parameter : parameters) {
            paths.add(parameter.path());
        }
        return paths;
    }

    /**
     * A copy with another base (the resolved inline experiment) and a root seed.
     *
     * @param newBase the base
     * @param newSeed the root seed
     * @return the copy
     */
    public SweepConfig withBaseAndSeed(JsonNode newBase, long newSeed) {
        return new SweepConfig(schemaVersion, name, newBase, baseOverrides, parameters, trials, newSeed, seeding,
                metrics);
    }
}
