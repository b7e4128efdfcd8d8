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

/** {@code xbarlab run} with {@code method: hebbian} and {@code method: muscle}: presets, chips, the result file. */
class HebbianMuscleRunTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private Path config(String json) throws IOException {
        Path file = directory.resolve("experiment.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void hebbianPresetChosenOnTheCommandLineTrainsOnAChipAndIsEvaluatedByTheClassifier() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "hebbian", "method": "hebbian",
                 "data": {"dataset": "synthetic", "trainSamples": 400, "testSamples": 200},
                 "chip": {"devicePreset": "taox-hfox", "tile": {"tileRows": 64, "tileColumns": 64}},
                 "hebbian": {"layerSizes": [784, 40], "epochs": 1},
                 "evaluation": {"directAssociation": false, "labelFraction": 0.5,
                                "linearClassifier": {"activation": "identity", "dropoutFraction": 0.0,
                                                     "learningRate": 0.1, "epochs": 30, "batchSize": 32,
                                                     "schedule": {"model": "constant"}}}}
                """);
        Path out = directory.resolve("hebbian");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "4", "--set",
                "hebbian.preset=sanger-pca", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Hebbian network [784, 40] trained by the sanger pca rule"), run.out());
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        assertEquals("sanger-pca", result.at("/provenance/resolvedConfig/hebbian/rule").asText(), result.toString());
        double accuracy = result.at("/metrics/testAccuracyLinearClassifier").asDouble();
        // 10 classes, 200 test samples: chance 0.1 with σ = 0.021; 0.2 is 4.7σ above it (plumbing, not tuning:
        // the rules' learning is tested in the algorithms module).
        assertTrue(accuracy > 0.2, "10 classes: chance is 0.1, got " + accuracy);
        assertTrue(result.at("/cost/training/energyJoules").asDouble() > 0, "the chip was charged: " + result);

        CliTestSupport.Run unknown = CliTestSupport.run("run", file.toString(), "--set", "hebbian.preset=oja",
                "--out", out.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("hebbian.preset") && unknown.err().contains("krotov-hopfield"),
                unknown.toString());
        assertFalse(unknown.err().contains("\tat "), unknown.toString());
    }

    @Test
    void muscleWithTheWtaTargetRunsOnExactWeightsAndReportsTheNetworksAccuracy() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "muscle", "method": "muscle", "chip": null,
                 "data": {"dataset": "synthetic", "trainSamples": 400, "testSamples": 200},
                 "muscle": {"preset": "muscle-wta-100", "layerSizes": [784, 64, 10], "epochs": 2,
                            "batchSize": 64},
                 "evaluation": {"directAssociation": false}}
                """);
        Path out = directory.resolve("muscle");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "4", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        assertEquals(100, result.at("/provenance/resolvedConfig/muscle/labeledSamples").asInt());
        assertTrue(result.at("/provenance/resolvedConfig/muscle/wtaWeight").asDouble() > 0, result.toString());
        assertTrue(result.at("/metrics/testAccuracy").asDouble() > 0.2, result.toString());
    }
}
