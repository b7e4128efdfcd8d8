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

    /** The demo shrunk to seconds: the synthetic set, few samples, a small layer. */
    private CliTestSupport.Run smallDemo(Path out, String seed) {
        return CliTestSupport.run("demo", "--dataset", "synthetic", "--train-samples", "300", "--seed", seed,
                "--set", "data.testSamples=100", "--set", "training.layerSizes=[784, 40]", "--set",
                "training.winners=2", "--out", out.toString());
    }

    @Test
    void demoTrainsOnTheChipAndReportsAccuracyEnergyAndLatency() throws IOException {
        Path out = directory.resolve("demo");
        CliTestSupport.Run run = smallDemo(out, "7");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("direct association"), run.toString());
        assertTrue(run.out().contains("chip cost: training"), run.toString());
        assertTrue(run.out().contains("ag-a-si"), run.toString());

        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        double accuracy = result.at("/metrics/testAccuracyDirectAssociation").asDouble(-1);
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        assertTrue(result.at("/cost/training/energyPerSampleJoules").asDouble() > 0, result.toString());
        assertTrue(result.at("/cost/training/latencyPerSampleSeconds").asDouble() > 0, result.toString());
        assertTrue(result.at("/cost/inference/energyPerSampleJoules").asDouble() > 0, result.toString());
        assertEquals(7L, result.at("/provenance/rootSeed").asLong());
        assertEquals("synthetic", result.at("/provenance/resolvedConfig/data/dataset").asText());
        assertEquals(64, result.at("/provenance/configSha256").asText().length());
    }

    @Test
    void sameSeedGivesTheSameResult() throws IOException {
        assertEquals(metricsOf(directory.resolve("a"), "3"), metricsOf(directory.resolve("b"), "3"));
    }

    private String metricsOf(Path out, String seed) throws IOException {
        CliTestSupport.Run run = smallDemo(out, seed);
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        return result.at("/metrics/evaluations").toString() + result.at("/cost/summary/entries");
    }

    @Test
    void showConfigPrintsTheBuiltInExperiment() throws IOException {
        CliTestSupport.Run run = CliTestSupport.run("demo", "--show-config");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode config = ConfigMapper.jsonMapper().readTree(run.out());
        assertEquals("ag-a-si", config.at("/chip/devicePreset").asText());
    }

    @Test
    void unknownDataSetIsAConfigErrorWithoutStackTrace() {
        CliTestSupport.Run run = CliTestSupport.run("demo", "--dataset", "cifar", "--out", directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("mnist, fashion-mnist, synthetic"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void negativeEpochsNamesTheFieldAndTheValue() {
        CliTestSupport.Run run = CliTestSupport.run("demo", "--dataset", "synthetic", "--epochs", "-1", "--out",
                directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("epochs") && run.err().contains("-1"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void corruptDataSetIsAnInputErrorNamingTheFetchCommand() throws IOException {
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
