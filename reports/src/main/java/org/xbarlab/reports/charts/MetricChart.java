package org.xbarlab.reports.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.xbarlab.reports.results.PointSummary;
import org.xbarlab.reports.results.ResultTable;
import org.xbarlab.reports.results.SweepResults;

/**
 * A metric against a swept parameter: the mean across trials at each point with error bars of ± one sample
 * standard deviation, one series per combination of values of the other swept parameters. A numeric parameter gets a
 * value axis (logarithmic when swept on a log scale or asked for), any other (preset names) a category axis.
 */
public final class MetricChart {

    private MetricChart() {
    }

    /**
     * Builds the figure.
     *
     * @param results the results, not null
     * @param metric the metric (a recorded name or a dotted result path), not null
     * @param x the swept path on the horizontal axis, not null
     * @param series the swept path named first in the legend, or null; every swept path other than {@code x}
     *        separates the series either way
     * @param options log axes and labels, not null
     * @return the figure, or null when no point has a finite value of the metric
     * @throws IllegalArgumentException if {@code x} or {@code series} is not a swept path
     */
    public static Figure build(SweepResults results, String metric, String x, String series, ChartOptions options) {
        Objects.requireNonNull(metric, "metric");
        requireParameter(results, x);
        if (series != null) {
            requireParameter(results, series);
        }
        List<PointSummary> points = results.summarize(metric);
        if (points.isEmpty()) {
            return null;
        }
        // Every other swept path separates the series; the chosen one comes first in the legend.
        List<String> others = new ArrayList<>();
        if (series != null && !series.equals(x)) {
            others.add(series);
        }
        for (String parameter : results.parameters()) {
            if (!parameter.equals(x) && !others.contains(parameter)) {
                others.add(parameter);
            }
        }
        boolean numeric = results.values(x).stream().allMatch(JsonNode::isNumber);
        double maxAbs = points.stream().mapToDouble(p -> Math.abs(p.mean()) + p.standardDeviation()).max()
                .orElse(0);
        AxisUnit yUnit = AxisUnit.forQuantity(metric, maxAbs);
        String yLabel = yUnit.label(options.label(metric));
        boolean logY = options.logAxes().contains(metric);

        // Group the points into series, in grid order.
        Map<String, List<PointSummary>> grouped = new LinkedHashMap<>();
        for (PointSummary point : points) {
            grouped.computeIfAbsent(ValueFormat.values(point.parameters(), others, results),
                    key -> new ArrayList<>()).add(point);
        }
        List<List<String>> rows = new ArrayList<>();
        JFreeChart chart;
        if (numeric) {
            double xMax = results.values(x).stream().mapToDouble(v -> Math.abs(v.doubleValue())).max().orElse(0);
            AxisUnit xUnit = AxisUnit.forQuantity(x, xMax);
            boolean integers = results.values(x).stream().allMatch(JsonNode::isIntegralNumber);
            boolean logX = options.logAxes().contains(x) || results.isLogScale(x);
            YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
            for (Map.Entry<String, List<PointSummary>> entry : grouped.entrySet()) {
                YIntervalSeries line = new YIntervalSeries(entry.getKey());
                for (PointSummary point : entry.getValue()) {
                    double xValue = xUnit.scale(point.parameters().get(x).doubleValue());
                    double mean = yUnit.scale(point.mean());
                    double spread = yUnit.scale(point.standardDeviation());
                    line.add(xValue, mean, mean - spread, mean + spread);
                    rows.add(row(point, x, others));
                }
                dataset.addSeries(line);
            }
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDrawXError(false);
            renderer.setDefaultLinesVisible(true);
            renderer.setDefaultShapesVisible(true);
            renderer.setCapLength(3);
            renderer.setErrorStroke(ChartStyle.line());
            renderer.setErrorPaint(null);
            for (int s = 0; s < dataset.getSeriesCount(); s++) {
                renderer.setSeriesPaint(s, ChartStyle.color(s));
                renderer.setSeriesStroke(s, ChartStyle.line());
                renderer.setSeriesShape(s, ChartStyle.marker(s));
            }
            ValueAxis xAxis = ChartStyle.valueAxis(xUnit.label(options.label(x)), logX, integers && !logX);
            ValueAxis yAxis = ChartStyle.valueAxis(yLabel, logY, false);
            XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
            ChartStyle.plot(plot);
            chart = ChartStyle.chart(plot, !others.isEmpty());
            ChartStyle.legendHeading(chart, ValueFormat.heading(others, options));
        } else {
            DefaultStatisticalCategoryDataset dataset = new DefaultStatisticalCategoryDataset();
            for (Map.Entry<String, List<PointSummary>> entry : grouped.entrySet()) {
                for (PointSummary point : entry.getValue()) {
                    dataset.add(yUnit.scale(point.mean()), yUnit.scale(point.standardDeviation()), entry.getKey(),
                            SweepResults.text(point.parameters().get(x)));
                    rows.add(row(point, x, others));
                }
            }
            StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
            renderer.setErrorIndicatorStroke(ChartStyle.line());
            for (int s = 0; s < dataset.getRowCount(); s++) {
                renderer.setSeriesPaint(s, ChartStyle.color(s));
                renderer.setSeriesStroke(s, ChartStyle.line());
                renderer.setSeriesShape(s, ChartStyle.marker(s));
            }
            CategoryAxis xAxis = new CategoryAxis(options.label(x));
            ChartStyle.axis(xAxis);
            ValueAxis yAxis = ChartStyle.valueAxis(yLabel, logY, false);
            CategoryPlot plot = new CategoryPlot(dataset, xAxis, yAxis, renderer);
            ChartStyle.plot(plot);
            chart = ChartStyle.chart(plot, !others.isEmpty());
            ChartStyle.legendHeading(chart, ValueFormat.heading(others, options));
        }
        String name = Figure.slug((metric.startsWith("metrics.") ? metric.substring("metrics.".length()) : metric)
                + "-vs-" + QuantityLabels.shortName(x));
        String title = options.fullLabel(metric) + " against " + options.label(x);
        String caption = String.format(Locale.ROOT, "%s (%s; mean ± one standard deviation across trials) "
                + "against %s%s.", yLabel, metric, options.label(x), others.isEmpty() ? ""
                : "; one series per value of " + String.join(", ", others));
        List<String> columns = List.of(x, "series", "trials", metric + " mean", metric + " standardDeviation",
                metric + " min", metric + " max");
        return new Figure(name, title, caption, chart, new ResultTable(columns, rows));
    }

    private static List<String> row(PointSummary point, String x, List<String> others) {
        return List.of(SweepResults.text(point.parameters().get(x)), ValueFormat.full(point.parameters(), others),
                Integer.toString(point.count()),
                Double.toString(point.mean()), Double.toString(point.standardDeviation()),
                Double.toString(point.min()), Double.toString(point.max()));
    }

    static void requireParameter(SweepResults results, String parameter) {
        Objects.requireNonNull(parameter, "parameter");
        if (!results.parameters().contains(parameter)) {
            throw new IllegalArgumentException("'" + parameter + "' is not a swept parameter of " + results.source()
                    + "; the swept parameters are " + results.parameters());
        }
    }
}
