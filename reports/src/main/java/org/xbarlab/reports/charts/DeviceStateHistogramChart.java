package org.xbarlab.reports.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.xbarlab.reports.results.ResultTable;
import org.xbarlab.reports.results.SweepRecord;
import org.xbarlab.reports.results.SweepResults;

/**
 * Histograms of the conductance of every device of the chip at the end of each run, as the run recorded it
 * ({@code devices.conductanceHistogram} of {@code result.json}: bins from {@code lowSiemens} to {@code highSiemens}
 * and their counts): how training used the conductance window. One series per run, for the first
 * {@value #MAX_RUNS} points (their first finished trial).
 */
public final class DeviceStateHistogramChart {

    /** Most runs drawn. */
    public static final int MAX_RUNS = 4;

    private DeviceStateHistogramChart() {
    }

    /**
     * Builds the figure.
     *
     * @param results the results, not null
     * @param options labels, not null
     * @return the figure, or null when no run recorded a histogram
     */
    public static Figure build(SweepResults results, ChartOptions options) {
        Objects.requireNonNull(options, "options");
        List<SweepRecord> runs = new ArrayList<>();
        Set<Integer> points = new HashSet<>();
        int available = 0;
        for (SweepRecord record : results.records()) {
            if (record.result() == null || !histogram(record).path("counts").isArray()) {
                continue;
            }
            if (points.add(record.point())) {
                available++;
                if (runs.size() < MAX_RUNS) {
                    runs.add(record);
                }
            }
        }
        if (runs.isEmpty()) {
            return null;
        }
        double largest = 0;
        for (SweepRecord record : runs) {
            largest = Math.max(largest, Math.abs(histogram(record).path("highSiemens").asDouble()));
        }
        AxisUnit unit = AxisUnit.prefixed("S", largest);
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        List<List<String>> rows = new ArrayList<>();
        for (SweepRecord record : runs) {
            JsonNode histogram = histogram(record);
            double low = histogram.path("lowSiemens").asDouble();
            double high = histogram.path("highSiemens").asDouble();
            JsonNode counts = histogram.path("counts");
            int bins = counts.size();
            long total = 0;
            for (JsonNode count : counts) {
                total += count.asLong();
            }
            String label = label(record, results);
            XYIntervalSeries series = new XYIntervalSeries(label);
            double width = (high - low) / bins;
            for (int b = 0; b < bins; b++) {
                double from = low + b * width;
                double fraction = total == 0 ? 0 : counts.get(b).asDouble() / total;
                series.add(unit.scale(from + width / 2), unit.scale(from), unit.scale(from + width), fraction,
                        fraction, fraction);
                rows.add(List.of(label, Double.toString(from), Double.toString(from + width),
                        Long.toString(counts.get(b).asLong())));
            }
            dataset.addSeries(series);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setUseYInterval(false);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            Color color = ChartStyle.color(s);
            renderer.setSeriesPaint(s, new Color(color.getRed(), color.getGreen(), color.getBlue(), 150));
        }
        ValueAxis xAxis = ChartStyle.valueAxis("Conductance (" + unit.symbol() + ")", false, false);
        ValueAxis yAxis = ChartStyle.valueAxis("Fraction of devices", false, false);
        ((NumberAxis) yAxis).setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(plot, true);
        if (available > runs.size()) {
            ChartStyle.note(chart, String.format(Locale.ROOT, "first %d of %d points", runs.size(), available));
        }
        String caption = "Conductance of every device of the chip at the end of the run (both devices of a pair, "
                + "reference columns included), as recorded in result.json; one histogram per point.";
        return new Figure("device-state-histogram", "Device conductances after training", caption, chart,
                new ResultTable(List.of("run", "binLowSiemens", "binHighSiemens", "devices"), rows));
    }

    private static JsonNode histogram(SweepRecord record) {
        return record.result().path("devices").path("conductanceHistogram");
    }

    private static String label(SweepRecord record, SweepResults results) {
        if (results.parameters().isEmpty()) {
            return "run p" + record.point() + "-t" + record.trial();
        }
        return ValueFormat.values(record.parameters(), results.parameters(), results);
    }
}
