package org.xbarlab.reports.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.xbarlab.reports.results.PointSummary;
import org.xbarlab.reports.results.ResultTable;
import org.xbarlab.reports.results.SweepRecord;
import org.xbarlab.reports.results.SweepResults;

/**
 * Training curves: the mean training loss of every epoch ({@code metrics.epochs[].meanLoss}) or the test accuracy
 * after every epoch ({@code metrics.evaluations[]} right after training, epoch 0 being the untrained network), one
 * line per grid point (mean across trials) with a shaded band of ± one standard deviation.
 */
public final class TrainingCurveChart {

    /** Which curve. */
    public enum Curve {
        /** Mean training loss per epoch. */
        LOSS,
        /** Test accuracy after each epoch (direct association, else the linear classifier). */
        ACCURACY
    }

    /** Most lines drawn; more are unreadable at column width. */
    public static final int MAX_LINES = 6;

    private static final String[] ACCURACY_FIELDS = {"directAssociationAccuracy", "linearClassifierAccuracy",
        "accuracy"};

    private TrainingCurveChart() {
    }

    /**
     * Builds the figure.
     *
     * @param results the results, not null
     * @param curve which curve, not null
     * @param options labels, not null
     * @return the figure, or null when no finished run has the curve
     */
    public static Figure build(SweepResults results, Curve curve, ChartOptions options) {
        Objects.requireNonNull(curve, "curve");
        String field = curve == Curve.LOSS ? "meanLoss" : accuracyField(results);
        if (field == null) {
            return null;
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<List<String>> rows = new ArrayList<>();
        int pointsWithCurves = 0;
        double scale = curve == Curve.ACCURACY ? 100 : 1;
        for (Map.Entry<Integer, List<SweepRecord>> entry : results.byPoint().entrySet()) {
            Map<Integer, List<Double>> byEpoch = new TreeMap<>();
            for (SweepRecord record : entry.getValue()) {
                if (record.finished() && record.result() != null) {
                    collect(record.result(), curve, field, byEpoch);
                }
            }
            if (byEpoch.isEmpty()) {
                continue;
            }
            pointsWithCurves++;
            if (dataset.getSeriesCount() >= MAX_LINES) {
                continue;
            }
            Map<String, JsonNode> parameters = entry.getValue().get(0).parameters();
            String label = ValueFormat.full(parameters, results.parameters());
            YIntervalSeries line = new YIntervalSeries(results.parameters().isEmpty() ? "run"
                    : ValueFormat.values(parameters, results.parameters(), results));
            for (Map.Entry<Integer, List<Double>> epoch : byEpoch.entrySet()) {
                PointSummary summary = PointSummary.of(entry.getKey(), Map.of(),
                        epoch.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                double mean = summary.mean() * scale;
                double spread = summary.standardDeviation() * scale;
                line.add(epoch.getKey(), mean, mean - spread, mean + spread);
                rows.add(List.of(Integer.toString(entry.getKey()), label, Integer.toString(epoch.getKey()),
                        Integer.toString(summary.count()), Double.toString(summary.mean()),
                        Double.toString(summary.standardDeviation())));
            }
            dataset.addSeries(line);
        }
        if (dataset.getSeriesCount() == 0) {
            return null;
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            Color color = ChartStyle.color(s);
            renderer.setSeriesPaint(s, color);
            renderer.setSeriesFillPaint(s, color);
            renderer.setSeriesStroke(s, ChartStyle.line());
            renderer.setSeriesShape(s, ChartStyle.marker(s));
        }
        String yWords = curve == Curve.LOSS ? "Training loss" : "Test accuracy";
        ValueAxis xAxis = ChartStyle.valueAxis(curve == Curve.LOSS ? "Epoch" : "Epochs trained", false, true);
        ValueAxis yAxis = ChartStyle.valueAxis(curve == Curve.LOSS ? yWords : yWords + " (%)",
                options.logAxes().contains(curve == Curve.LOSS ? "loss" : "accuracy"), false);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(plot, dataset.getSeriesCount() > 1 || !results.parameters().isEmpty());
        ChartStyle.legendHeading(chart, ValueFormat.heading(results.parameters(), options));
        if (pointsWithCurves > dataset.getSeriesCount()) {
            ChartStyle.note(chart, String.format(Locale.ROOT, "first %d of %d points", dataset.getSeriesCount(),
                    pointsWithCurves));
        }
        String name = curve == Curve.LOSS ? "training-loss" : "training-accuracy";
        String caption = curve == Curve.LOSS
                ? "Mean training loss of each epoch (epoch 1 is the first), mean ± one standard deviation across "
                        + "trials, one line per grid point."
                : "Test accuracy (" + field.replace("Accuracy", "") + ") after each epoch of training (0: untrained), "
                        + "mean ± one standard deviation across trials, one line per grid point.";
        return new Figure(name, curve == Curve.LOSS ? "Training loss per epoch" : "Test accuracy during training",
                caption, chart, new ResultTable(List.of("point", "parameters", "epoch", "trials", field + " mean",
                field + " standardDeviation"), rows));
    }

    private static void collect(JsonNode result, Curve curve, String field, Map<Integer, List<Double>> byEpoch) {
        JsonNode metrics = result.path("metrics");
        if (curve == Curve.LOSS) {
            for (JsonNode epoch : metrics.path("epochs")) {
                // "epoch" counts from 0 for the first epoch; the axis counts epochs from 1.
                SweepRecord.number(epoch.path(field)).ifPresent(value -> {
                    if (Double.isFinite(value)) {
                        byEpoch.computeIfAbsent(epoch.path("epoch").asInt() + 1, key -> new ArrayList<>()).add(value);
                    }
                });
            }
        } else {
            for (JsonNode evaluation : metrics.path("evaluations")) {
                if (evaluation.path("secondsAfterTraining").asDouble(0) != 0) {
                    continue;
                }
                SweepRecord.number(evaluation.path(field)).ifPresent(value -> {
                    if (Double.isFinite(value)) {
                        byEpoch.computeIfAbsent(evaluation.path("epoch").asInt(), key -> new ArrayList<>())
                                .add(value);
                    }
                });
            }
        }
    }

    /** The first accuracy field that has a number in some evaluation. */
    private static String accuracyField(SweepResults results) {
        for (String field : ACCURACY_FIELDS) {
            for (SweepRecord record : results.records()) {
                if (record.result() == null) {
                    continue;
                }
                for (JsonNode evaluation : record.result().path("metrics").path("evaluations")) {
                    if (evaluation.path(field).isNumber()) {
                        return field;
                    }
                }
            }
        }
        return null;
    }
}
