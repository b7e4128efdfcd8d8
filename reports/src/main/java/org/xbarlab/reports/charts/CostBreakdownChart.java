package org.xbarlab.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.xbarlab.reports.results.ResultTable;
import org.xbarlab.reports.results.SweepRecord;
import org.xbarlab.reports.results.SweepResults;

/**
 * Energy or latency per sample of one phase, by component of the chip (array read, converters, write pulses,
 * digital accumulation, ...), as stacked bars: one bar per grid point, each component the mean across the point's
 * finished trials of the component's total in that phase divided by the phase's samples. The data come from the
 * cost ledger in each result ({@code cost.summary.entries} and {@code cost.PHASE.samples}).
 */
public final class CostBreakdownChart {

    /** What the bars add up. */
    public enum Quantity {
        /** Energy per sample (J). */
        ENERGY("energyJoules", "energy per sample", "energy", "J"),
        /** Latency per sample (s): the operations' latencies added, as the ledger counts them. */
        LATENCY("latencySeconds", "latency per sample", "latency", "s");

        private final String field;
        private final String words;
        private final String shortWords;
        private final String symbol;

        Quantity(String field, String words, String shortWords, String symbol) {
            this.field = field;
            this.words = words;
            this.shortWords = shortWords;
            this.symbol = symbol;
        }
    }

    /** Most bars drawn; more are unreadable at column width. */
    public static final int MAX_BARS = 24;

    private CostBreakdownChart() {
    }

    /**
     * Builds the figure.
     *
     * @param results the results, not null
     * @param phase the ledger's phase ({@code training} or {@code inference}), not null
     * @param quantity energy or latency, not null
     * @param options labels, not null
     * @return the figure, or null when no finished run has samples and cost entries in that phase
     */
    public static Figure build(SweepResults results, String phase, Quantity quantity, ChartOptions options) {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(quantity, "quantity");
        Map<Integer, Map<String, Double>> means = new LinkedHashMap<>();
        Map<Integer, String> labels = new LinkedHashMap<>();
        Map<Integer, Map<String, JsonNode>> parametersOf = new LinkedHashMap<>();
        Set<String> components = new LinkedHashSet<>();
        for (Map.Entry<Integer, List<SweepRecord>> entry : results.byPoint().entrySet()) {
            Map<String, Double> sums = new LinkedHashMap<>();
            int runs = 0;
            for (SweepRecord record : entry.getValue()) {
                Map<String, Double> perSample = perSample(record, phase, quantity);
                if (perSample == null) {
                    continue;
                }
                runs++;
                perSample.forEach((component, value) -> sums.merge(component, value, Double::sum));
            }
            if (runs == 0) {
                continue;
            }
            int count = runs;
            sums.replaceAll((component, sum) -> sum / count);
            components.addAll(sums.keySet());
            means.put(entry.getKey(), sums);
            parametersOf.put(entry.getKey(), entry.getValue().get(0).parameters());
            labels.put(entry.getKey(), results.parameters().isEmpty() ? "p" + entry.getKey()
                    : ValueFormat.values(entry.getValue().get(0).parameters(), results.parameters(), results));
        }
        // A component that costs nothing at every point (periphery without constants, say) only clutters the legend.
        components.removeIf(component -> means.values().stream()
                .allMatch(perComponent -> perComponent.getOrDefault(component, 0.0) == 0));
        if (means.isEmpty() || components.isEmpty()) {
            return null;
        }
        List<Integer> points = new ArrayList<>(means.keySet());
        boolean capped = points.size() > MAX_BARS;
        if (capped) {
            points = points.subList(0, MAX_BARS);
        }
        double maxTotal = 0;
        for (int point : points) {
            maxTotal = Math.max(maxTotal, means.get(point).values().stream().mapToDouble(Double::doubleValue).sum());
        }
        AxisUnit unit = AxisUnit.prefixed(quantity.symbol, maxTotal);
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<String>> rows = new ArrayList<>();
        for (int point : points) {
            for (String component : components) {
                double value = means.get(point).getOrDefault(component, 0.0);
                dataset.addValue(unit.scale(value), component, labels.get(point));
                rows.add(List.of(Integer.toString(point), ValueFormat.full(parametersOf.get(point),
                        results.parameters()), component, Double.toString(value)));
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.3f));
        renderer.setMaximumBarWidth(0.12);
        for (int s = 0; s < dataset.getRowCount(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.color(s));
            renderer.setSeriesOutlinePaint(s, Color.WHITE);
        }
        String axisLabel = results.parameters().isEmpty() ? "Run" : ValueFormat.heading(results.parameters(), options);
        CategoryAxis xAxis = new CategoryAxis(axisLabel);
        ChartStyle.axis(xAxis);
        xAxis.setCategoryMargin(0.15);
        if (points.size() > 6) {
            xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        String quantityWords = capitalize(phase) + " " + quantity.words;
        AxisUnit perSample = new AxisUnit(unit.symbol() + "/sample", unit.factor());
        // The phase goes in the legend's heading, which keeps the axis label short enough for the column.
        ValueAxis yAxis = ChartStyle.valueAxis(perSample.label(capitalize(quantity.shortWords)), false, false);
        ((NumberAxis) yAxis).setAutoRangeIncludesZero(true);
        yAxis.setLowerMargin(0);
        CategoryPlot plot = new CategoryPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(plot, true);
        ChartStyle.legendHeading(chart, capitalize(phase));
        if (capped) {
            ChartStyle.note(chart, String.format(Locale.ROOT, "first %d of %d points", MAX_BARS, means.size()));
        }
        String name = Figure.slug("cost-" + phase + "-" + quantity.name().toLowerCase(Locale.ROOT));
        String caption = String.format(Locale.ROOT, "%s by component of the chip, one bar per grid point (mean "
                + "across trials of each component's %s total divided by the %s samples).", perSample.label(
                quantityWords.replace(" per sample", "")), phase, phase);
        return new Figure(name, quantityWords + " by component", caption, chart, new ResultTable(
                List.of("point", "parameters", "component", phase + "." + quantity.field.replace("Joules",
                        "PerSampleJoules").replace("Seconds", "PerSampleSeconds")), rows));
    }

    /** A finished run's per-sample cost of each component in a phase, or null when it has none. */
    static Map<String, Double> perSample(SweepRecord record, String phase, Quantity quantity) {
        if (!record.finished() || record.result() == null) {
            return null;
        }
        JsonNode cost = record.result().path("cost");
        double samples = cost.path(phase).path("samples").asDouble(0);
        JsonNode entries = cost.path("summary").path("entries");
        if (!(samples > 0) || !entries.isArray()) {
            return null;
        }
        Map<String, Double> perSample = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            if (phase.equals(entry.path("phase").asText())) {
                perSample.merge(entry.path("component").asText("other"),
                        SweepRecord.number(entry.path(quantity.field)).orElse(0) / samples, Double::sum);
            }
        }
        return perSample.isEmpty() ? null : perSample;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
