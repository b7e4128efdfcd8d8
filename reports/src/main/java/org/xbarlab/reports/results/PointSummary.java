package org.xbarlab.reports.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.core.Checks;

/**
 * A metric at one grid point, across its trials: mean and sample standard deviation of the finite values.
 *
 * @param point the grid point
 * @param parameters the point's swept values; copied (unmodifiable)
 * @param count finite values (trials that finished and produced the metric), at least 1
 * @param mean their mean
 * @param standardDeviation their sample standard deviation (n - 1 in the denominator), 0 when {@code count == 1}
 * @param min their minimum
 * @param max their maximum
 */
public record PointSummary(int point, Map<String, JsonNode> parameters, int count, double mean,
                           double standardDeviation, double min, double max) {

    /** Validates and copies. */
    public PointSummary {
        Checks.positive("count", count);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull("parameters", parameters)));
    }

    /**
     * Mean and sample standard deviation of values (Welford's one-pass update, which does not lose precision when
     * the mean is large compared with the spread).
     *
     * @param point the grid point
     * @param parameters its swept values
     * @param values finite values, at least one; not modified
     * @return the summary
     */
    public static PointSummary of(int point, Map<String, JsonNode> parameters, double[] values) {
        Checks.isTrue(values.length > 0, "values must not be empty");
        double mean = 0;
        double squares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double delta = values[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (values[i] - mean);
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new PointSummary(point, parameters, values.length, mean, std, min, max);
    }
}
