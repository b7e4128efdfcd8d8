package org.xbarlab.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.xbarlab.core.Checks;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.devices.DeviceExperiments;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.reports.results.PointSummary;
import org.xbarlab.reports.results.ResultTable;
import org.xbarlab.reports.results.SweepRecord;
import org.xbarlab.reports.results.SweepResults;

/**
 * Conductance histograms of the devices of a sweep, redrawn from the results alone: for every distinct device in
 * the runs' resolved configs ({@code provenance.resolvedConfig.chip.device}), {@value #DEVICES_PER_LEVEL} fresh
 * devices are programmed once to each of {@value #LEVELS} target levels spread over the device's window (at
 * {@code G_min + (k + 1/2)(G_max - G_min)/LEVELS}) with the device's programming noise, left for the longest
 * inference time of the run's evaluation (drift, 0 s when none), and read once with read noise
 * ({@link DeviceExperiments#programAndRead}, seeded by the run's seed). The histogram shows how far programmed
 * levels spread and overlap on each device: the device-level non-idealities the sweep varied.
 *
 * <p>These are fresh programmed devices, not the trained array's conductances (a result does not store those).
 */
public final class ConductanceHistogramChart {

    /** Target levels per device. */
    public static final int LEVELS = 4;
    /** Devices programmed per level. */
    public static final int DEVICES_PER_LEVEL = 2000;
    /** Most distinct devices drawn. */
    public static final int MAX_DEVICES = 4;
    /** Histogram bins across the range of all reads. */
    public static final int BINS = 80;

    private ConductanceHistogramChart() {
    }

    /**
     * Builds the figure.
     *
     * @param results the results, not null
     * @param options labels, not null
     * @return the figure, or null when no run has a chip with a device
     */
    public static Figure build(SweepResults results, ChartOptions options) {
        Objects.requireNonNull(options, "options");
        Map<JsonNode, SweepRecord> devices = new LinkedHashMap<>();
        int distinct = 0;
        for (SweepRecord record : results.records()) {
            if (record.result() == null) {
                continue;
            }
            JsonNode device = record.result().path("provenance").path("resolvedConfig").path("chip").path("device");
            if (device.isObject() && !devices.containsKey(device)) {
                distinct++;
                if (devices.size() < MAX_DEVICES) {
                    devices.put(device, record);
                }
            }
        }
        if (devices.isEmpty()) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        List<double[]> reads = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Map.Entry<JsonNode, SweepRecord> entry : devices.entrySet()) {
            SweepRecord record = entry.getValue();
            DeviceConfig device;
            try {
                device = ConfigMapper.treeToValue(entry.getKey(), DeviceConfig.class,
                        "device of run p" + record.point() + "-t" + record.trial());
            } catch (ConfigException e) {
                // A result written by another version of xbarlab whose device format this build cannot read.
                continue;
            }
            double time = longestInferenceTime(record.result());
            double min = device.minConductanceSiemens();
            double max = device.maxConductanceSiemens();
            double[] values = new double[LEVELS * DEVICES_PER_LEVEL];
            for (int level = 0; level < LEVELS; level++) {
                double target = min + (level + 0.5) * (max - min) / LEVELS;
                float[] levelReads = DeviceExperiments.programAndRead(device, target, time, DEVICES_PER_LEVEL,
                        record.seed());
                double[] asDoubles = new double[levelReads.length];
                for (int i = 0; i < levelReads.length; i++) {
                    asDoubles[i] = levelReads[i];
                    values[level * DEVICES_PER_LEVEL + i] = levelReads[i];
                    low = Math.min(low, levelReads[i]);
                    high = Math.max(high, levelReads[i]);
                }
                PointSummary summary = PointSummary.of(record.point(), Map.of(), asDoubles);
                String label = label(device, record, results);
                rows.add(List.of(label, Double.toString(target), Checks.number(time),
                        Integer.toString(summary.count()), Double.toString(summary.mean()),
                        Double.toString(summary.standardDeviation()), Double.toString(summary.min()),
                        Double.toString(summary.max())));
            }
            labels.add(label(device, record, results));
            reads.add(values);
        }
        if (reads.isEmpty()) {
            return null;
        }
        AxisUnit unit = AxisUnit.prefixed("S", Math.max(Math.abs(low), Math.abs(high)));
        if (!(high > low)) {
            high = low + Math.max(Math.abs(low) * 1e-3, 1e-15);
        }
        HistogramDataset dataset = new HistogramDataset();
        dataset.setType(HistogramType.RELATIVE_FREQUENCY);
        for (int d = 0; d < reads.size(); d++) {
            double[] scaled = reads.get(d).clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = unit.scale(scaled[i]);
            }
            dataset.addSeries(labels.get(d), scaled, BINS, unit.scale(low), unit.scale(high));
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMargin(0.0);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            Color color = ChartStyle.color(s);
            renderer.setSeriesPaint(s, new Color(color.getRed(), color.getGreen(), color.getBlue(), 150));
            renderer.setSeriesOutlineStroke(s, new BasicStroke(0.3f));
        }
        ValueAxis xAxis = ChartStyle.valueAxis("Conductance (" + unit.symbol() + ")", false, false);
        ValueAxis yAxis = ChartStyle.valueAxis("Fraction of devices", false, false);
        ((NumberAxis) yAxis).setAutoRangeIncludesZero(true);
        yAxis.setLowerMargin(0);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(plot, true);
        List<String> deviceParameters = results.parameters().stream().filter(path -> path.startsWith("chip.device"))
                .toList();
        if (!deviceParameters.isEmpty()) {
            ChartStyle.legendHeading(chart, ValueFormat.heading(deviceParameters, options));
        }
        if (distinct > devices.size()) {
            ChartStyle.note(chart, String.format(Locale.ROOT, "first %d of %d devices", devices.size(), distinct));
        }
        String caption = String.format(Locale.ROOT, "Conductance read from %d fresh devices programmed once to each "
                + "of %d levels across the window (programming noise, drift to the longest inference time, read "
                + "noise), one histogram per distinct device of the sweep; fractions of each device's %d reads.",
                DEVICES_PER_LEVEL, LEVELS, LEVELS * DEVICES_PER_LEVEL);
        return new Figure("conductance-histogram", "Programmed conductance levels by device", caption, chart,
                new ResultTable(List.of("device", "targetSiemens", "timeSeconds", "devices", "meanSiemens",
                        "standardDeviationSiemens", "minSiemens", "maxSiemens"), rows));
    }

    /** The device's name, with the values of the swept device parameters ({@code chip.device.*}) when any. */
    private static String label(DeviceConfig device, SweepRecord record, SweepResults results) {
        List<String> deviceParameters = results.parameters().stream()
                .filter(path -> path.startsWith("chip.device")).toList();
        if (deviceParameters.isEmpty()) {
            return device.name();
        }
        return device.name() + " (" + ValueFormat.values(record.parameters(), deviceParameters, results) + ")";
    }

    private static double longestInferenceTime(JsonNode result) {
        double longest = 0;
        for (JsonNode time : result.path("provenance").path("resolvedConfig").path("evaluation")
                .path("inferenceTimesSeconds")) {
            if (time.isNumber() && Double.isFinite(time.doubleValue())) {
                longest = Math.max(longest, time.doubleValue());
            }
        }
        return longest;
    }
}
