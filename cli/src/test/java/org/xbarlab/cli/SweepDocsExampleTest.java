package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

/**
 * The sweep examples of {@code docs/examples/sweep-*.json} stay runnable: every point of each runs (one trial,
 * shortened with {@code --set} so the test takes seconds), and the worked example's dry run gives the grid that
 * docs/sweeps.md describes.
 */
class SweepDocsExampleTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    static Path docs() {
        String property = System.getProperty("xbarlab.docs.dir");
        Path path = property != null ? Path.of(property) : Path.of("..", "docs");
        return path.toAbsolutePath().normalize();
    }

    static List<Path> sweepExamples() throws IOException {
        try (Stream<Path> files = Files.list(docs().resolve("examples"))) {
            return files.filter(file -> file.getFileName().toString().matches("sweep-.*\\.json")).sorted().toList();
        }
    }

    @Test
    void everySweepExampleRunsEveryPoint() throws IOException {
        List<Path> examples = sweepExamples();
        assertFalse(examples.isEmpty(), "no docs/examples/sweep-*.json in " + docs());
        for (Path example : examples) {
            // The sweep validates every point before it runs any; the figures are tested in ReportCommandTest.
            Path out = directory.resolve(example.getFileName().toString().replace(".json", ""));
            CliTestSupport.Run run = CliTestSupport.run("sweep", example.toString(), "--out", out.toString(),
                    "--trials", "1", "--threads", "2",
                    "--set", "data.trainSamples=100", "--set", "data.testSamples=50",
                    "--set", "training.epochs=1", "--set", "training.layerSizes=[784,10]", "--set",
                    "training.winners=2");
            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            List<JsonNode> lines = SweepTestSupport.lines(out.resolve("results.jsonl"));
            assertFalse(lines.isEmpty(), run.toString());
            assertTrue(lines.stream().allMatch(line -> line.path("status").asText().equals("completed")),
                    run.toString());
        }
    }

    @Test
    void theAdcAndNoiseExampleIsTheGridDocumentedInSweepsMd() throws IOException {
        Path example = docs().resolve("examples/sweep-adc-bits-output-noise.json");
        CliTestSupport.Run dry = CliTestSupport.run("sweep", example.toString(), "--dry-run", "--out",
                directory.resolve("dry").toString());
        assertEquals(ExitCodes.OK, dry.exitCode(), dry.toString());
        assertTrue(dry.out().contains("9 point(s) x 2 trial(s) = 18 run(s), root seed 42"), dry.toString());
        String guide = Files.readString(docs().resolve("sweeps.md"));
        assertTrue(guide.contains("sweep-adc-bits-output-noise.json"), "docs/sweeps.md works through the example");
    }
}
