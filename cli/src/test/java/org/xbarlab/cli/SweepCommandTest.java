package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.reports.results.CsvFormat;

class SweepCommandTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void tinySweepRecordsEveryRunWithItsConfigSeedAndProvenance() throws IOException {
        Path out = SweepTestSupport.sharedSweep().resolve("out");

        List<JsonNode> lines = SweepTestSupport.lines(out.resolve("results.jsonl"));
        assertEquals(8, lines.size());
        Set<String> keys = new HashSet<>();
        Map<Integer, Long> seedOfTrial = new HashMap<>();
        for (JsonNode line : lines) {
            assertEquals("completed", line.path("status").asText(), line.toString());
            assertTrue(keys.add(line.path("key").asText()));
            JsonNode result = line.path("result");
            long seed = line.path("seed").asLong();
            assertEquals(seed, result.at("/provenance/rootSeed").asLong(), "the run used the recorded seed");
            Long previous = seedOfTrial.putIfAbsent(line.path("trial").asInt(), seed);
            assertTrue(previous == null || previous == seed, "per-trial seeding: same seed at every point");
            JsonNode resolved = result.at("/provenance/resolvedConfig");
            assertEquals(line.at("/parameters/chip.tile.forward.adc.resolutionBits").asInt(),
                    resolved.at("/chip/tile/forward/adc/resolutionBits").asInt(), "the swept value was applied");
            assertEquals(line.at("/parameters/chip.device.variation.cycleToCycleWindowFraction").asDouble(),
                    resolved.at("/chip/device/variation/cycleToCycleWindowFraction").asDouble(), 0.0,
                    "a preset's parameter was swept");
            assertEquals("ag-a-si", resolved.at("/chip/device/name").asText());
            double accuracy = line.at("/metrics/metrics.testAccuracyDirectAssociation").asDouble(-1);
            assertTrue(accuracy >= 0 && accuracy <= 1, line.toString());
            assertTrue(line.at("/metrics/cost.training.energyPerSampleJoules").asDouble() > 0, line.toString());
            assertTrue(Files.isRegularFile(out.resolve("runs").resolve(line.path("key").asText())
                    .resolve("result.json")));
        }
        List<List<String>> csv = CsvFormat.parse(Files.readString(out.resolve("results.csv")));
        assertEquals(9, csv.size(), "header and 8 rows");
        assertEquals(List.of("point", "trial", "seed", "status", "chip.tile.forward.adc.resolutionBits",
                "chip.device.variation.cycleToCycleWindowFraction", "metrics.testAccuracyDirectAssociation",
                "cost.training.energyPerSampleJoules", "cost.inference.latencyPerSampleSeconds", "wallSeconds",
                "error"), csv.get(0));
        JsonNode manifest = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("sweep.json")));
        assertEquals(11, manifest.at("/sweep/seed").asLong());
        assertTrue(manifest.at("/sweep/base").isObject(), "the base is recorded inline");
        assertEquals(8, manifest.path("runs").asInt());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        // The shared sweep ran on 2 threads with 2 trials; per-trial seeding gives trial 0 the same seed with 1
        // trial, so a 1-trial sweep on 1 thread must reproduce every trial-0 run bit for bit.
        Path sweep = SweepTestSupport.writeSweep(directory, 1);
        Path one = directory.resolve("one");
        CliTestSupport.Run run = CliTestSupport.run("sweep", sweep.toString(), "--out", one.toString(),
                "--threads", "1");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("4 point(s) x 1 trial(s) = 4 run(s), root seed 11"), run.toString());
        assertTrue(run.out().contains("ran 4 run(s)"), run.toString());
        Map<String, JsonNode> first = SweepTestSupport.byKey(
                SweepTestSupport.lines(one.resolve("results.jsonl")));
        Map<String, JsonNode> second = SweepTestSupport.byKey(
                SweepTestSupport.lines(SweepTestSupport.sharedSweep().resolve("out/results.jsonl")));
        second.keySet().removeIf(key -> !key.endsWith("-t00"));
        assertEquals(first.keySet(), second.keySet());
        for (String key : first.keySet()) {
            assertEquals(first.get(key).path("seed"), second.get(key).path("seed"), key);
            assertEquals(first.get(key).path("metrics"), second.get(key).path("metrics"), key);
            assertEquals(first.get(key).at("/result/metrics/evaluations"),
                    second.get(key).at("/result/metrics/evaluations"), key);
            assertEquals(first.get(key).at("/result/cost/summary"), second.get(key).at("/result/cost/summary"), key);
        }
    }

    @Test
    void compactFormDryRunValidatesEveryPointAndWritesNothing() throws IOException {
        Path base = SweepTestSupport.writeBase(directory);
        Path out = directory.resolve("dry");
        CliTestSupport.Run run = CliTestSupport.run("sweep", "--base", base.toString(),
                "--vary", "chip.tile.forward.adc.resolutionBits=4,6,8",
                "--vary", "chip.device.variation.cycleToCycleWindowFraction=0.001:0.1:3:log",
                "--trials", "3", "--out", out.toString(), "--dry-run");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("9 point(s) x 3 trial(s) = 27 run(s)"), run.toString());
        assertTrue(run.out().contains("every point is valid"), run.toString());
        assertTrue(run.out().contains("0.01"), "the grid is listed: " + run);
        assertFalse(Files.exists(out), "a dry run writes nothing");
    }

    @Test
    void anInvalidValueStopsTheSweepBeforeAnythingRunsAndNamesPathValueAndPoint() throws IOException {
        Path base = SweepTestSupport.writeBase(directory);
        Path out = directory.resolve("bad");
        CliTestSupport.Run run = CliTestSupport.run("sweep", "--base", base.toString(),
                "--vary", "training.batchSize=4,0", "--out", out.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("training.batchSize") && run.err().contains("got 0")
                && run.err().contains("sweep point 1"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
        assertFalse(Files.exists(out.resolve("results.jsonl")), "nothing ran");

        CliTestSupport.Run range = CliTestSupport.run("sweep", "--base", base.toString(),
                "--vary", "training.epochs=1:2:3", "--out", out.toString(), "--dry-run");
        assertEquals(ExitCodes.INVALID_CONFIG, range.exitCode(), range.toString());
        assertTrue(range.err().contains("training.epochs") && range.err().contains("1.5"), range.toString());

        CliTestSupport.Run both = CliTestSupport.run("sweep", base.toString(), "--base", base.toString());
        assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
        CliTestSupport.Run neither = CliTestSupport.run("sweep", "--out", out.toString());
        assertEquals(ExitCodes.USAGE, neither.exitCode(), neither.toString());
    }

    @Test
    void existingResultsNeedResumeAndAnotherSweepIsRefused() throws IOException {
        SweepTestSupport.copy(SweepTestSupport.sharedSweep(), directory);
        Path sweep = directory.resolve("sweep.json");
        Path out = directory.resolve("out");
        CliTestSupport.Run again = CliTestSupport.run("sweep", sweep.toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode(), again.toString());
        assertTrue(again.err().contains("--resume"), again.toString());

        CliTestSupport.Run other = CliTestSupport.run("sweep", sweep.toString(), "--out", out.toString(),
                "--resume", "--trials", "3");
        assertEquals(ExitCodes.USAGE, other.exitCode(), other.toString());
        assertTrue(other.err().contains("differs from this one in trials"), other.toString());

        CliTestSupport.Run done = CliTestSupport.run("sweep", "--resume", "--out", out.toString());
        assertEquals(ExitCodes.OK, done.exitCode(), done.toString());
        assertTrue(done.out().contains("resuming: 8 of 8 run(s) recorded") && done.out().contains("ran 0 run(s)"),
                done.toString());
        assertEquals(8, SweepTestSupport.lines(out.resolve("results.jsonl")).size(), "nothing duplicated");
    }

    @Test
    void aFailedRunIsRecordedAndTheSweepGoesOnThenRetryFailedRunsItAgain() throws Exception {
        SweepTestSupport.writeBase(directory);
        SweepConfig sweep = new SweepConfig(1, "failing", TextNode.valueOf("base.json"), List.of(),
                List.of(SweepParameter.of("chip.tile.forward.adc.resolutionBits",
                        List.of(IntNode.valueOf(4), IntNode.valueOf(6), IntNode.valueOf(8)))),
                1, 5L, null, List.of("metrics.testAccuracyDirectAssociation"));
        SweepPlan plan = SweepPlan.prepare(sweep, directory);
        Path out = directory.resolve("failing");
        SweepRunner.Executor real = SweepRunner.experiments(directory, List.of("test"));
        SweepRunner.Executor flaky = (config, runDirectory, log) -> {
            if (runDirectory.getFileName().toString().startsWith("p0001")) {
                throw new IllegalStateException("diverged on purpose");
            }
            return real.run(config, runDirectory, log);
        };
        SweepRunner.Summary summary;
        try (SweepJournal journal = SweepJournal.open(out, plan.grid(), false, false)) {
            summary = new SweepRunner(plan, out, 2, List.of("test"), flaky).run(journal,
                    org.xbarlab.core.progress.Progress.NONE);
        }
        assertEquals(2, summary.completed());
        assertEquals(1, summary.failed());
        List<JsonNode> lines = SweepTestSupport.lines(out.resolve("results.jsonl"));
        assertEquals(3, lines.size());
        JsonNode failed = lines.stream().filter(line -> line.path("point").asInt() == 1).findFirst().orElseThrow();
        assertEquals("failed", failed.path("status").asText());
        assertTrue(failed.path("error").asText().contains("diverged on purpose"), failed.toString());
        assertEquals(6, failed.at("/provenance/resolvedConfig/chip/tile/forward/adc/resolutionBits").asInt(),
                "its resolved config: " + failed);
        assertEquals(failed.path("seed"), failed.at("/provenance/rootSeed"));
        assertTrue(failed.at("/metrics/metrics.testAccuracyDirectAssociation").isNull());
        assertTrue(Files.readString(out.resolve("runs/p0001-t00/log.txt")).contains("diverged on purpose"));

        try (SweepJournal journal = SweepJournal.open(out, plan.grid(), true, true)) {
            assertEquals(1, journal.droppedFailures());
            summary = new SweepRunner(plan, out, 1, List.of("test"), real).run(journal,
                    org.xbarlab.core.progress.Progress.NONE);
        }
        assertEquals(1, summary.completed());
        assertEquals(2, summary.alreadyRecorded());
        lines = SweepTestSupport.lines(out.resolve("results.jsonl"));
        assertEquals(3, lines.size(), "the failed line was replaced, not duplicated");
        assertTrue(lines.stream().allMatch(line -> line.path("status").asText().equals("completed")));
        assertEquals(4, Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8).size());
    }

    @Test
    void aPartialLastLineIsTruncatedOnResumeAndItsRunRunsAgain() throws Exception {
        SweepTestSupport.copy(SweepTestSupport.sharedSweep(), directory);
        Path sweepFile = directory.resolve("sweep.json");
        Path out = directory.resolve("out");
        Path jsonLines = out.resolve("results.jsonl");
        List<String> text = Files.readAllLines(jsonLines, StandardCharsets.UTF_8);
        // Keep seven complete lines and half of the eighth: what a kill during a write leaves.
        String last = text.get(7);
        String cut = String.join("\n", text.subList(0, 7)) + "\n" + last.substring(0, last.length() / 2);
        Files.writeString(jsonLines, cut, StandardCharsets.UTF_8);
        CliTestSupport.Run resumed = CliTestSupport.run("sweep", sweepFile.toString(), "--out", out.toString(),
                "--resume");
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("resuming: 7 of 8 run(s) recorded (a partial last line"),
                resumed.toString());
        assertTrue(resumed.out().contains("ran 1 run(s)"), resumed.toString());
        Map<String, JsonNode> lines = SweepTestSupport.byKey(SweepTestSupport.lines(jsonLines));
        assertEquals(8, lines.size());
        assertEquals(parse(last).path("metrics"),
                lines.get(parse(last).path("key").asText()).path("metrics"),
                "the run cut short ran again with the same result");
        List<List<String>> csv = CsvFormat.parse(Files.readString(out.resolve("results.csv")));
        assertEquals(9, csv.size(), "the table was rebuilt from the complete lines: " + csv);
    }

    private static JsonNode parse(String line) throws IOException {
        return ConfigMapper.jsonMapper().readTree(line);
    }

}
