package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

/**
 * A sweep killed for real (SIGKILL of a child JVM, so no shutdown hook and possibly in the middle of a write) and
 * then resumed must end with every run recorded exactly once, and the lines recorded before the kill unchanged.
 */
class SweepResumeTest extends XbarlabTestBase {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    @TempDir
    Path directory;

    @Test
    void aSweepKilledMidwayResumesWithoutLosingOrRepeatingARun() throws Exception {
        Path sweep = SweepTestSupport.writeSweep(directory, 1);
        Path out = directory.resolve("out");
        Path jsonLines = out.resolve("results.jsonl");
        Path log = directory.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1", XbarlabCommand.class.getName(), "sweep", sweep.toString(), "--out",
                out.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            while (completeLines(jsonLines) < 1) {
                if (!child.isAlive()) {
                    fail("the sweep ended before it was killed (exit " + child.exitValue() + "):\n"
                            + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    fail("no results after 120 s:\n" + Files.readString(log));
                }
                Thread.sleep(10);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not die");
        } finally {
            child.destroyForcibly();
        }
        byte[] beforeBytes = Files.readAllBytes(jsonLines);
        String before = new String(beforeBytes, StandardCharsets.UTF_8);
        List<String> recordedBefore = completeLineTexts(before);
        assertTrue(recordedBefore.size() >= 1 && recordedBefore.size() < 4,
                "killed midway: " + recordedBefore.size() + " of 4 runs recorded");

        CliTestSupport.Run resumed = CliTestSupport.run("sweep", "--resume", "--out", out.toString(),
                "--threads", "2");
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("resuming: " + recordedBefore.size() + " of 4 run(s) recorded"),
                resumed.toString());
        assertTrue(resumed.out().contains("ran " + (4 - recordedBefore.size()) + " run(s)"), resumed.toString());

        String after = Files.readString(jsonLines, StandardCharsets.UTF_8);
        assertTrue(after.startsWith(String.join("", recordedBefore)), "lines recorded before the kill are unchanged");
        List<JsonNode> lines = SweepTestSupport.lines(jsonLines);
        Map<String, JsonNode> byKey = SweepTestSupport.byKey(lines);
        Set<String> expected = new TreeSet<>();
        for (int point = 0; point < 4; point++) {
            expected.add(SweepGrid.Run.key(point, 0));
        }
        assertEquals(expected, new TreeSet<>(byKey.keySet()), "every run exactly once");
        assertEquals(4, lines.size(), "nothing duplicated");
        assertTrue(lines.stream().allMatch(line -> line.path("status").asText().equals("completed")), after);
        assertEquals(5, Files.readAllLines(out.resolve("results.csv")).size(), "header and 4 rows");
    }

    /**
     * Killed again and again at random moments (while the JVM starts, while a run computes, while a line is
     * written, after the end) and resumed each time: every run is recorded exactly once, and complete lines are
     * never changed by a later kill or resume.
     */
    @Test
    void aSweepKilledRepeatedlyAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        Path sweep = SweepTestSupport.writeSweep(directory, 1);
        Path out = directory.resolve("out");
        Path jsonLines = out.resolve("results.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.SplittableRandom random = new java.util.SplittableRandom(TEST_SEED);
        List<String> recorded = new ArrayList<>();
        for (int kill = 0; kill < 5; kill++) {
            boolean started = Files.exists(out.resolve("sweep.json"));
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp",
                    System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                    XbarlabCommand.class.getName(), "sweep"));
            command.addAll(started ? List.of("--resume", "--out", out.toString(), "--threads", "1")
                    : List.of(sweep.toString(), "--out", out.toString(), "--threads", "1"));
            Path log = directory.resolve("child-" + kill + ".log");
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            try {
                Thread.sleep(random.nextInt(200, 2500));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not die");
            } finally {
                child.destroyForcibly();
            }
            if (Files.exists(jsonLines)) {
                List<String> now = completeLineTexts(Files.readString(jsonLines, StandardCharsets.UTF_8));
                assertTrue(now.size() >= recorded.size() && now.subList(0, recorded.size()).equals(recorded),
                        "kill " + kill + ": complete lines recorded earlier are unchanged");
                recorded = now;
            }
        }
        CliTestSupport.Run resumed = Files.exists(out.resolve("sweep.json"))
                ? CliTestSupport.run("sweep", "--resume", "--out", out.toString(), "--threads", "2")
                : CliTestSupport.run("sweep", sweep.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        List<JsonNode> lines = SweepTestSupport.lines(jsonLines);
        Map<String, JsonNode> byKey = SweepTestSupport.byKey(lines);
        assertEquals(4, byKey.size(), "every run recorded: " + byKey.keySet());
        assertEquals(4, lines.size(), "nothing duplicated");
        assertTrue(lines.stream().allMatch(line -> line.path("status").asText().equals("completed")),
                Files.readString(jsonLines));
        assertEquals(5, Files.readAllLines(out.resolve("results.csv")).size(), "header and 4 rows");
    }

    private static int completeLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The complete lines of a text, each with its newline. */
    private static List<String> completeLineTexts(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        return lines;
    }
}
