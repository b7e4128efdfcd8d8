package org.xbarlab.reports.charts;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.xbarlab.reports.results.PointSummary;
import org.xbarlab.reports.results.ResultTable;
import org.xbarlab.reports.results.SweepResults;

/**
 * Accuracy against energy per sample, one marker per grid point (means across trials), with the Pareto front —
 * the points that no other point beats on both (at most the energy and at least the accuracy, one strictly) —
 * joined by a line and drawn filled.
 */
public final class ParetoChart {

    private ParetoChart() {
    }

    /**
     * The Pareto front of points that should have a low cost and a high benefit.
     *
     * @param cost the cost of each point (for example energy per sample); not modified
     * @param benefit the benefit of each point (for example accuracy), same length; not modified
     * @return the indices of the points on the front, by increasing cost (ties: higher benefit first); points with
     *         a non-finite coordinate are never on it
     * @throws IllegalArgumentException if the lengths differ
     */
    public static int[] front(double[] cost, double[] benefit) {
        if (cost.length != benefit.length) {
            throw new IllegalArgumentException("cost and benefit must have the same length, got " + cost.length
                    + " and " + benefit.length);
        }
        Integer[] order = new Integer[cost.length];
        int finite = 0;
        for (int i = 0; i < cost.length; i++) {
            if (Double.isFinite(cost[i]) && Double.isFinite(benefit[i])) {
                order[finite++] = i;
            }
        }
        Integer[] sorted = Arrays.copyOf(order, finite);
        Arrays.sort(sorted, (a, b) -> cost[a] != cost[b] ? Double.compare(cost[a], cost[b])
                : Double.compare(benefit[b], benefit[a]));
        // Sweep by increasing cost: a point is on the front when it beats the best benefit seen so far.
        List<Integer> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (int index : sorted) {
            if (benefit[index] > best) {
                front.add(index);
                best = benefit[index];
            }
        }
        return front.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Builds the figure.
     *
     * @param results the results, not null
     * @param accuracy the accuracy metric (higher is better), not null
     * @param energy the energy metric (lower is better), not null
     * @param options log axes and labels, not null
     * @return the figure, or null when no point has both metrics
     */
    public static Figure build(SweepResults results, String accuracy, String energy, ChartOptions options) {
        Objects.requireNonNull(accuracy, "accuracy");
        Objects.requireNonNull(energy, "energy");
        Map<Integer, PointSummary> accuracyByPoint = new HashMap<>();
        for (PointSummary point : results.summarize(accuracy)) {
            accuracyByPoint.put(point.point(), point);
        }
        List<PointSummary[]> pairs = new ArrayList<>();
        for (PointSummary point : results.summarize(energy)) {
            PointSummary other = accuracyByPoint.get(point.point());
            if (other != null) {
                pairs.add(new PointSummary[] {point, other});
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        double[] cost = new double[pairs.size()];
        double[] benefit = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            cost[i] = pairs.get(i)[0].mean();
            benefit[i] = pairs.get(i)[1].mean();
        }
        int[] front = front(cost, benefit);
        boolean[] onFront = new boolean[pairs.size()];
        for (int index : front) {
            onFront[index] = true;
        }
        AxisUnit xUnit = AxisUnit.forQuantity(energy, Arrays.stream(cost).map(Math::abs).max().orElse(0));
        AxisUnit yUnit = AxisUnit.forQuantity(accuracy, Arrays.stream(benefit).map(Math::abs).max().orElse(0));
        XYSeries all = new XYSeries("grid points", false, true);
        XYSeries frontSeries = new XYSeries("Pareto front", false, true);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            all.add(xUnit.scale(cost[i]), yUnit.scale(benefit[i]));
            PointSummary point = pairs.get(i)[0];
            rows.add(List.of(Integer.toString(point.point()), ValueFormat.full(point.parameters(),
                    results.parameters()), Double.toString(cost[i]), Double.toString(pairs.get(i)[0]
                    .standardDeviation()), Double.toString(benefit[i]), Double.toString(pairs.get(i)[1]
                    .standardDeviation()), Boolean.toString(onFront[i])));
        }
        for (int index : front) {
            frontSeries.add(xUnit.scale(cost[index]), yUnit.scale(benefit[index]));
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        dataset.addSeries(all);
        dataset.addSeries(frontSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShapesFilled(0, false);
        renderer.setSeriesPaint(0, ChartStyle.color(0));
        renderer.setSeriesShape(0, ChartStyle.marker(0));
        renderer.setSeriesStroke(0, new BasicStroke(0.7f));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, true);
        renderer.setSeriesShapesFilled(1, true);
        renderer.setSeriesPaint(1, ChartStyle.color(1));
        renderer.setSeriesShape(1, ChartStyle.marker(0));
        renderer.setSeriesStroke(1, ChartStyle.line());
        renderer.setUseOutlinePaint(false);
        ValueAxis xAxis = ChartStyle.valueAxis(xUnit.label(options.label(energy)),
                options.logAxes().contains(energy), false);
        ValueAxis yAxis = ChartStyle.valueAxis(yUnit.label(options.label(accuracy)),
                options.logAxes().contains(accuracy), false);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        ChartStyle.plot(plot);
        JFreeChart chart = ChartStyle.chart(plot, true);
        String name = Figure.slug("pareto-" + QuantityLabels.shortName(accuracy) + "-vs-"
                + QuantityLabels.shortName(energy));
        String caption = String.format(Locale.ROOT, "%s (%s) against %s (%s), one marker per grid point (means "
                + "across trials); the filled markers joined by a line are the Pareto front (%d of %d points).",
                yUnit.label(options.label(accuracy)), accuracy, xUnit.label(options.label(energy)), energy,
                front.length, pairs.size());
        List<String> columns = List.of("point", "parameters", energy + " mean", energy + " standardDeviation",
                accuracy + " mean", accuracy + " standardDeviation", "paretoFront");
        return new Figure(name, options.fullLabel(accuracy) + " against " + options.fullLabel(energy), caption, chart,
                new ResultTable(columns, rows));
    }
}
