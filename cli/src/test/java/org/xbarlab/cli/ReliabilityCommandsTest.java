package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.kernels.Kernels;

/**
 * Issue #10 in the command: {@code xbarlab rerun} repeats a run bit for bit (here with another thread count) and
 * reports a difference; a run that diverges to NaN stops within a batch with exit code 6 and a partial result
 * marked failed; an experiment too large for the JVM's memory is refused before it starts.
 */
class ReliabilityCommandsTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private final int threadsBefore = Kernels.threads();

    @AfterEach
    void restoreThreads() {
        Kernels.setThreads(threadsBefore);
    }

    private Path config(String name, String json) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private static JsonNode read(Path file) throws IOException {
        return ConfigMapper.jsonMapper().readTree(Files.readString(file));
    }

    @Test
    void rerunWithOneThreadRepeatsATwoThreadRunBitForBit() throws IOException {
        Path file = config("chip.json", """
                {"schemaVersion": 1, "name": "rerun",
                 "data": {"dataset": "synthetic", "trainSamples": 320, "testSamples": 160},
                 "chip": {"devicePreset": "taox-hfox",
                          "tile": {"tileRows": 32, "tileColumns": 64, "updateMethod": "pulses",
                                   "pulses": {"scheme": "stochastic"}}},
                 "training": {"layerSizes": [784, 40], "epochs": 1, "winners": 2}}
                """);
        Path out = directory.resolve("original");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "9", "--threads", "2",
                "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        Path again = directory.resolve("again");
        CliTestSupport.Run rerun = CliTestSupport.run("rerun", out.resolve("result.json").toString(), "--threads",
                "1", "--out", again.toString());
        assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.toString());
        assertTrue(rerun.out().contains("identical"), rerun.toString());
        JsonNode first = read(out.resolve("result.json"));
        JsonNode second = read(again.resolve("result.json"));
        assertEquals(first.path("metrics").path("evaluations"), second.path("metrics").path("evaluations"));
        assertEquals(first.path("cost").path("summary"), second.path("cost").path("summary"));
        assertTrue(first.at("/metrics/epochs/0/pulsesFired").asLong() > 0, "the chip was pulsed: " + first);

        // A changed number in the original is found and named.
        ObjectNode tampered = (ObjectNode) first.deepCopy();
        ((ObjectNode) tampered.path("metrics")).put("testAccuracyDirectAssociation", 0.123);
        Path changed = directory.resolve("changed.json");
        Files.writeString(changed, ConfigMapper.writeJson(tampered));
        CliTestSupport.Run differs = CliTestSupport.run("rerun", changed.toString(), "--out",
                directory.resolve("third").toString());
        assertEquals(ExitCodes.RESULTS_DIFFER, differs.exitCode(), differs.toString());
        assertTrue(differs.out().contains("metrics.testAccuracyDirectAssociation: 0.123"), differs.toString());
    }

    @Test
    void rerunOfAFileThatIsNotAResultIsAConfigError() throws IOException {
        Path file = config("not-a-result.json", "{\"metrics\": {}}");
        CliTestSupport.Run run = CliTestSupport.run("rerun", file.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("provenance.resolvedConfig"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void divergenceStopsWithinABatchAndWritesAPartialResultMarkedFailed() throws IOException {
        // ReLU hidden units and an absurd learning rate: the weights overflow to infinity within a few batches,
        // and infinity minus infinity is NaN.
        Path file = config("diverges.json", """
                {"schemaVersion": 1, "name": "diverges",
                 "data": {"dataset": "synthetic", "trainSamples": 320, "testSamples": 160},
                 "training": {"layerSizes": [784, 30, 20], "activations": ["relu", "relu"],
                              "learningRates": [1e30, 1e30], "dropout": [0, 0, 0], "epochs": 2, "winners": 2}}
                """);
        Path out = directory.resolve("failed");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "3", "--out", out.toString());
        assertEquals(ExitCodes.NUMERICAL_FAILURE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("numerical failure") && run.err().contains("mini-batch"), run.toString());
        assertTrue(run.err().contains("NaN"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
        JsonNode result = read(out.resolve("result.json"));
        assertEquals("failed", result.path("status").asText(), result.toString());
        assertTrue(result.path("failure").asText().contains("epoch 1"), result.toString());
        assertTrue(result.at("/provenance/resolvedConfig").isObject(), "the partial result keeps its config");
    }

    @Test
    void anExperimentTooLargeForTheMemoryIsRefusedBeforeItStarts() throws IOException {
        Path file = config("huge.json", """
                {"schemaVersion": 1, "name": "huge", "data": {"dataset": "synthetic"},
                 "chip": {"devicePreset": "taox-hfox"},
                 "training": {"layerSizes": [784, 400000], "epochs": 1}}
                """);
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--out", directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("training.layerSizes") && run.err().contains("GB of memory"),
                run.toString());
        assertFalse(Files.exists(directory.resolve("result.json")), "nothing ran");
        CliTestSupport.Run validate = CliTestSupport.run("validate", file.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, validate.exitCode(), "validate checks it too: " + validate);
        assertTrue(validate.err().contains("GB of memory"), validate.toString());
    }
}
