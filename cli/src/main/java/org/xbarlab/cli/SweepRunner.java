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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.algorithms.data.DatasetFetcher;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.core.config.ConfigMapper;
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
        List<SweepGrid.Run> pending = new ArrayList<>();
        for (SweepGrid.Run run : plan.grid().runs()) {
            if (!journal.recordedKeys().contains(run.key())) {
                pending.add(run);
            }
        }
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
                    JsonNode line = execute(run, missing);
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

    private JsonNode execute(SweepGrid.Run run, Set<String> missing) {
        ObjectNode line = ConfigMapper.jsonMapper().createObjectNode();
        line.put("schemaVersion", 1);
        line.put("sweep", plan.config().name());
        line.put("point", run.point().index());
        line.put("trial", run.trial());
        line.put("key", run.key());
        line.put("seed", run.seed());
        ObjectNode parameters = line.putObject("parameters");
        run.point().values().forEach(parameters::set);
        Path directory = out.resolve("runs").resolve(run.key());
        long started = System.nanoTime();
        ExperimentConfig config = null;
        try {
            config = plan.resolve(run);
            Files.createDirectories(directory);
            JsonNode result;
            try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(directory.resolve("log.txt"),
                    StandardCharsets.UTF_8), true)) {
                Path file = executor.run(config, directory, log);
                result = ConfigMapper.jsonMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            }
            line.put("status", result.path("status").asText("completed"));
            ObjectNode metrics = line.putObject("metrics");
            for (String metric : plan.config().metrics()) {
                JsonNode value = result.at("/" + metric.replace('.', '/'));
                if (value.isNumber()) {
                    metrics.put(metric, value.doubleValue());
                } else if (value.isTextual() && isNonFinite(value.asText())) {
                    metrics.put(metric, Double.parseDouble(value.asText()));
                } else {
                    // null: the run did not produce it (no linear classifier, say); absent or not a number: a
                    // metric name this result does not have, worth a warning.
                    metrics.putNull(metric);
                    if (!value.isNull()) {
                        missing.add(metric);
                    }
                }
            }
            line.put("wallSeconds", (System.nanoTime() - started) * 1e-9);
            line.putNull("error");
            line.set("result", result);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            line.put("status", "failed");
            ObjectNode metrics = line.putObject("metrics");
            for (String metric : plan.config().metrics()) {
                metrics.putNull(metric);
            }
            line.put("wallSeconds", (System.nanoTime() - started) * 1e-9);
            line.put("error", describe(e));
            line.putNull("result");
            if (config != null) {
                JsonNode resolved = ConfigMapper.valueToTree(config);
                line.set("provenance", ConfigMapper.valueToTree(Provenance.capture(run.seed(), resolved,
                        commandLine, Kernels.backendDescription())));
            }
            appendFailure(directory, e);
        }
        return line;
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
