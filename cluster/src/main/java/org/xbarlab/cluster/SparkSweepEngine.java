package org.xbarlab.cluster;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.xbarlab.cli.SweepEngine;
import org.xbarlab.cli.SweepTask;
import org.xbarlab.cli.SweepTaskResult;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.kernels.Kernels;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The {@code spark} engine of {@code xbarlab sweep}: every pending run of the sweep is one Spark task (one
 * partition of one job), executed by {@link SweepTask#execute} on an executor; the driver receives each task's
 * result as soon as it finishes (Spark's per-partition result handler) and records it.
 *
 * <p><b>Same results as locally.</b> A task carries its run's resolved config and seed; the executor runs the
 * same single-run code as the local engine, single-threaded, so the line is the local engine's line (only wall
 * times and the provenance's start time and command line differ). <b>Once per run.</b> Spark calls the result
 * handler once per partition, whatever the retries or speculative copies, and the driver's journal drops a second
 * line of a run key anyway. A task whose attempt dies (an executor lost, an exception outside the run) is retried
 * by Spark up to {@code spark.task.maxFailures} times (4 on a cluster; in local mode the master
 * {@code local[N,F]} allows F attempts, plain {@code local[N]} only one).
 *
 * <p><b>Data sets</b> ({@value #DATA_OPTION}): {@code shared} reads them on the executors from the driver's
 * {@code --data-dir} path, which must then be on a file system every executor mounts at the same path (the default
 * for {@code local} masters); {@code ship} sends each data set's folder once per executor with
 * {@link JavaSparkContext#addFile(String, boolean)} and points the runs at {@link SparkFiles#getRootDirectory()}
 * (the default for other masters).
 *
 * <p>Settings ({@code --engine-option KEY=VALUE}): keys starting with {@code spark.} are Spark properties, set on
 * the application's configuration (spark-submit's {@code --conf} works as well); {@value #DATA_OPTION} and
 * {@value #LOG_LEVEL_OPTION} are this engine's. Spark needs Java's module system opened on Java 17
 * ({@code --add-opens}, see docs/cluster.md); spark-submit and {@code cluster/xbarlab-spark} do it.
 *
 * <p>Stateless; a sweep creates its own Spark application and stops it at the end.
 */
public final class SparkSweepEngine implements SweepEngine {

    /** The engine's name for {@code --engine}. */
    public static final String NAME = "spark";

    /** How data sets reach the executors: {@code shared} or {@code ship}. */
    public static final String DATA_OPTION = "xbarlab.data";

    /** Spark's log level after start-up (default {@code WARN}): ALL, DEBUG, INFO, WARN, ERROR, OFF... */
    public static final String LOG_LEVEL_OPTION = "xbarlab.logLevel";

    /**
     * For tests: {@code true} makes the first attempt of every task fail after its run finished (as if the executor
     * died before reporting), so that Spark retries it. Needs {@code spark.task.maxFailures} of at least 2.
     */
    public static final String FAIL_FIRST_ATTEMPT_OPTION = "xbarlab.test.failFirstAttempt";

    /** How often the driver checks whether a job ended without delivering every result (a failed job). */
    private static final long POLL_MILLISECONDS = 200;

    /** How the data sets reach the executors. */
    public enum DataMode {
        /** The driver's data directory, on a file system every executor mounts at the same path. */
        SHARED,
        /** Each data set's folder sent once per executor by Spark ({@code SparkContext.addFile}). */
        SHIP
    }

    /** Required by {@link java.util.ServiceLoader}. */
    public SparkSweepEngine() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkSettings(String master, Map<String, String> options) {
        configuration(Settings.parse(options), master, "check");
    }

    @Override
    public void run(Job job, Consumer<SweepTaskResult> sink) throws InterruptedException {
        Settings settings = Settings.parse(job.options());
        DataMode data = settings.data();
        String logLevel = settings.logLevel();
        boolean failFirstAttempt = settings.failFirstAttempt();
        SparkConf conf = configuration(settings, job.master(), job.sweepName());
        String master = conf.get("spark.master");
        if (data == null) {
            data = isLocal(master) ? DataMode.SHARED : DataMode.SHIP;
        }
        JavaSparkContext context = new JavaSparkContext(conf);
        try {
            context.setLogLevel(logLevel);
            context.setJobDescription(String.format(Locale.ROOT, "xbarlab sweep %s: %d run(s)", job.sweepName(),
                    job.tasks().size()));
            String executorData = data == DataMode.SHARED ? job.dataDirectory().toAbsolutePath().toString() : null;
            if (data == DataMode.SHIP) {
                shipDataSets(context, job.dataDirectory(), job.dataSets());
            }
            runJob(context, job.tasks(), new RunTask(executorData, failFirstAttempt), sink);
        } finally {
            context.stop();
        }
    }

    /**
     * Runs one Spark job of one partition per task and hands each result to {@code sink} in this thread as it
     * arrives. Spark's result handler only queues the result: it runs in the scheduler's event loop, which must not
     * wait for the journal's disk writes (each forced to disk) before it launches the next task.
     */
    private static void runJob(JavaSparkContext context, List<SweepTask> tasks, RunTask function,
                               Consumer<SweepTaskResult> sink) throws InterruptedException {
        BlockingQueue<SweepTaskResult> arrived = new LinkedBlockingQueue<>();
        JavaRDD<SweepTask> rdd = context.parallelize(tasks, tasks.size());
        List<Object> partitions = new ArrayList<>(tasks.size());
        for (int p = 0; p < tasks.size(); p++) {
            partitions.add(p);
        }
        SimpleFutureAction<BoxedUnit> future = context.sc().submitJob(rdd.rdd(), function,
                CollectionConverters.asScala(partitions).toSeq(),
                new AbstractFunction2<Object, SweepTaskResult, BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(Object partition, SweepTaskResult result) {
                        arrived.add(result);
                        return BoxedUnit.UNIT;
                    }
                },
                new AbstractFunction0<BoxedUnit>() {
                    @Override
                    public BoxedUnit apply() {
                        return BoxedUnit.UNIT;
                    }
                });
        int received = 0;
        try {
            while (received < tasks.size()) {
                SweepTaskResult result = arrived.poll(POLL_MILLISECONDS, TimeUnit.MILLISECONDS);
                if (result != null) {
                    sink.accept(result);
                    received++;
                } else if (future.isCompleted() && arrived.isEmpty()) {
                    break;
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            future.cancel();
            throw e;
        }
        try {
            future.get();
        } catch (Exception e) {
            // What finished before the job failed is recorded (the loop above drained the queue).
            throw new SweepEngine.EngineFailure(firstLine(e.getMessage()), e);
        }
    }

    /**
     * The engine's settings from {@code --engine-option}.
     *
     * @param sparkProperties the {@code spark.*} settings
     * @param data how data sets reach the executors, or null for the master's default
     * @param logLevel Spark's log level after start-up
     * @param failFirstAttempt the test hook {@value #FAIL_FIRST_ATTEMPT_OPTION}
     */
    record Settings(Map<String, String> sparkProperties, DataMode data, String logLevel, boolean failFirstAttempt) {

        /**
         * Parses the settings.
         *
         * @param options the {@code --engine-option} settings
         * @return the settings
         * @throws ConfigException for an unknown key or an invalid value, naming the option
         */
        static Settings parse(Map<String, String> options) {
            Map<String, String> sparkProperties = new LinkedHashMap<>();
            DataMode data = null;
            String logLevel = "WARN";
            boolean failFirstAttempt = false;
            for (Map.Entry<String, String> option : options.entrySet()) {
                String key = option.getKey();
                String value = option.getValue();
                String source = "--engine-option " + key + "=" + value;
                if (key.startsWith("spark.")) {
                    sparkProperties.put(key, value);
                } else if (key.equals(DATA_OPTION)) {
                    data = switch (value) {
                        case "shared" -> DataMode.SHARED;
                        case "ship" -> DataMode.SHIP;
                        default -> throw new ConfigException("", -1, source, "must be shared or ship");
                    };
                } else if (key.equals(LOG_LEVEL_OPTION)) {
                    logLevel = value.toUpperCase(Locale.ROOT);
                    if (!List.of("ALL", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF").contains(logLevel)) {
                        throw new ConfigException("", -1, source, "must be one of ALL, TRACE, DEBUG, INFO, WARN, "
                                + "ERROR, FATAL, OFF");
                    }
                } else if (key.equals(FAIL_FIRST_ATTEMPT_OPTION)) {
                    failFirstAttempt = Boolean.parseBoolean(value);
                } else {
                    throw new ConfigException("", -1, source, "unknown setting of the spark engine; expected a "
                            + "Spark property (spark.*), " + DATA_OPTION + " or " + LOG_LEVEL_OPTION);
                }
            }
            return new Settings(Map.copyOf(sparkProperties), data, logLevel, failFirstAttempt);
        }
    }

    /**
     * The application's configuration: Spark's system properties (what spark-submit sets), the master, the
     * engine's Spark properties, and for a local master a driver bound to the loopback address.
     *
     * @param settings the engine's settings
     * @param master {@code --master}, or null
     * @param sweepName the sweep's name, for the application's name
     * @return the configuration
     * @throws ConfigException if no master is known
     */
    static SparkConf configuration(Settings settings, String master, String sweepName) {
        SparkConf conf = new SparkConf();
        if (master != null) {
            conf.setMaster(master);
        }
        settings.sparkProperties().forEach(conf::set);
        if (!conf.contains("spark.master")) {
            throw new ConfigException("", -1, "--engine spark", "no Spark master: give --master (local[2] for 2 "
                    + "cores of this machine, spark://HOST:7077 for a standalone cluster) or start the sweep with "
                    + "spark-submit --master ...");
        }
        conf.setIfMissing("spark.app.name", "xbarlab sweep " + sweepName);
        // Spark caps the results of one job in total (1 GiB by default), but the driver writes each run's line to
        // disk as it arrives and keeps none: a sweep of many runs (tens of kB each) must not hit that cap.
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        if (isLocal(conf.get("spark.master"))) {
            // Everything stays in this process: listen on the loopback address only, and no web UI.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }

    /** Whether a master runs the executors inside this JVM ({@code local}, {@code local[N]}, {@code local[N,F]}). */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /**
     * Sends each data set's folder to every executor once ({@code addFile}, recursive); the runs then read them
     * from {@link SparkFiles#getRootDirectory()}.
     *
     * @param context the application
     * @param dataDirectory the driver's data directory
     * @param dataSets the folders of {@code dataDirectory} to send
     */
    static void shipDataSets(JavaSparkContext context, Path dataDirectory, List<String> dataSets) {
        for (String folder : dataSets) {
            Path directory = dataDirectory.resolve(folder).toAbsolutePath();
            if (!Files.isDirectory(directory)) {
                throw new UncheckedIOException(new IOException("data set folder " + directory + " does not exist; "
                        + "it cannot be sent to the executors"));
            }
            context.addFile(directory.toUri().toString(), true);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "the Spark job failed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * The function of a task, run on an executor: executes the partition's one {@link SweepTask} in a scratch
     * directory and returns its result.
     */
    static final class RunTask extends AbstractFunction1<Iterator<SweepTask>, SweepTaskResult>
            implements Serializable {

        private static final long serialVersionUID = 1L;

        /** The data directory on the executors, or null for the shipped copy (SparkFiles). */
        private final String dataDirectory;
        private final boolean failFirstAttempt;

        RunTask(String dataDirectory, boolean failFirstAttempt) {
            this.dataDirectory = dataDirectory;
            this.failFirstAttempt = failFirstAttempt;
        }

        @Override
        public SweepTaskResult apply(Iterator<SweepTask> partition) {
            TaskContext task = TaskContext.get();
            // Tasks are the unit of parallelism, as the local engine's threads are; results do not depend on it.
            if (Kernels.threads() != 1) {
                Kernels.setThreads(1);
            }
            Path data = Path.of(dataDirectory != null ? dataDirectory : SparkFiles.getRootDirectory());
            List<SweepTaskResult> results = new ArrayList<>(1);
            while (partition.hasNext()) {
                results.add(execute(partition.next(), data));
            }
            if (results.size() != 1) {
                throw new IllegalStateException("a sweep partition holds one run, got " + results.size());
            }
            if (failFirstAttempt && task.attemptNumber() == 0) {
                throw new IllegalStateException("test hook " + FAIL_FIRST_ATTEMPT_OPTION + ": attempt 0 of run "
                        + results.get(0).key() + " dies after its run, before reporting");
            }
            return results.get(0);
        }

        private static SweepTaskResult execute(SweepTask sweepTask, Path data) {
            Path scratch;
            try {
                scratch = Files.createTempDirectory("xbarlab-sweep-task-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a scratch directory for run " + sweepTask.key(), e);
            }
            try {
                return sweepTask.execute(scratch, data);
            } finally {
                deleteQuietly(scratch);
            }
        }

        private static void deleteQuietly(Path directory) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // Scratch space in the temporary directory.
            }
        }
    }
}
