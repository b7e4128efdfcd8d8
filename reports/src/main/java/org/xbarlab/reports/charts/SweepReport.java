package org.xbarlab.reports.charts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.reports.figures.FigureFormat;
import org.xbarlab.reports.results.SweepResults;

/**
 * The figures of a sweep (or of one run) and the {@value #INDEX_FILE} that shows them, each figure with its data
 * table:
 * <ol>
 *   <li>every metric against every swept numeric or categorical parameter ({@link MetricChart});</li>
 *   <li>accuracy against energy per sample with the Pareto front ({@link ParetoChart}), when the sweep has at least
 *       two points;</li>
 *   <li>energy and latency per sample by component, training and inference ({@link CostBreakdownChart});</li>
 *   <li>training loss and test accuracy per epoch ({@link TrainingCurveChart});</li>
 *   <li>conductance histograms of the sweep's devices ({@link ConductanceHistogramChart}) and of every chip's
 *   devices at the end of its run ({@link DeviceStateHistogramChart}).</li>
 * </ol>
 * A figure whose data are absent (no cost ledger in a CSV, no chip) is left out. Everything is drawn from the
 * results files, so a report can be redrawn at any time.
 */
public final class SweepReport {

    /** The HTML page that shows every figure. */
    public static final String INDEX_FILE = "index.html";

    /** The table of every run, written next to the figures. */
    public static final String RUNS_FILE = "runs.csv";

    /**
     * What to draw.
     *
     * @param metrics metrics to draw against the parameters; empty means every recorded metric with values
     * @param x the swept path on the horizontal axis of metric figures, or null for each swept path in turn
     * @param series the swept path named first in legends, or null
     * @param accuracy the accuracy of the Pareto figure, or null for the first recorded metric whose name contains
     *        "accuracy" and has values
     * @param energy the energy of the Pareto figure, or null for the first recorded training (else any) energy per
     *        sample with values
     * @param formats the file formats, not empty
     * @param chart log axes and labels
     */
    public record Options(List<String> metrics, String x, String series, String accuracy, String energy,
                          List<FigureFormat> formats, ChartOptions chart) {

        /** Every figure, in PNG, SVG and PDF, with automatic choices. */
        public static final Options DEFAULTS = new Options(List.of(), null, null, null, null,
                List.of(FigureFormat.PNG, FigureFormat.SVG, FigureFormat.PDF), ChartOptions.DEFAULTS);

        /** Validates and copies. */
        public Options {
            metrics = List.copyOf(metrics);
            formats = List.copyOf(formats);
            if (formats.isEmpty()) {
                throw new IllegalArgumentException("formats must not be empty");
            }
            Objects.requireNonNull(chart, "chart");
        }
    }

    /**
     * A figure as written.
     *
     * @param figure the figure
     * @param files its image files, in the order of the formats
     * @param dataFile the CSV of its data
     */
    public record Entry(Figure figure, List<Path> files, Path dataFile) {

        /** Copies. */
        public Entry {
            files = List.copyOf(files);
        }
    }

    private SweepReport() {
    }

    /**
     * Builds every figure.
     *
     * @param results the results, not null
     * @param options what to draw, not null
     * @return the figures, in the order of the class comment
     * @throws IllegalArgumentException if an option names a metric without values or a path that was not swept; the
     *         message lists what is available
     */
    public static List<Figure> figures(SweepResults results, Options options) {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(options, "options");
        ChartOptions chart = options.chart();
        for (String metric : options.metrics()) {
            requireValues(results, metric, "--metric");
        }
        if (options.x() != null) {
            MetricChart.requireParameter(results, options.x());
        }
        if (options.series() != null) {
            MetricChart.requireParameter(results, options.series());
        }
        List<Figure> figures = new ArrayList<>();
        List<String> metrics = options.metrics().isEmpty()
                ? results.metrics().stream().filter(results::hasValues).toList() : options.metrics();
        List<String> xs = options.x() != null ? List.of(options.x()) : results.parameters();
        for (String metric : metrics) {
            for (String x : xs) {
                add(figures, MetricChart.build(results, metric, x, options.series(), chart));
            }
        }
        long points = results.byPoint().size();
        String accuracy = options.accuracy() != null ? requireValues(results, options.accuracy(), "--accuracy")
                : first(results, "accuracy", null);
        String energy = options.energy() != null ? requireValues(results, options.energy(), "--energy")
                : first(results, "energypersample", "cost.training.");
        if (energy == null && results.hasValues("cost.training.energyPerSampleJoules")) {
            energy = "cost.training.energyPerSampleJoules";
        }
        if (accuracy != null && energy != null && points >= 2) {
            add(figures, ParetoChart.build(results, accuracy, energy, chart));
        }
        for (String phase : List.of("training", "inference")) {
            for (CostBreakdownChart.Quantity quantity : CostBreakdownChart.Quantity.values()) {
                add(figures, CostBreakdownChart.build(results, phase, quantity, chart));
            }
        }
        for (TrainingCurveChart.Curve curve : TrainingCurveChart.Curve.values()) {
            add(figures, TrainingCurveChart.build(results, curve, chart));
        }
        add(figures, ConductanceHistogramChart.build(results, chart));
        add(figures, DeviceStateHistogramChart.build(results, chart));
        return uniqueNames(figures);
    }

    /**
     * Builds every figure and writes it in every format, with its data as CSV, the runs as {@value #RUNS_FILE} and
     * {@value #INDEX_FILE}. Files are replaced atomically.
     *
     * @param results the results, not null
     * @param directory the output directory, created if missing
     * @param options what to draw, not null
     * @return the figures as written
     * @throws IllegalArgumentException as {@link #figures}
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    public static List<Entry> write(SweepResults results, Path directory, Options options) {
        List<Entry> entries = new ArrayList<>();
        for (Figure figure : figures(results, options)) {
            List<Path> files = new ArrayList<>();
            for (FigureFormat format : options.formats()) {
                files.add(figure.write(directory, format));
            }
            Path data = directory.resolve(figure.name() + ".csv");
            AtomicFiles.writeString(data, figure.data().toCsv());
            entries.add(new Entry(figure, files, data));
        }
        AtomicFiles.writeString(directory.resolve(RUNS_FILE), results.table().toCsv());
        AtomicFiles.writeString(directory.resolve(INDEX_FILE), IndexPage.html(results, entries, RUNS_FILE));
        return entries;
    }

    private static void add(List<Figure> figures, Figure figure) {
        if (figure != null) {
            figures.add(figure);
        }
    }

    private static List<Figure> uniqueNames(List<Figure> figures) {
        Set<String> names = new HashSet<>();
        List<Figure> unique = new ArrayList<>(figures.size());
        for (Figure figure : figures) {
            String name = figure.name();
            for (int n = 2; !names.add(name); n++) {
                name = figure.name() + "-" + n;
            }
            unique.add(name.equals(figure.name()) ? figure
                    : new Figure(name, figure.title(), figure.caption(), figure.chart(), figure.data()));
        }
        return unique;
    }

    private static String requireValues(SweepResults results, String metric, String option) {
        if (!results.hasValues(metric)) {
            List<String> available = results.metrics().stream().filter(results::hasValues).toList();
            throw new IllegalArgumentException(option + " " + metric + " has no values in " + results.source()
                    + "; metrics with values: " + (available.isEmpty() ? "none recorded (any dotted path into "
                    + "result.json with numbers works, for example cost.training.energyPerSampleJoules)"
                    : available));
        }
        return metric;
    }

    /** The first recorded metric with values whose lower-case name contains {@code part}, preferring a prefix. */
    private static String first(SweepResults results, String part, String preferredPrefix) {
        String fallback = null;
        for (String metric : results.metrics()) {
            if (metric.toLowerCase(Locale.ROOT).contains(part) && results.hasValues(metric)) {
                if (preferredPrefix == null || metric.startsWith(preferredPrefix)) {
                    return metric;
                }
                if (fallback == null) {
                    fallback = metric;
                }
            }
        }
        return fallback;
    }
}
