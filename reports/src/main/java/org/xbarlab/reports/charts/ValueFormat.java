package org.xbarlab.reports.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.reports.results.SweepResults;

/**
 * Short text for parameter values in legends and bar labels: numbers with {@value #DIGITS} significant digits
 * (0.316227766017 gives {@code 0.316}), in the unit an axis would use for that parameter ({@code 25 µS}); other
 * values as text. Data tables keep the full values. Stateless.
 */
final class ValueFormat {

    /** Significant digits of a number in a legend. */
    static final int DIGITS = 3;

    private ValueFormat() {
    }

    /**
     * A value of a swept path, short.
     *
     * @param path the swept path (its unit suffix picks the unit)
     * @param value the value, or null
     * @param maxAbs the largest magnitude of that path in the figure (base units), for the prefix
     * @return the text
     */
    static String value(String path, JsonNode value, double maxAbs) {
        if (value == null || !value.isNumber()) {
            return SweepResults.text(value);
        }
        AxisUnit unit = AxisUnit.forQuantity(path, maxAbs);
        String number = number(unit.scale(value.doubleValue()));
        return unit.symbol().isEmpty() || unit.symbol().equals("%") ? number : number + " " + unit.symbol();
    }

    /**
     * A number with {@value #DIGITS} significant digits, without trailing zeros, in plain notation from 0.001 to
     * 10^6 and in exponent notation outside.
     *
     * @param value the number
     * @return the text
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            return new BigDecimal(value).round(new MathContext(DIGITS)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%." + (DIGITS - 1) + "e", value).replaceAll("\\.?0+e", "e");
    }

    /**
     * The values of several swept paths at a point, short, joined by commas.
     *
     * @param parameters the point's values
     * @param paths the paths to show, in order
     * @param results the results (for each path's largest magnitude)
     * @return for example {@code 3, 0.316}; {@code "all"} when {@code paths} is empty
     */
    static String values(Map<String, JsonNode> parameters, List<String> paths, SweepResults results) {
        if (paths.isEmpty()) {
            return "all";
        }
        StringBuilder text = new StringBuilder();
        for (String path : paths) {
            double maxAbs = results.values(path).stream().filter(JsonNode::isNumber)
                    .mapToDouble(v -> Math.abs(v.doubleValue())).max().orElse(0);
            text.append(text.length() > 0 ? ", " : "").append(value(path, parameters.get(path), maxAbs));
        }
        return text.toString();
    }

    /**
     * The values of several swept paths at a point in full, for data tables.
     *
     * @param parameters the point's values
     * @param paths the paths, in order
     * @return for example {@code resolutionBits=3, outputNoiseSigma=0.316227766017}; {@code "all"} when
     *         {@code paths} is empty
     */
    static String full(Map<String, JsonNode> parameters, List<String> paths) {
        if (paths.isEmpty()) {
            return "all";
        }
        StringBuilder text = new StringBuilder();
        for (String path : paths) {
            text.append(text.length() > 0 ? ", " : "").append(QuantityLabels.shortName(path)).append('=')
                    .append(SweepResults.text(parameters.get(path)));
        }
        return text.toString();
    }

    /**
     * The heading of a legend whose items are {@link #values} of {@code paths}: their labels joined by commas.
     *
     * @param paths the paths
     * @param options labels
     * @return the heading
     */
    static String heading(List<String> paths, ChartOptions options) {
        return String.join(", ", paths.stream().map(options::label).toList());
    }
}
