package org.xbarlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.xbarlab.reports.charts.ChartOptions;
import org.xbarlab.reports.charts.SweepReport;
import org.xbarlab.reports.figures.FigureFormat;
import org.xbarlab.reports.results.SweepResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xbarlab report RESULTS --out FIGDIR}: the figures of a sweep or a run, from its result files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        header = "Draws the figures of a sweep or run (PNG, SVG, PDF) and an index.html, from its result files alone.",
        description = {
            "Draws the figures of a sweep (or of one run) from its result files alone, as PNG (300 dpi), SVG and "
                    + "PDF one column wide (3.5 x 2.6 in), each with its data as CSV, and FIGDIR/index.html that "
                    + "shows them all with their data tables: every recorded metric against every swept parameter "
                    + "(mean +- standard deviation across trials, one series per value of the other parameters); "
                    + "accuracy against energy per sample with the Pareto front; energy and latency per sample by "
                    + "component (training, inference) as stacked bars; training loss and accuracy per epoch; "
                    + "conductance histograms of the swept devices. Axis units get an SI prefix that suits the data "
                    + "(uS, nJ, us); accuracies are in percent.",
            "",
            "RESULTS is a sweep directory (results.jsonl, else results.csv), a run directory (result.json), or one of "
                    + "those files.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal error",
            "2:invalid command line (for example a --metric without values; the message lists those with values)",
            "3:invalid configuration",
            "4:input/output error (no results in RESULTS, a corrupt file, FIGDIR not writable)",
        })
final class ReportCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "a sweep or run directory, or a results file")
    private Path results;

    @Option(names = "--out", paramLabel = "FIGDIR", description = "directory for the figures and index.html "
            + "(default: RESULTS/figures, or next to a results file)")
    private Path out;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "a metric to draw against the parameters (repeatable; default: every recorded metric "
                    + "with values); any dotted path into result.json works, for example metrics.wallSeconds")
    private List<String> metrics = new ArrayList<>();

    @Option(names = "--x", paramLabel = "PATH", description = "the swept path on the horizontal axis (default: each "
            + "swept path in turn)")
    private String x;

    @Option(names = "--series", paramLabel = "PATH", description = "the swept path named first in legends "
            + "(default: the order of the sweep)")
    private String series;

    @Option(names = "--accuracy", paramLabel = "NAME", description = "accuracy of the Pareto figure (default: the "
            + "first recorded accuracy with values)")
    private String accuracy;

    @Option(names = "--energy", paramLabel = "NAME", description = "energy of the Pareto figure (default: the "
            + "training energy per sample)")
    private String energy;

    @Option(names = "--log", paramLabel = "NAME",
            description = "draw this swept path or metric on a logarithmic axis (repeatable); parameters swept on "
                    + "a log scale always are")
    private List<String> logAxes = new ArrayList<>();

    @Option(names = "--label", paramLabel = "NAME=TEXT",
            description = "words for a path or metric on axes and legends, without the unit (repeatable), for "
                    + "example --label chip.tile.forward.adc.resolutionBits=\"ADC resolution\"")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "figure formats: png, svg, pdf (comma-separated; default: all three)")
    private List<String> formats = new ArrayList<>();

    @Override
    public void run() {
        SweepResults loaded = SweepResults.read(results);
        Path directory = out != null ? out : defaultOutput();
        Map<String, String> labelMap = new HashMap<>();
        for (String label : labels) {
            int equals = label.indexOf('=');
            if (equals <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--label must be NAME=TEXT, got '" + label + "'");
            }
            labelMap.put(label.substring(0, equals).trim(), label.substring(equals + 1).trim());
        }
        Set<FigureFormat> chosen = new LinkedHashSet<>();
        for (String format : formats) {
            chosen.add(FigureFormat.fromFileName("figure." + format.trim()).orElseThrow(() ->
                    new CommandLine.ParameterException(spec.commandLine(),
                            "--format must be png, svg or pdf, got '" + format + "'")));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(SweepReport.Options.DEFAULTS.formats());
        }
        SweepReport.Options options = new SweepReport.Options(metrics, x, series, accuracy, energy,
                new ArrayList<>(chosen), new ChartOptions(new LinkedHashSet<>(logAxes), labelMap));
        List<SweepReport.Entry> entries = SweepReport.write(loaded, directory, options);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "xbarlab report: %d run(s) at %d point(s) from %s%n", loaded.records().size(),
                loaded.byPoint().size(), loaded.source());
        if (loaded.ignoredPartialLines() > 0) {
            stdout.println("  ignored a partial last line (an interrupted write; 'xbarlab sweep --resume' reruns "
                    + "that run)");
        }
        for (SweepReport.Entry entry : entries) {
            stdout.printf(Locale.ROOT, "  %-48s %s%n", entry.figure().name(), entry.figure().title());
        }
        stdout.printf(Locale.ROOT, "  %d figure(s) in %s; open %s%n", entries.size(), directory.toAbsolutePath(),
                directory.resolve(SweepReport.INDEX_FILE).toAbsolutePath());
        stdout.flush();
    }

    private Path defaultOutput() {
        Path absolute = results.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute.resolve("figures");
        }
        Path parent = absolute.getParent();
        return (parent != null ? parent : Path.of("")).resolve("figures");
    }
}
