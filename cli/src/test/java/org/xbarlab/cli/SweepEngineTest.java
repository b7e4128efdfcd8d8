package org.xbarlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.progress.Progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine plumbing of {@code xbarlab sweep} without Spark: the error when an engine is not on the class path, a
 * task executed away from the driver giving the local engine's line, and the journal recording a run once.
 */
class SweepEngineTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void theSparkEngineWithoutTheClusterJarIsAConfigErrorThatNamesTheJar() throws IOException {
        Path sweep = SweepTestSupport.writeSweep(directory, 1);
        Path out = directory.resolve("out");
        CliTestSupport.Run run = CliTestSupport.run("sweep", sweep.toString(), "--out", out.toString(),
                "--engine", "spark", "--master", "local[2]");
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the spark engine is not on the class path")
                && run.err().contains("xbarlab-cluster.jar") && run.err().contains("docs/cluster.md"), run.toString());
        assertFalse(Files.exists(out), "nothing is written");

        CliTestSupport.Run other = CliTestSupport.run("sweep", sweep.toString(), "--out", out.toString(),
                "--engine", "flink");
        assertEquals(ExitCodes.INVALID_CONFIG, other.exitCode(), other.toString());
        assertTrue(other.err().contains("no engine named 'flink'") && other.err().contains("available: local"),
                other.toString());

        CliTestSupport.Run master = CliTestSupport.run("sweep", sweep.toString(), "--out", out.toString(),
                "--master", "local[2]");
        assertEquals(ExitCodes.USAGE, master.exitCode(), master.toString());
        assertTrue(master.err().contains("--master and --engine-option need --engine spark"), master.toString());
    }

    @Test
    void aTaskExecutedElsewhereGivesTheLocalEnginesLine() throws IOException {
        Path sweep = SweepTestSupport.writeSweep(directory, 1);
        SweepPlan plan = SweepPlan.prepare(SweepPlan.read(sweep), directory);
        SweepGrid.Run run = plan.grid().run(1, 0);
        Path data = directory.resolve("data");

        SweepTask task = SweepTask.of(plan, run, List.of("sweep"));
        SweepTaskResult remote = task.execute(directory.resolve("scratch"), data);
        assertEquals(run.key(), remote.key());
        assertTrue(remote.log().contains("xbarlab run: tiny"), remote.log());
        assertFalse(Files.exists(directory.resolve("scratch").resolve(run.key())), "scratch files are removed");

        ObjectNode parameters = ConfigMapper.jsonMapper().createObjectNode();
        run.point().values().forEach(parameters::set);
        JsonNode locally = SweepRunner.executeRun(plan.config().name(), run.point().index(), run.trial(), run.key(),
                run.seed(), parameters, plan.config().metrics(), () -> plan.resolve(run),
                directory.resolve("local"), SweepRunner.experiments(data, List.of("sweep")), List.of("sweep"));
        JsonNode elsewhere = ConfigMapper.jsonMapper().readTree(remote.line());
        assertEquals(comparable(locally), comparable(elsewhere));
        assertEquals("completed", elsewhere.path("status").asText());
    }

    @Test
    void theJournalRecordsARunOnce() throws IOException {
        Path sweep = SweepTestSupport.writeSweep(directory, 1);
        SweepPlan plan = SweepPlan.prepare(SweepPlan.read(sweep), directory);
        SweepGrid.Run run = plan.grid().run(0, 0);
        ObjectNode line = ConfigMapper.jsonMapper().createObjectNode();
        line.put("point", 0).put("trial", 0).put("key", run.key()).put("seed", run.seed()).put("status", "failed");
        ObjectNode parameters = line.putObject("parameters");
        run.point().values().forEach(parameters::set);
        Path out = directory.resolve("journal");
        try (SweepJournal journal = SweepJournal.open(out, plan.grid(), false, false)) {
            assertFalse(journal.isRecorded(run.key()));
            assertTrue(journal.append(line));
            assertTrue(journal.isRecorded(run.key()));
            assertFalse(journal.append(line), "a second line of the same run is dropped");
        }
        assertEquals(1, SweepTestSupport.lines(out.resolve(SweepJournal.JSON_LINES)).size());
        try (SweepJournal journal = SweepJournal.open(out, plan.grid(), true, false)) {
            assertFalse(journal.append(line), "also after a resume");
        }
        assertEquals(1, SweepTestSupport.lines(out.resolve(SweepJournal.JSON_LINES)).size());
    }

    @Test
    void anEngineRunsTheRunsInBatchesAndADuplicatedResultIsRecordedOnce() throws Exception {
        // An engine that executes every task in this JVM and delivers every result twice, as a speculative copy
        // would: the runner records each run once, with its files in DIR/runs/KEY.
        List<Integer> jobSizes = new java.util.ArrayList<>();
        SweepEngine twice = new SweepEngine() {
            @Override
            public String name() {
                return "twice";
            }

            @Override
            public void run(Job job, java.util.function.Consumer<SweepTaskResult> sink) {
                jobSizes.add(job.tasks().size());
                for (SweepTask task : job.tasks()) {
                    SweepTaskResult result = task.execute(directory.resolve("scratch"), job.dataDirectory());
                    sink.accept(result);
                    sink.accept(result);
                }
            }
        };
        Path sweep = SweepTestSupport.writeSweep(directory, 1);
        SweepPlan plan = SweepPlan.prepare(SweepPlan.read(sweep), directory);
        Path out = directory.resolve("out");
        SweepRunner runner = new SweepRunner(plan, out, 1, List.of("sweep"),
                SweepRunner.experiments(directory.resolve("data"), List.of("sweep")));
        runner.engineBatchRuns(3);
        SweepRunner.Summary summary;
        try (SweepJournal journal = SweepJournal.open(out, plan.grid(), false, false)) {
            summary = runner.run(journal, Progress.NONE, twice, directory.resolve("data"), List.of(), null, Map.of());
        }
        assertEquals(4, summary.completed());
        assertEquals(List.of(3, 1), jobSizes, "4 runs in batches of 3");
        List<JsonNode> lines = SweepTestSupport.lines(out.resolve(SweepJournal.JSON_LINES));
        assertEquals(4, SweepTestSupport.byKey(lines).size());
        for (JsonNode line : lines) {
            Path runDirectory = out.resolve("runs").resolve(line.path("key").asText());
            assertTrue(Files.isRegularFile(runDirectory.resolve("result.json")), runDirectory.toString());
            assertTrue(Files.isRegularFile(runDirectory.resolve("log.txt")), runDirectory.toString());
        }
        assertEquals(5, Files.readAllLines(out.resolve(SweepJournal.CSV)).size(), "header and 4 rows");
    }

    /** The line without wall times and the provenance's start time. */
    private static JsonNode comparable(JsonNode line) {
        ObjectNode copy = line.deepCopy();
        copy.remove("wallSeconds");
        ((ObjectNode) copy.path("result").path("metrics")).remove("wallSeconds");
        ((ObjectNode) copy.path("result").path("provenance")).remove("startTime");
        copy.path("result").path("metrics").path("epochs").forEach(epoch -> ((ObjectNode) epoch).remove("wallSeconds"));
        return copy;
    }
}
