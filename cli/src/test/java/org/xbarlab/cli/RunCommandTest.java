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

class RunCommandTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private Path config(String json) throws IOException {
        Path file = directory.resolve("experiment.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void shortRunOnANonIdealChipWritesAccuracyEnergyAndLatency() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "test",
                 "data": {"dataset": "synthetic", "trainSamples": 400, "testSamples": 200},
                 "chip": {"devicePreset": "ag-a-si"},
                 "training": {"layerSizes": [784, 50], "epochs": 1, "winners": 2}}
                """);
        Path out = directory.resolve("out");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "5", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("direct association"), run.toString());
        assertTrue(run.out().contains("chip cost"), run.toString());
        assertTrue(run.err().contains("[test DA "), "the progress shows the latest accuracy: " + run);
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        // Learning quality is tested in the algorithms module; here the result must hold a valid accuracy.
        double accuracy = result.at("/metrics/testAccuracyDirectAssociation").asDouble(-1);
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        assertTrue(result.at("/cost/training/energyJoules").asDouble() > 0, result.toString());
        assertTrue(result.at("/cost/inference/latencyPerSampleSeconds").asDouble() > 0, result.toString());
        assertEquals("ag-a-si", result.at("/provenance/resolvedConfig/chip/device/name").asText());
        assertEquals(5, result.at("/provenance/rootSeed").asLong());
        assertEquals(2, result.at("/metrics/evaluations").size(), "untrained baseline and after epoch 1");
        JsonNode histogram = result.at("/devices/conductanceHistogram");
        long counted = 0;
        for (JsonNode count : histogram.path("counts")) {
            counted += count.asLong();
        }
        assertEquals(result.at("/devices/count").asLong(), counted, "every device in the histogram: " + histogram);
        assertTrue(histogram.path("highSiemens").asDouble() > histogram.path("lowSiemens").asDouble());
    }

    @Test
    void setOverridesAreValidatedAndNameThePath() throws IOException {
        Path file = config("{\"schemaVersion\": 1, \"name\": \"test\", \"data\": {\"dataset\": \"synthetic\"}}");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--set", "training.batchSize=0",
                "--out", directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("batchSize"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void unknownKeyIsAConfigError() throws IOException {
        Path file = config("{\"schemaVersion\": 1, \"name\": \"test\", \"trainingg\": {}}");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--out", directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("trainingg"), run.toString());
    }

    @Test
    void unknownDevicePresetListsTheNames() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "t", "chip": {"devicePreset": "unobtainium"}}
                """);
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--out", directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("unobtainium") && run.err().contains("pcm"), run.toString());
    }
}
