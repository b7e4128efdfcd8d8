package org.xbarlab.reports.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.core.Checks;

/**
 * One run of a sweep (one line of {@code results.jsonl}, one row of {@code results.csv}) or one single run
 * ({@code result.json}, as point 0, trial 0).
 *
 * @param point the grid point, from 0
 * @param trial the trial, from 0
 * @param seed the run's root seed
 * @param status {@code completed}, {@code interrupted} or {@code failed}; not null
 * @param parameters the value of every swept path, in the sweep's order; not null, copied (unmodifiable)
 * @param metrics the recorded metrics by name, a null value when the run did not produce it; not null, copied
 *        (unmodifiable, null values allowed)
 * @param wallSeconds the run's wall time (s), or null when unknown
 * @param error the failure message of a failed run, or null
 * @param result the run's {@code result.json} (metrics, cost, provenance), or null (failed runs; CSV input)
 */
public record SweepRecord(int point, int trial, long seed, String status, Map<String, JsonNode> parameters,
                          Map<String, Double> metrics, Double wallSeconds, String error, JsonNode result) {

    /** Status of a run that threw. */
    public static final String FAILED = "failed";

    /** Validates and copies. */
    public SweepRecord {
        Checks.nonNegative("point", point);
        Checks.nonNegative("trial", trial);
        Checks.notNull("status", status);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull("parameters", parameters)));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull("metrics", metrics)));
    }

    /**
     * Whether the run finished (completed or interrupted by its own stopping rule) rather than failed.
     *
     * @return {@code status != failed}
     */
    public boolean finished() {
        return !FAILED.equals(status);
    }

    /**
     * A number of this run: the recorded metric of that name, else the number at that dotted path of the result
     * ({@code cost.inference.energyPerSampleJoules}, {@code metrics.wallSeconds}).
     *
     * @param name a metric name or a dotted path into {@code result.json}, not null
     * @return the number (possibly NaN), or empty when absent or not a number
     */
    public OptionalDouble value(String name) {
        Objects.requireNonNull(name, "name");
        Double recorded = metrics.get(name);
        if (recorded != null) {
            return OptionalDouble.of(recorded);
        }
        if (result == null || name.isEmpty()) {
            return OptionalDouble.empty();
        }
        return number(result.at("/" + name.replace('.', '/')));
    }

    /**
     * A JSON number, or one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity} (how Jackson writes
     * non-finite doubles).
     *
     * @param node a node, not null
     * @return the number, or empty
     */
    public static OptionalDouble number(JsonNode node) {
        if (node.isNumber()) {
            return OptionalDouble.of(node.doubleValue());
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return OptionalDouble.of(Double.NaN);
                case "Infinity":
                    return OptionalDouble.of(Double.POSITIVE_INFINITY);
                case "-Infinity":
                    return OptionalDouble.of(Double.NEGATIVE_INFINITY);
                default:
                    return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }
}
