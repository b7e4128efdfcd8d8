package org.xbarlab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.cli.ExitCodes;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spark engine in Spark's local mode against the local engine, on a tiny sweep of 4 points × 2 trials: the
 * same lines run by run (wall times and the provenance's start time and command line aside), a task that dies is
 * retried and recorded once, a failed Spark job leaves a journal that either engine resumes.
 */
class SparkSweepEngineTest extends XbarlabTestBase {

    /** The reference: the sweep run by the local engine on 2 threads. */
    private static Map<String, JsonNode> local;

    private static Path localOut;

    @TempDir
    static Path shared;

    @TempDir
    Path directory;

    @BeforeAll
    static void runLocally() throws IOException {
        Path sweep = ClusterTestSupport.writeSweep(shared, "4, 8", 2);
        localOut = shared.resolve("local");
        ClusterTestSupport.Run run = ClusterTestSupport.xbarlab("sweep", sweep.toString(), "--out",
                localOut.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        local = ClusterTestSupport.comparable(ClusterTestSupport.lines(localOut.resolve("results.jsonl")));
        assertEquals(8, local.size());
    }

    @Test
    void aSweepRunBySparkEqualsTheLocalSweepRunByRun() throws IOException {
        Path sweep = ClusterTestSupport.writeSweep(directory, "4, 8", 2);
        Path out = directory.resolve("spark");
        ClusterTestSupport.Run run = ClusterTestSupport.xbarlab("sweep", sweep.toString(), "--out", out.toString(),
                "--engine", "spark", "--master", "local[2]");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("runs on the spark engine (master local[2])"), run.toString());
        assertTrue(run.out().contains("ran 8 run(s)") && run.out().contains("(0 failed)"), run.toString());
        assertEquals(local, ClusterTestSupport.comparable(ClusterTestSupport.lines(out.resolve("results.jsonl"))));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
        assertEquals(9, csv.size(), "header and 8 rows");
        assertEquals(Files.readAllLines(localOut.resolve("results.csv")).get(0), csv.get(0));
        for (String key : local.keySet()) {
            Path runDirectory = out.resolve("runs").resolve(key);
            assertTrue(Files.isRegularFile(runDirectory.resolve("result.json")), key);
            assertTrue(Files.readString(runDirectory.resolve("log.txt")).contains("xbarlab run: tiny"), key);
        }
        // The report reads the same files.
        ClusterTestSupport.Run report = ClusterTestSupport.xbarlab("report", out.toString(), "--out",
                directory.resolve("figures").toString(), "--format", "svg");
        assertEquals(ExitCodes.OK, report.exitCode(), report.toString());
    }

    @Test
    void aTaskThatDiesAfterItsRunIsRetriedAndRecordedOnce() {
        Path out = directory.resolve("retried");
        ClusterTestSupport.Run run = ClusterTestSupport.xbarlab("sweep", shared.resolve("sweep.json").toString(),
                "--out", out.toString(), "--engine", "spark", "--master", "local[2,3]",
                "--engine-option", SparkSweepEngine.FAIL_FIRST_ATTEMPT_OPTION + "=true");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        // comparable() fails on a key recorded twice.
        assertEquals(local, ClusterTestSupport.comparable(ClusterTestSupport.lines(out.resolve("results.jsonl"))));
    }

    @Test
    void aFailedSparkJobLeavesAJournalThatEitherEngineResumes() throws IOException {
        // Plain local[2] allows one attempt per task: the hook fails the job before any run is recorded.
        Path out = directory.resolve("failed");
        ClusterTestSupport.Run failed = ClusterTestSupport.xbarlab("sweep", shared.resolve("sweep.json").toString(),
                "--out", out.toString(), "--engine", "spark", "--master", "local[2]",
                "--engine-option", SparkSweepEngine.FAIL_FIRST_ATTEMPT_OPTION + "=true");
        assertEquals(ExitCodes.INTERNAL_ERROR, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains("the spark engine could not execute every run")
                && failed.err().contains("xbarlab sweep --resume --out " + out), failed.toString());
        assertTrue(!failed.err().contains("\tat "), "no stack trace: " + failed);

        ClusterTestSupport.Run resumed = ClusterTestSupport.xbarlab("sweep", "--resume", "--out", out.toString(),
                "--threads", "2");
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertEquals(local, ClusterTestSupport.comparable(ClusterTestSupport.lines(out.resolve("results.jsonl"))));
    }

    @Test
    void sparkResumesALocalSweepKilledMidWrite() throws IOException {
        // A local sweep killed after 3 runs, in the middle of writing the 4th line.
        Path out = directory.resolve("killed");
        Files.createDirectories(out);
        Files.copy(localOut.resolve("sweep.json"), out.resolve("sweep.json"));
        List<String> lines = Files.readAllLines(localOut.resolve("results.jsonl"), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("results.jsonl"), String.join("\n", lines.subList(0, 3)) + "\n"
                + lines.get(3).substring(0, lines.get(3).length() / 2), StandardCharsets.UTF_8);

        ClusterTestSupport.Run run = ClusterTestSupport.xbarlab("sweep", "--resume", "--out", out.toString(),
                "--engine", "spark", "--master", "local[2]", "--engine-option", SparkSweepEngine.DATA_OPTION
                        + "=ship");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("resuming: 3 of 8 run(s) recorded (a partial last line"), run.toString());
        assertTrue(run.out().contains("ran 5 run(s)") && run.out().contains("3 recorded earlier"), run.toString());
        assertEquals(local, ClusterTestSupport.comparable(ClusterTestSupport.lines(out.resolve("results.jsonl"))));

        ClusterTestSupport.Run again = ClusterTestSupport.xbarlab("sweep", "--resume", "--out", out.toString(),
                "--engine", "spark", "--master", "local[2]");
        assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
        assertTrue(again.out().contains("ran 0 run(s)"), again.toString());
        assertEquals(8, ClusterTestSupport.lines(out.resolve("results.jsonl")).size());
    }

    @Test
    void invalidEngineSettingsStopTheSweepBeforeAnythingRuns() {
        Path sweep = shared.resolve("sweep.json");
        Path out = directory.resolve("invalid");
        ClusterTestSupport.Run unknown = ClusterTestSupport.xbarlab("sweep", sweep.toString(), "--out",
                out.toString(), "--engine", "spark", "--master", "local[2]", "--engine-option", "xbarlab.dta=ship");
        assertEquals(ExitCodes.INVALID_CONFIG, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("xbarlab.dta=ship") && unknown.err().contains("unknown setting"),
                unknown.toString());

        ClusterTestSupport.Run noMaster = ClusterTestSupport.xbarlab("sweep", sweep.toString(), "--out",
                out.resolve("2").toString(), "--engine", "spark");
        assertEquals(ExitCodes.INVALID_CONFIG, noMaster.exitCode(), noMaster.toString());
        assertTrue(noMaster.err().contains("no Spark master"), noMaster.toString());

        ClusterTestSupport.Run threads = ClusterTestSupport.xbarlab("sweep", sweep.toString(), "--out",
                out.resolve("3").toString(), "--engine", "spark", "--master", "local[2]", "--threads", "2");
        assertEquals(ExitCodes.USAGE, threads.exitCode(), threads.toString());
        assertTrue(!Files.exists(out.resolve("3").resolve("results.jsonl")), "nothing ran");
    }
}
