package org.xbarlab.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import org.xbarlab.core.Checks;

/**
 * One swept parameter of a sweep file: a config path of the experiment (the syntax of {@code --set}, for example
 * {@code chip.tile.forward.adc.resolutionBits}) and the values it takes, given either as a list ({@code values}) or
 * as a range ({@code min}, {@code max}, {@code steps} points on a {@code linear} or {@code log} scale).
 *
 * <p>Range points are {@code min + i (max - min) / (steps - 1)} (linear) or {@code min (max/min)^(i/(steps - 1))}
 * (log), {@code i = 0 .. steps - 1}; inner points are rounded to {@value #SIGNIFICANT_DIGITS} significant digits so
 * that labels read {@code 0.01}, not {@code 0.010000000000000002}, and the first and last points are exactly
 * {@code min} and {@code max}. A point with a whole value is written as a JSON integer, so that a range can set an
 * integer field ({@code resolutionBits} from 4 to 8 in 5 steps gives 4, 5, 6, 7, 8).
 *
 * <p>{@code scale} also tells {@code xbarlab report} to draw the parameter on a log axis; it may be given with
 * {@code values} for that purpose alone.
 *
 * @param path the config path, not blank, without {@code =} or white space
 * @param values the values (any JSON: numbers, strings such as preset names, objects), or null when a range is given;
 *        not empty, no duplicates
 * @param min first point of a range, finite (positive on a log scale), or null with {@code values}
 * @param max last point of a range, finite, at least {@code min}, or null with {@code values}
 * @param steps number of range points, 1 to {@value #MAX_STEPS} (1 only when {@code min == max}), or null with
 *        {@code values}
 * @param scale spacing of range points and axis hint for reports; null means {@code linear}
 */
public record SweepParameter(String path, List<JsonNode> values, Double min, Double max, Integer steps,
                             Scale scale) {

    /** Most values of one parameter. */
    public static final int MAX_STEPS = 10_000;

    /** Significant digits kept in range points. */
    public static final int SIGNIFICANT_DIGITS = 12;

    /** Spacing of the points of a range. */
    public enum Scale {
        /** Equal differences. */
        @JsonProperty("linear")
        LINEAR,
        /** Equal ratios (min and max positive). */
        @JsonProperty("log")
        LOG
    }

    /** Validates that exactly one of the two forms is given, and its values. */
    public SweepParameter {
        Checks.notEmpty("path", path);
        Checks.isTrue(!path.isBlank() && path.chars().noneMatch(c -> c == '=' || Character.isWhitespace(c)),
                "path must be a config path such as chip.tile.forward.adc.resolutionBits (no '=' or spaces), "
                        + "got '%s'", path);
        scale = scale == null ? Scale.LINEAR : scale;
        boolean range = min != null || max != null || steps != null;
        Checks.isTrue(range != (values != null),
                "values (a list) or min, max and steps (a range) must be given for %s, not both and not neither",
                path);
        if (values != null) {
            Checks.notEmpty("values", values);
            Checks.isTrue(values.size() <= MAX_STEPS, "values must have at most %d elements, got %d", MAX_STEPS,
                    values.size());
            List<JsonNode> copy = new ArrayList<>(values.size());
            Set<JsonNode> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                JsonNode value = values.get(i) == null ? JsonNodeFactory.instance.nullNode() : values.get(i);
                Checks.isTrue(!value.isMissingNode(), "values[%d] must be a JSON value", i);
                Checks.isTrue(seen.add(value), "values[%d] of %s repeats the value %s", i, path, value);
                copy.add(value.deepCopy());
            }
            values = List.copyOf(copy);
            if (scale == Scale.LOG) {
                for (int i = 0; i < values.size(); i++) {
                    JsonNode value = values.get(i);
                    Checks.isTrue(value.isNumber() && value.doubleValue() > 0,
                            "values[%d] of %s must be a positive number on a log scale, got %s", i, path, value);
                }
            }
        } else {
            Checks.notNull("min", min);
            Checks.notNull("max", max);
            Checks.notNull("steps", steps);
            Checks.finite("min", min);
            Checks.finite("max", max);
            Checks.inRange("steps", steps, 1, MAX_STEPS);
            Checks.isTrue(min <= max, "min (%s) must not be above max (%s) for %s", Checks.number(min),
                    Checks.number(max), path);
            Checks.isTrue(steps > 1 || min.equals(max), "steps must be at least 2 when min (%s) < max (%s) for %s",
                    Checks.number(min), Checks.number(max), path);
            Checks.isTrue(steps == 1 || min < max, "min must be below max when steps > 1 for %s, got %s and %s",
                    path, Checks.number(min), Checks.number(max));
            if (scale == Scale.LOG) {
                Checks.isTrue(min > 0, "min must be positive on a log scale for %s, got %s", path,
                        Checks.number(min));
            }
        }
    }

    /**
     * A parameter with a list of values.
     *
     * @param path the config path
     * @param values its values
     * @return the parameter
     */
    public static SweepParameter of(String path, List<JsonNode> values) {
        return new SweepParameter(path, values, null, null, null, null);
    }

    /**
     * A parameter with a range of values.
     *
     * @param path the config path
     * @param min first point
     * @param max last point
     * @param steps number of points
     * @param scale spacing
     * @return the parameter
     */
    public static SweepParameter range(String path, double min, double max, int steps, Scale scale) {
        return new SweepParameter(path, null, min, max, steps, scale);
    }

    /**
     * The values this parameter takes, in order: the list, or the range's points as described in the class comment.
     *
     * @return a new immutable list of at least one value
     */
    public List<JsonNode> expandedValues() {
        if (values != null) {
            return values;
        }
        List<JsonNode> points = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            double value;
            if (i == 0) {
                value = min;
            } else if (i == steps - 1) {
                value = max;
            } else if (scale == Scale.LOG) {
                value = min * Math.pow(max / min, (double) i / (steps - 1));
            } else {
                value = min + (max - min) * i / (steps - 1);
            }
            points.add(number(i == 0 || i == steps - 1 ? value : round(value)));
        }
        return List.copyOf(points);
    }

    /**
     * The number of values.
     *
     * @return at least 1
     */
    public int size() {
        return values != null ? values.size() : steps;
    }

    /**
     * The parameter as the compact command-line form of {@code --vary}.
     *
     * @return for example {@code training.epochs=1,2} or {@code x=0.001:0.1:3:log}
     */
    public String describe() {
        if (values != null) {
            StringBuilder text = new StringBuilder(path).append('=');
            for (int i = 0; i < values.size(); i++) {
                text.append(i > 0 ? "," : "").append(values.get(i).isTextual() ? values.get(i).asText()
                        : values.get(i).toString());
            }
            return text.toString();
        }
        return String.format(Locale.ROOT, "%s=%s:%s:%d%s", path, Checks.number(min), Checks.number(max), steps,
                scale == Scale.LOG ? ":log" : "");
    }

    private static double round(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
    }

    /** A whole number below 2^53 as a JSON integer, anything else as a JSON double. */
    static JsonNode number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return LongNode.valueOf((long) value);
        }
        return DoubleNode.valueOf(value);
    }
}
