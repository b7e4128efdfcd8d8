package org.xbarlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.algorithms.data.DataDirectory;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.core.Checks;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.provenance.Provenance;
import org.xbarlab.reports.results.PointSummary;
import org.xbarlab.reports.results.SweepRecord;
import org.xbarlab.reports.results.SweepResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarlab sweep}: runs an experiment over a grid of config values, several trials (seeds) per point, in
 * parallel, recording every finished run at once so that an interrupted sweep resumes without losing or repeating
 * anything (docs/sweeps.md). The work is done by {@link SweepPlan}, {@link SweepJournal} and {@link SweepRunner}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        header = "Runs an experiment over a grid of config values with several trials per point, in parallel; "
                + "every finished run is recorded at once, so an interrupted sweep resumes.",
        description = {
            "Runs an experiment over a grid of config values with several trials (seeds) per point, in parallel, "
                    + "and records each finished run as one line of DIR/results.jsonl (its parameters, seed, "
                    + "metrics, and the whole result with the resolved config and provenance) and one row of "
                    + "DIR/results.csv. DIR/sweep.json records the sweep itself. Interrupted? Run the same command "
                    + "with --resume (or just 'xbarlab sweep --resume --out DIR'): finished runs are skipped, "
                    + "nothing is run twice. A run that fails is recorded as failed and the sweep goes on.",
            "",
            "Give a sweep file (JSON or YAML: base, parameters, trials, seed, metrics; see docs/sweeps.md), or the "
                    + "compact form: --base CONFIG --vary PATH=V1,V2,... --vary PATH=MIN:MAX:STEPS[:log] --trials N.",
            "",
            "Example: xbarlab sweep --base docs/examples/01-wta-bp-one-layer.json "
                    + "--vary chip.tile.forward.adc.resolutionBits=4,6,8 --trials 3 --set training.epochs=1 "
                    + "--out out/adc",
            "",
            "--engine spark runs the same runs as Spark tasks (same results, same files; --resume works across "
                    + "engines); it needs the cluster jar (cluster/xbarlab-spark or spark-submit, docs/cluster.md).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (runs that failed inside are recorded as failed; a warning gives their number)",
            "1:internal error, or the engine (Spark) could not execute some runs: those recorded stay, --resume "
                    + "runs the rest",
            "2:invalid command line (also: DIR holds another sweep, or results without --resume)",
            "3:missing or invalid sweep or base file, or an invalid value at some point (the message names the "
                    + "path, the value and the point), or an engine that is not on the class path or refuses its "
                    + "settings; nothing has run",
            "4:input/output error (unwritable DIR, corrupt DIR/sweep.json or results.jsonl)",
        })
final class SweepCommand implements Callable<Integer> {

    /** Largest number of runs in parallel. */
    static final int MAX_THREADS = 1024;

    /** Most grid points listed by --dry-run. */
    static final int MAX_LISTED_POINTS = 1000;

    /** {@code MIN:MAX:STEPS} or {@code MIN:MAX:STEPS:SCALE} of --vary. */
    private static final Pattern RANGE = Pattern.compile(
            "([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?):([-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?):([0-9]+)(?::(linear|log))?");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP",
            description = "the sweep file (JSON or YAML); omit it with --base/--vary, or with --resume to continue "
                    + "the sweep recorded in DIR")
    private Path sweepFile;

    @Option(names = "--base", paramLabel = "CONFIG",
            description = "compact form: the base experiment file (as for 'xbarlab run')")
    private Path base;

    @Option(names = "--vary", paramLabel = "PATH=VALUES",
            description = "compact form: a swept config path and its values, either a list V1,V2,... (each read as "
                    + "JSON when it is JSON, else as text: 4,6,8 or pcm,ag-a-si) or a range MIN:MAX:STEPS with an "
                    + "optional :linear (default) or :log scale, STEPS from 1 to " + SweepParameter.MAX_STEPS
                    + " (repeatable; the first varies slowest)")
    private List<String> vary = new ArrayList<>();

    @Option(names = "--trials", paramLabel = "N",
            description = "runs per point with different seeds, 1 to " + SweepConfig.MAX_TRIALS
                    + " (default: the file's, else 1)")
    private Integer trials;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "root seed of the sweep; each run's seed is derived from it (default: the file's, else a "
                    + "fresh one, printed and recorded in DIR/sweep.json)")
    private Long seed;

    @Option(names = "--seeding", paramLabel = "MODE",
            description = "per-trial: trial t of every point gets the same seed (common random numbers, the "
                    + "default); per-point: every point and trial its own seed")
    private String seeding;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "a number to record per run, as a dotted path into result.json starting with metrics. "
                    + "or cost. (repeatable; default: the file's, else test accuracies and energy and latency per "
                    + "sample of training and inference)")
    private List<String> metrics = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "a label for the sweep (default: the file's, "
            + "else 'sweep')")
    private String name;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a value of the base experiment at every point, as for 'xbarlab run' "
                    + "(repeatable), for example --set training.epochs=1")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xbarlab-results/sweep",
            description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "runs in parallel, 1 to " + MAX_THREADS + "; each run is single-threaded inside "
                    + "(default: the number of processors); results do not depend on it")
    private Integer threads;

    @Option(names = "--resume", description = "continue the sweep recorded in DIR: skip finished runs, run the "
            + "rest; a partial last line left by a kill is removed first")
    private boolean resume;

    @Option(names = "--retry-failed", description = "with --resume, also run again the runs recorded as failed "
            + "(their lines are replaced)")
    private boolean retryFailed;

    @Option(names = "--dry-run", description = "validate every point, print the grid and its size, run nothing, "
            + "write nothing")
    private boolean dryRun;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data directory (default: $XBARLAB_DATA_DIR, else ~/.xbarlab/data)")
    private Path dataDir;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = SweepEngines.LOCAL,
            description = "where the runs execute: local (threads of this process, the default) or spark (tasks "
                    + "of a Spark application; needs the cluster jar, docs/cluster.md); results do not depend on it")
    private String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "with --engine spark: the Spark master, for example local[2] (2 cores of this machine), "
                    + "spark://HOST:7077 or yarn (default: the one spark-submit sets)")
    private String master;

    @Option(names = "--engine-option", paramLabel = "KEY=VALUE",
            description = "with --engine spark: a setting (repeatable): any Spark property "
                    + "(spark.executor.memory=4g) or xbarlab.data=ship|shared, how the data sets reach the "
                    + "executors (docs/cluster.md)")
    private List<String> engineOptions = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (parallel < 1 || parallel > MAX_THREADS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be in [1, " + MAX_THREADS + "], got " + parallel);
        }
        boolean local = SweepEngines.LOCAL.equals(engine);
        if (local && (master != null || !engineOptions.isEmpty())) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--master and --engine-option need --engine spark (or another engine than local)");
        }
        if (!local && threads != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads is for --engine local; with "
                    + "--engine " + engine + " the engine's cores run the runs in parallel (for Spark's local mode, "
                    + "--master local[N])");
        }
        Map<String, String> settings = parseEngineOptions();
        SweepEngine remote = local ? null : SweepEngines.find(engine);
        if (remote != null) {
            remote.checkSettings(master, settings);
        }
        if (retryFailed && !resume) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--retry-failed needs --resume");
        }
        Path manifestFile = out.resolve(SweepResults.MANIFEST_FILE);
        JsonNode recorded = Files.isRegularFile(manifestFile) ? readManifest(manifestFile).path("sweep") : null;

        SweepConfig sweep;
        Path baseDirectory;
        if (sweepFile != null) {
            if (base != null || !vary.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "give a sweep file or --base with --vary, not both");
            }
            sweep = withCommandLine(SweepPlan.read(sweepFile));
            Path parent = sweepFile.toAbsolutePath().getParent();
            baseDirectory = parent != null ? parent : Path.of("");
        } else if (base != null) {
            sweep = compact();
            baseDirectory = Path.of("");
        } else if (resume && recorded != null) {
            if (trials != null || seed != null || seeding != null || !metrics.isEmpty() || name != null
                    || !overrides.isEmpty() || !vary.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "with --resume and no sweep file, the "
                        + "sweep is the one recorded in " + manifestFile + "; options that change it are not "
                        + "allowed");
            }
            sweep = ConfigMapper.treeToValue(recorded, SweepConfig.class, manifestFile.toString());
            baseDirectory = out;
        } else {
            throw new CommandLine.ParameterException(spec.commandLine(), resume
                    ? "no sweep recorded in " + out + " (no " + SweepResults.MANIFEST_FILE + "); give the sweep "
                    + "file or --base/--vary as well"
                    : "give a sweep file SWEEP, or --base CONFIG with --vary PATH=VALUES (see --help)");
        }
        if (resume && recorded != null && sweep.seed() == null && recorded.path("seed").canConvertToLong()) {
            // A sweep without a seed got a fresh one at its first session; resume with that one.
            sweep = sweep.withBaseAndSeed(sweep.base(), recorded.path("seed").asLong());
        }

        SweepPlan plan = SweepPlan.prepare(sweep, baseDirectory);
        SweepConfig config = plan.config();
        SweepGrid grid = plan.grid();
        List<ExperimentConfig> configs = plan.validateAll();
        stdout.printf(Locale.ROOT, "xbarlab sweep: %s, %d point(s) x %d trial(s) = %d run(s), root seed %d%s%n",
                config.name(), grid.points().size(), config.trials(), grid.runs().size(), grid.rootSeed(),
                sweep.seed() == null ? " (generated)" : "");
        if (dryRun) {
            stdout.println("  every point is valid (base: " + plan.baseSource() + ")");
            printGrid(stdout, grid);
            stdout.println("  dry run: nothing was run or written");
            stdout.flush();
            return ExitCodes.OK;
        }

        JsonNode sweepTree = plan.recordedSweep();
        if (recorded != null) {
            if (!resume) {
                throw new IllegalArgumentException(out + " already holds a sweep (" + SweepResults.MANIFEST_FILE
                        + "); pass --resume to continue it, or choose another --out");
            }
            List<String> differences = differences(recorded, sweepTree);
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException(out + " holds another sweep: it differs from this one in "
                        + String.join(", ", differences) + "; resume it with 'xbarlab sweep --resume --out " + out
                        + "' or choose another --out");
            }
        } else {
            ObjectNode manifest = ConfigMapper.jsonMapper().createObjectNode();
            manifest.put("schemaVersion", 1);
            manifest.put("baseSource", plan.baseSource());
            manifest.put("points", grid.points().size());
            manifest.put("trials", config.trials());
            manifest.put("runs", grid.runs().size());
            manifest.set("sweep", sweepTree);
            manifest.set("provenance", ConfigMapper.valueToTree(Provenance.capture(grid.rootSeed(), sweepTree,
                    originalArgs(), Kernels.backendDescription())));
            AtomicFiles.writeString(manifestFile, ConfigMapper.writeJson(manifest) + "\n");
        }

        Path data = DatasetsCommand.dataDirectory(dataDir);
        TerminalProgress progress = TerminalProgress.forConsole(stderr);
        SweepRunner.Summary summary;
        try (SweepJournal journal = SweepJournal.open(out, grid, resume, retryFailed)) {
            if (resume) {
                stdout.printf(Locale.ROOT, "  resuming: %d of %d run(s) recorded%s%s; %d to run%n",
                        journal.recordedKeys().size(), grid.runs().size(),
                        journal.truncatedBytes() > 0 ? String.format(Locale.ROOT, " (a partial last line of %d "
                                + "bytes, from an interrupted write, was removed)", journal.truncatedBytes()) : "",
                        journal.droppedFailures() > 0 ? String.format(Locale.ROOT, "; %d failed run(s) to retry",
                                journal.droppedFailures()) : "",
                        grid.runs().size() - journal.recordedKeys().size());
            }
            if (local) {
                stdout.printf(Locale.ROOT, "  %d run(s) in parallel; results in %s%n", parallel,
                        out.toAbsolutePath());
            } else {
                stdout.printf(Locale.ROOT, "  runs on the %s engine%s; results in %s%n", engine,
                        master == null ? "" : " (master " + master + ")", out.toAbsolutePath());
            }
            stdout.flush();
            SweepRunner.fetchMissingData(configs, data, progress);
            SweepRunner runner = new SweepRunner(plan, out, parallel, originalArgs(),
                    SweepRunner.experiments(data, originalArgs()));
            Thread hint = new Thread(() -> {
                stderr.println("xbarlab sweep: interrupted; finished runs are recorded in "
                        + out.resolve(SweepResults.JSON_LINES_FILE) + "; continue with: xbarlab sweep --resume --out "
                        + out);
                stderr.flush();
            });
            Runtime.getRuntime().addShutdownHook(hint);
            try {
                summary = local ? runner.run(journal, progress)
                        : runner.run(journal, progress, remote, data, downloadedDataSets(configs, data), master,
                        settings);
            } catch (SweepEngine.EngineFailure e) {
                stderr.println("xbarlab sweep: the " + engine + " engine could not execute every run: "
                        + e.getMessage());
                stderr.println("xbarlab sweep: the runs that finished are recorded in "
                        + out.resolve(SweepResults.JSON_LINES_FILE) + "; continue with: xbarlab sweep --resume --out "
                        + out + " (with either engine)");
                stderr.flush();
                return ExitCodes.INTERNAL_ERROR;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the sweep was interrupted", e);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hint);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is exiting: the hook runs.
                }
            }
        }
        stdout.printf(Locale.ROOT, "  ran %d run(s) in %s (%d failed); %d recorded earlier%n",
                summary.completed() + summary.failed(), SweepRunner.duration(summary.wallSeconds()),
                summary.failed(), summary.alreadyRecorded());
        printMeans(stdout, config);
        stdout.printf(Locale.ROOT, "  results: %s and %s; figures: xbarlab report %s --out %s%n",
                out.resolve(SweepResults.JSON_LINES_FILE), out.resolve(SweepResults.CSV_FILE), out,
                out.resolve("figures"));
        stdout.flush();
        if (summary.failed() > 0) {
            stderr.printf(Locale.ROOT, "xbarlab sweep: warning: %d run(s) failed; their messages are in %s (status "
                    + "\"failed\") and their logs in %s; run them again with --resume --retry-failed%n",
                    summary.failed(), out.resolve(SweepResults.JSON_LINES_FILE), out.resolve("runs"));
        }
        if (!summary.missingMetrics().isEmpty()) {
            stderr.println("xbarlab sweep: warning: these metrics are not in (or not numbers in) some results and "
                    + "were recorded as null; check their names against a result.json: " + summary.missingMetrics());
        }
        stderr.flush();
        return ExitCodes.OK;
    }

    /** The {@code --engine-option KEY=VALUE} settings; a key given twice keeps its last value. */
    private Map<String, String> parseEngineOptions() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String option : engineOptions) {
            int equals = option.indexOf('=');
            if (equals <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--engine-option must be KEY=VALUE, for example spark.executor.memory=4g, got '" + option
                                + "'");
            }
            settings.put(option.substring(0, equals).trim(), option.substring(equals + 1).trim());
        }
        return settings;
    }

    /** Folders of the data directory holding the downloaded data sets the runs read. */
    private static List<String> downloadedDataSets(List<ExperimentConfig> configs, Path data) {
        Set<String> folders = new LinkedHashSet<>();
        for (ExperimentConfig config : configs) {
            DatasetKind kind = config.data().kind();
            if (!kind.generated()) {
                folders.add(data.relativize(DataDirectory.datasetDirectory(data, kind)).toString());
            }
        }
        return List.copyOf(folders);
    }

    /** The sweep of the compact form. */
    private SweepConfig compact() {
        List<SweepParameter> parameters = new ArrayList<>();
        for (String text : vary) {
            parameters.add(parseVary(text));
        }
        try {
            return new SweepConfig(SweepConfig.SCHEMA_VERSION, name, JsonNodeFactory.instance.textNode(
                    base.toString()), overrides, parameters, trials, seed, parseSeeding(), metrics.isEmpty() ? null
                    : metrics);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", -1, "command line", e.getMessage(), e);
        }
    }

    /** A sweep file with the options given on the command line laid over it. */
    private SweepConfig withCommandLine(SweepConfig file) {
        List<String> allOverrides = new ArrayList<>(file.baseOverrides());
        allOverrides.addAll(overrides);
        try {
            return new SweepConfig(file.schemaVersion(), name != null ? name : file.name(), file.base(),
                    allOverrides, file.parameters(), trials != null ? trials : file.trials(),
                    seed != null ? seed : file.seed(), seeding != null ? parseSeeding() : file.seeding(),
                    metrics.isEmpty() ? file.metrics() : metrics);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", -1, "command line", e.getMessage(), e);
        }
    }

    private SweepConfig.Seeding parseSeeding() {
        if (seeding == null) {
            return null;
        }
        return switch (seeding) {
            case "per-trial" -> SweepConfig.Seeding.PER_TRIAL;
            case "per-point" -> SweepConfig.Seeding.PER_POINT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--seeding must be per-trial or per-point, got '" + seeding + "'");
        };
    }

    /**
     * Parses one {@code --vary PATH=VALUES}.
     *
     * @param text the option's value
     * @return the parameter
     * @throws ConfigException if it is malformed or its values are invalid; the source is the option
     */
    static SweepParameter parseVary(String text) {
        String source = "--vary " + text;
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw new ConfigException("", -1, source, "expected PATH=VALUES, for example "
                    + "chip.tile.forward.adc.resolutionBits=4,6,8 or chip.device.variation.cycleToCycleWindowFraction"
                    + "=0.001:0.1:3:log");
        }
        String path = text.substring(0, equals).trim();
        String values = text.substring(equals + 1).trim();
        try {
            Matcher range = RANGE.matcher(values);
            if (range.matches()) {
                SweepParameter.Scale scale = "log".equals(range.group(4)) ? SweepParameter.Scale.LOG
                        : SweepParameter.Scale.LINEAR;
                return SweepParameter.range(path, Double.parseDouble(range.group(1)),
                        Double.parseDouble(range.group(2)), Integer.parseInt(range.group(3)), scale);
            }
            List<JsonNode> list = new ArrayList<>();
            for (String item : splitTopLevel(values)) {
                list.add(jsonOrText(item.trim()));
            }
            return SweepParameter.of(path, list);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, -1, source, e.getMessage(), e);
        }
    }

    /** Splits at commas that are outside brackets, braces and double quotes. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static JsonNode jsonOrText(String item) {
        if (item.isEmpty()) {
            throw new IllegalArgumentException("values must not contain an empty value (two commas in a row?)");
        }
        try {
            JsonNode node = ConfigMapper.jsonMapper().readTree(item);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (IOException notJson) {
            // A plain string such as a preset name.
        }
        return JsonNodeFactory.instance.textNode(item);
    }

    private List<String> originalArgs() {
        return spec.commandLine().getParseResult().originalArgs();
    }

    private static JsonNode readManifest(Path file) {
        try {
            JsonNode manifest = ConfigMapper.jsonMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (manifest == null || !manifest.path("sweep").isObject()) {
                throw new IOException("no \"sweep\" object");
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + " is not a sweep manifest: " + e.getMessage(), e));
        }
    }

    /** The top-level fields in which two recorded sweeps differ. */
    static List<String> differences(JsonNode recorded, JsonNode current) {
        List<String> fields = new ArrayList<>();
        Iterator<String> names = current.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!Provenance.sha256(orNull(recorded.get(field))).equals(Provenance.sha256(orNull(current.get(field))))) {
                fields.add(field);
            }
        }
        recorded.fieldNames().forEachRemaining(field -> {
            if (!current.has(field) && !fields.contains(field)) {
                fields.add(field);
            }
        });
        return fields;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? JsonNodeFactory.instance.nullNode() : node;
    }

    private static void printGrid(PrintWriter stdout, SweepGrid grid) {
        List<String> paths = grid.config().parameterPaths();
        if (paths.isEmpty()) {
            stdout.println("  no swept parameter: the base experiment alone, " + grid.config().trials()
                    + " trial(s)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("point");
        header.addAll(paths);
        rows.add(header);
        int listed = Math.min(grid.points().size(), MAX_LISTED_POINTS);
        for (int i = 0; i < listed; i++) {
            SweepGrid.Point point = grid.points().get(i);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(point.index()));
            for (String path : paths) {
                row.add(SweepResults.text(point.values().get(path)));
            }
            rows.add(row);
        }
        printTable(stdout, rows);
        if (listed < grid.points().size()) {
            stdout.printf(Locale.ROOT, "  ... and %d more point(s)%n", grid.points().size() - listed);
        }
    }

    /** Mean ± standard deviation across trials of the first metrics, point by point. */
    private void printMeans(PrintWriter stdout, SweepConfig config) {
        SweepResults results;
        try {
            results = SweepResults.read(out.resolve(SweepResults.JSON_LINES_FILE));
        } catch (UncheckedIOException e) {
            return;
        }
        List<String> shown = config.metrics().stream().filter(results::hasValues).limit(2).toList();
        if (shown.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("point"));
        config.parameterPaths().forEach(path -> header.add(path.substring(path.lastIndexOf('.') + 1)));
        header.add("n");
        shown.forEach(metric -> header.add(metric.substring(metric.lastIndexOf('.') + 1)));
        rows.add(header);
        Map<Integer, List<SweepRecord>> byPoint = results.byPoint();
        List<List<PointSummary>> summaries = shown.stream().map(results::summarize).toList();
        for (Map.Entry<Integer, List<SweepRecord>> entry : byPoint.entrySet()) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(entry.getKey()));
            for (String path : config.parameterPaths()) {
                row.add(SweepResults.text(entry.getValue().get(0).parameters().get(path)));
            }
            row.add(Long.toString(entry.getValue().stream().filter(r -> r.finished()).count()));
            for (int m = 0; m < shown.size(); m++) {
                PointSummary summary = summaries.get(m).stream().filter(s -> s.point() == entry.getKey())
                        .findFirst().orElse(null);
                row.add(summary == null ? "-" : format(shown.get(m), summary.mean()) + " ± "
                        + format(shown.get(m), summary.standardDeviation()));
            }
            rows.add(row);
        }
        printTable(stdout, rows);
    }

    /** A metric value for the terminal: accuracies in percent, SI quantities with a prefix. */
    static String format(String metric, double value) {
        if (metric.toLowerCase(Locale.ROOT).contains("accuracy")) {
            return String.format(Locale.ROOT, "%.2f %%", 100 * value);
        }
        String unit = Checks.unitSymbol(metric);
        if (!unit.isEmpty() && !unit.equals("bits")) {
            return Units.format(value, unit);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static void printTable(PrintWriter stdout, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[c] + "s", row.get(c)));
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            stdout.println(line.toString().stripTrailing());
        }
    }
}
