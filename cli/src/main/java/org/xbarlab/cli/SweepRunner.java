package org.xbarlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.algorithms.data.DatasetFetcher;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.provenance.Provenance;

/**
 * Runs the pending runs of a sweep on a fixed pool of worker threads and records each finished run as one line of
 * the {@link SweepJournal}. Each run is an ordinary experiment ({@link ExperimentRunner#run}) in
 * {@code DIR/runs/KEY/} (its {@code result.json} and the run's printed output in {@code log.txt}); the kernels run
 * single-threaded inside a run, since runs are the unit of parallelism (results do not depend on either thread
 * count).
 *
 * <h2>A line of {@code results.jsonl}</h2>
 * <pre>
 * {"schemaVersion": 1, "sweep": NAME, "point": P, "trial": T, "key": "pPPPP-tTT", "seed": S,
 *  "status": "completed" | "interrupted" | "failed", "parameters": {PATH: VALUE, ...},
 *  "metrics": {METRIC: NUMBER or null, ...}, "wallSeconds": W, "error": null | MESSAGE,
 *  "result": the run's result.json (metrics, cost, provenance with the resolved config), or null when failed,
 *  "provenance": only when failed: the provenance of the run that failed (resolved config, seed, versions)}
 * </pre>
 * A run that throws is recorded as {@code failed} with the exception's message, and the sweep goes on.
 */
final class SweepRunner {

    /** Directory of the runs' own files under the sweep's output directory. */
    static final String RUNS_DIRECTORY = "runs";

    /**
     * Most runs given to an engine at once: the driver resolves the configs of one batch at a time (about 5 kB of
     * JSON each), so that its memory does not grow with the size of the grid (up to 10^6 runs).
     */
    static final int ENGINE_BATCH_RUNS = 10_000;

    /** A run's printed output, in its directory. */
    static final String LOG_FILE = "log.txt";

    /** Runs one experiment; the production executor is {@link ExperimentRunner#run}. */
    @FunctionalInterface
    interface Executor {
        /**
         * @param config the run's resolved config
         * @param out the run's directory
         * @param log where the run's output goes
         * @return the run's result.json
         */
        Path run(ExperimentConfig config, Path out, PrintWriter log);
    }

    /**
     * What a session of the sweep did.
     *
     * @param total runs in the grid
     * @param alreadyRecorded runs recorded before this session (skipped)
     * @param completed runs completed in this session
     * @param failed runs that failed in this session
     * @param wallSeconds wall time of this session (s)
     * @param missingMetrics metrics absent from (or not numbers in) at least one result; a metric that is null in a
     *        result (not produced by that run) is recorded as null without a warning
     */
    record Summary(int total, int alreadyRecorded, int completed, int failed, double wallSeconds,
                   Set<String> missingMetrics) {
    }

    private final SweepPlan plan;
    private final Path out;
    private final int threads;
    private final List<String> commandLine;
    private final Executor executor;
    private int engineBatchRuns = ENGINE_BATCH_RUNS;

    /**
     * @param plan the sweep
     * @param out the sweep's output directory
     * @param threads runs in parallel, at least 1
     * @param commandLine the command line, for the provenance
     * @param executor runs one experiment
     */
    SweepRunner(SweepPlan plan, Path out, int threads, List<String> commandLine, Executor executor) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.out = Objects.requireNonNull(out, "out");
        this.threads = threads;
        this.commandLine = List.copyOf(commandLine);
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Sets the most runs given to an engine at once (tests; the default is {@link #ENGINE_BATCH_RUNS}).
     *
     * @param runs at least 1
     */
    void engineBatchRuns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("engine batch must be at least 1 run, got " + runs);
        }
        this.engineBatchRuns = runs;
    }

    /**
     * The production executor: {@link ExperimentRunner#run} with the given data directory.
     *
     * @param dataDirectory the data directory
     * @param commandLine the command line, for the provenance of each result
     * @return the executor
     */
    static Executor experiments(Path dataDirectory, List<String> commandLine) {
        return (config, directory, log) -> ExperimentRunner.run(config, directory, dataDirectory, commandLine, log,
                log, Progress.NONE);
    }

    /**
     * Fetches every fetchable data set the runs need and that is absent, once, before the workers start (so that
     * parallel runs do not fetch the same files at once).
     *
     * @param configs the runs' configs
     * @param dataDirectory the data directory
     * @param progress where the fetch reports
     */
    static void fetchMissingData(List<ExperimentConfig> configs, Path dataDirectory, Progress progress) {
        Set<DatasetKind> kinds = new LinkedHashSet<>();
        for (ExperimentConfig config : configs) {
            kinds.add(config.data().kind());
        }
        for (DatasetKind kind : kinds) {
            if (kind.fetchable() && !Datasets.isPresent(kind, dataDirectory)) {
                DatasetFetcher.defaults().fetch(kind, dataDirectory, progress);
            }
        }
    }

    /**
     * Runs every run not yet recorded in the journal.
     *
     * @param journal the results
     * @param progress where progress goes (points done, running, failed, ETA)
     * @return what this session did
     * @throws InterruptedException if the calling thread is interrupted while waiting for the workers (the workers
     *         are stopped; finished runs stay recorded)
     */
    Summary run(SweepJournal journal, Progress progress) throws InterruptedException {
        List<SweepGrid.Run> pending = pending(journal);
        int total = plan.grid().runs().size();
        int already = total - pending.size();
        long started = System.nanoTime();
        Set<String> missing = Collections.synchronizedSet(new LinkedHashSet<>());
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        if (pending.isEmpty()) {
            return new Summary(total, already, 0, 0, 0, Set.of());
        }
        String task = "sweep " + plan.config().name();
        progress.start(task, total);
        progress.step(already, "");
        int previousThreads = Kernels.threads();
        Kernels.setThreads(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, pending.size())),
                workerThreads());
        try {
            List<Future<?>> futures = new ArrayList<>(pending.size());
            for (SweepGrid.Run run : pending) {
                futures.add(pool.submit(() -> {
                    running.incrementAndGet();
                    report(progress, already, completed, failed, running, pending.size(), started);
                    JsonNode line = execute(run);
                    collectMissing(line, plan.config().metrics(), missing);
                    journal.append(line);
                    running.decrementAndGet();
                    if ("failed".equals(line.path("status").asText())) {
                        failed.incrementAndGet();
                    } else {
                        completed.incrementAndGet();
                    }
                    report(progress, already, completed, failed, running, pending.size(), started);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    // Only recording can fail here (a run's own failure is a recorded line): stop the sweep.
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
            Kernels.setThreads(previousThreads);
        }
        double wall = (System.nanoTime() - started) * 1e-9;
        progress.finish(String.format(Locale.ROOT, "%d run(s) done (%d failed) in %s; %d recorded earlier",
                completed.get() + failed.get(), failed.get(), duration(wall), already));
        return new Summary(total, already, completed.get(), failed.get(), wall, Set.copyOf(missing));
    }

    /**
     * Runs every run not yet recorded in the journal on another engine: resolves each pending run here (a run whose
     * config is invalid is recorded as failed here, as the local engine records it), sends the others to the engine
     * as {@link SweepTask}s, in grid order and in jobs of at most {@link #ENGINE_BATCH_RUNS} runs, and records each
     * result as it arrives, once per run key, with the run's {@code result.json} and {@code log.txt} in
     * {@code DIR/runs/KEY/}.
     *
     * @param journal the results
     * @param progress where progress goes
     * @param engine the engine
     * @param dataDirectory the data directory on the driver
     * @param dataSets the downloaded data sets the runs read (see {@link SweepEngine.Job#dataSets()})
     * @param master the engine's master, or null
     * @param options the engine's settings
     * @return what this session did
     * @throws InterruptedException if interrupted while waiting for the engine
     * @throws SweepEngine.EngineFailure if the engine could not execute every task; what arrived is recorded
     */
    Summary run(SweepJournal journal, Progress progress, SweepEngine engine, Path dataDirectory,
                List<String> dataSets, String master, Map<String, String> options) throws InterruptedException {
        List<SweepGrid.Run> pending = pending(journal);
        int total = plan.grid().runs().size();
        int already = total - pending.size();
        if (pending.isEmpty()) {
            return new Summary(total, already, 0, 0, 0, Set.of());
        }
        long started = System.nanoTime();
        Set<String> missing = Collections.synchronizedSet(new LinkedHashSet<>());
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger running = new AtomicInteger(pending.size());
        progress.start("sweep " + plan.config().name() + " on " + engine.name(), total);
        progress.step(already, "");
        Consumer<JsonNode> record = line -> {
            if (!journal.append(line)) {
                return;
            }
            collectMissing(line, plan.config().metrics(), missing);
            running.decrementAndGet();
            if ("failed".equals(line.path("status").asText())) {
                failed.incrementAndGet();
            } else {
                completed.incrementAndGet();
            }
            report(progress, already, completed, failed, running, pending.size(), started);
        };
        int previousThreads = Kernels.threads();
        // An engine that runs its tasks in this JVM (Spark's local mode) must run them single-threaded, as here.
        Kernels.setThreads(1);
        try {
            for (int from = 0; from < pending.size(); from += engineBatchRuns) {
                List<SweepTask> tasks = new ArrayList<>();
                for (SweepGrid.Run run : pending.subList(from, Math.min(pending.size(), from + engineBatchRuns))) {
                    SweepTask task;
                    try {
                        task = SweepTask.of(plan, run, commandLine);
                    } catch (RuntimeException invalid) {
                        record.accept(execute(run));
                        continue;
                    }
                    tasks.add(task);
                }
                if (tasks.isEmpty()) {
                    continue;
                }
                engine.run(new SweepEngine.Job(plan.config().name(), tasks, out, dataDirectory, dataSets, master,
                        options), result -> {
                            if (journal.isRecorded(result.key())) {
                                return;
                            }
                            JsonNode line = parseResult(result);
                            writeRunFiles(result, line);
                            record.accept(line);
                        });
            }
        } finally {
            Kernels.setThreads(previousThreads);
        }
        double wall = (System.nanoTime() - started) * 1e-9;
        progress.finish(String.format(Locale.ROOT, "%d run(s) done (%d failed) on %s in %s; %d recorded earlier",
                completed.get() + failed.get(), failed.get(), engine.name(), duration(wall), already));
        return new Summary(total, already, completed.get(), failed.get(), wall, Set.copyOf(missing));
    }

    private List<SweepGrid.Run> pending(SweepJournal journal) {
        List<SweepGrid.Run> pending = new ArrayList<>();
        for (SweepGrid.Run run : plan.grid().runs()) {
            if (!journal.recordedKeys().contains(run.key())) {
                pending.add(run);
            }
        }
        return pending;
    }

    /** The line of a result, checked to be a run of this sweep under the key it was sent with. */
    private JsonNode parseResult(SweepTaskResult result) {
        JsonNode line;
        try {
            line = ConfigMapper.jsonMapper().readTree(result.line());
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("the result of sweep run " + result.key()
                    + " is not JSON: " + e.getMessage(), e));
        }
        if (line == null || !result.key().equals(line.path("key").asText())) {
            throw new UncheckedIOException(new IOException("the result of sweep run " + result.key()
                    + " carries another key: " + (line == null ? null : line.path("key"))));
        }
        return line;
    }

    /** Writes a remote run's log and result.json where the local engine leaves them. */
    private void writeRunFiles(SweepTaskResult result, JsonNode line) {
        Path directory = out.resolve(RUNS_DIRECTORY).resolve(result.key());
        try {
            Files.createDirectories(directory);
            // The log is a convenience (not forced to disk); result.json is written as a local run writes it.
            Files.writeString(directory.resolve(LOG_FILE), result.log(), StandardCharsets.UTF_8);
            if (line.path("result").isObject()) {
                AtomicFiles.writeString(directory.resolve("result.json"), ConfigMapper.writeJson(line.get("result")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void report(Progress progress, int already, AtomicInteger completed, AtomicInteger failed,
                               AtomicInteger running, int pending, long started) {
        int done = completed.get() + failed.get();
        String eta = "";
        if (done > 0 && done < pending) {
            double perRun = (System.nanoTime() - started) * 1e-9 / done;
            eta = ", ETA " + duration(perRun * (pending - done));
        }
        progress.step(already + done, String.format(Locale.ROOT, "running %d, failed %d%s", running.get(),
                failed.get(), eta));
    }

    /** A duration as {@code 42 s}, {@code 3 min 20 s} or {@code 2 h 05 min}. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        Duration d = Duration.ofSeconds(whole);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }

    /** The local engine's run: resolves it and runs it in {@code DIR/runs/KEY/}. */
    private JsonNode execute(SweepGrid.Run run) {
        ObjectNode parameters = ConfigMapper.jsonMapper().createObjectNode();
        run.point().values().forEach(parameters::set);
        return executeRun(plan.config().name(), run.point().index(), run.trial(), run.key(), run.seed(), parameters,
                plan.config().metrics(), () -> plan.resolve(run), out.resolve(RUNS_DIRECTORY).resolve(run.key()),
                executor, commandLine);
    }

    /**
     * Runs one run and builds its line (the format in the class comment); shared by every engine, so that a line
     * does not depend on where the run executed. A run that throws gives a {@code failed} line, with the stack
     * trace appended to the run's log.
     *
     * @param sweepName the sweep's name
     * @param point the point's index
     * @param trial the trial's index
     * @param key the run's key
     * @param seed the run's seed
     * @param parameters the point's values, not modified
     * @param metrics the recorded metrics
     * @param resolve gives the run's config; may throw (the run then fails)
     * @param directory the run's directory: its {@code result.json} and {@code log.txt} go there
     * @param executor runs the experiment
     * @param commandLine the command line, for the provenance of a failed run
     * @return the line
     */
    static ObjectNode executeRun(String sweepName, int point, int trial, String key, long seed, ObjectNode parameters,
                                 List<String> metrics, Supplier<ExperimentConfig> resolve, Path directory,
                                 Executor executor, List<String> commandLine) {
        ObjectNode line = ConfigMapper.jsonMapper().createObjectNode();
        line.put("schemaVersion", 1);
        line.put("sweep", sweepName);
        line.put("point", point);
        line.put("trial", trial);
        line.put("key", key);
        line.put("seed", seed);
        line.set("parameters", parameters.deepCopy());
        long started = System.nanoTime();
        ExperimentConfig config = null;
        try {
            config = resolve.get();
            Files.createDirectories(directory);
            JsonNode result;
            try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(directory.resolve(LOG_FILE),
                    StandardCharsets.UTF_8), true)) {
                Path file = executor.run(config, directory, log);
                result = ConfigMapper.jsonMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            }
            line.put("status", result.path("status").asText("completed"));
            ObjectNode values = line.putObject("metrics");
            for (String metric : metrics) {
                JsonNode value = result.at("/" + metric.replace('.', '/'));
                if (value.isNumber()) {
                    values.put(metric, value.doubleValue());
                } else if (value.isTextual() && isNonFinite(value.asText())) {
                    values.put(metric, Double.parseDouble(value.asText()));
                } else {
                    // null: the run did not produce it (no linear classifier, say); absent or not a number: a
                    // metric name this result does not have, worth a warning (missingMetrics).
                    values.putNull(metric);
                }
            }
            line.put("wallSeconds", (System.nanoTime() - started) * 1e-9);
            line.putNull("error");
            line.set("result", result);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            line.put("status", "failed");
            ObjectNode values = line.putObject("metrics");
            for (String metric : metrics) {
                values.putNull(metric);
            }
            line.put("wallSeconds", (System.nanoTime() - started) * 1e-9);
            line.put("error", describe(e));
            line.putNull("result");
            if (config != null) {
                JsonNode resolved = ConfigMapper.valueToTree(config);
                line.set("provenance", ConfigMapper.valueToTree(Provenance.capture(seed, resolved,
                        commandLine, Kernels.backendDescription())));
            }
            appendFailure(directory, e);
        }
        return line;
    }

    /**
     * Adds to {@code missing} the metrics of a line that its result does not have, or has as something other than
     * a number (a null, a run that did not produce it, is not missing).
     *
     * @param line a line with its {@code result}
     * @param metrics the recorded metrics
     * @param missing receives the names
     */
    static void collectMissing(JsonNode line, List<String> metrics, Set<String> missing) {
        JsonNode result = line.path("result");
        if (!result.isObject()) {
            return;
        }
        for (String metric : metrics) {
            JsonNode value = result.at("/" + metric.replace('.', '/'));
            if (!value.isNumber() && !value.isNull() && !(value.isTextual() && isNonFinite(value.asText()))) {
                missing.add(metric);
            }
        }
    }

    private static boolean isNonFinite(String text) {
        return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity");
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e instanceof UncheckedIOException || e instanceof IOException ? "input/output error"
                : e instanceof IllegalArgumentException ? "invalid argument"
                : e.getClass().getSimpleName();
        return message == null ? type : type + ": " + message;
    }

    /** Appends the stack trace of a failure to the run's log, for a bug report; best effort. */
    private static void appendFailure(Path directory, Throwable e) {
        try {
            Files.createDirectories(directory);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Files.writeString(directory.resolve("log.txt"), "\nxbarlab sweep: this run failed:\n" + trace,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException ignored) {
            // The failure itself is recorded in results.jsonl; the log is a convenience.
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "xbarlab-sweep-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
