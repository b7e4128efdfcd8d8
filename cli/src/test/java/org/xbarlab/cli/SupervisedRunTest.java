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

/** {@code xbarlab run} with {@code method: supervised}: presets, data preparation, chips, results. */
class SupervisedRunTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private Path config(String json) throws IOException {
        Path file = directory.resolve("experiment.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void neurosimWorkloadOnCroppedBinarizedImagesOnANonIdealChip() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "neurosim-test", "method": "supervised",
                 "data": {"dataset": "synthetic", "trainSamples": 300, "testSamples": 100, "centerCrop": 20,
                          "binarizeThreshold": 0.5},
                 "chip": {"devicePreset": "ag-a-si"},
                 "supervised": {"preset": "neurosim-mlp", "epochs": 2, "samplesPerEpoch": 150}}
                """);
        Path out = directory.resolve("out");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "3", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("test accuracy"), run.toString());
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        double accuracy = result.at("/metrics/testAccuracy").asDouble(-1);
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        JsonNode resolved = result.at("/provenance/resolvedConfig");
        assertEquals(400, resolved.at("/supervised/layerSizes/0").asInt(), "the preset's 400 inputs");
        assertEquals("sgd-dense", resolved.at("/supervised/optimizer").asText());
        assertEquals(150, resolved.at("/supervised/samplesPerEpoch").asInt(), "the file overrides the preset");
        assertTrue(resolved.path("training").isMissingNode() || resolved.path("training").isNull(),
                "no unsupervised section in a supervised run: " + resolved);
        assertEquals(300, result.at("/metrics/trainingSamples").asLong(), "2 epochs × 150 drawn samples");
        assertTrue(result.at("/cost/training/energyJoules").asDouble() > 0, result.toString());
        assertEquals(3, result.at("/metrics/evaluations").size(), "untrained and after each of 2 epochs");
    }

    @Test
    void methodCanBeSetOnTheCommandLineAndPresetsAreChecked() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "t", "data": {"dataset": "synthetic", "trainSamples": 100,
                 "testSamples": 50}, "chip": null,
                 "supervised": {"preset": "equilibrium-baseline", "layerSizes": [784, 16, 10], "epochs": 1}}
                """);
        Path out = directory.resolve("ep");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--set", "method=supervised", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("equilibrium propagation"), run.toString());

        Path bad = config("""
                {"schemaVersion": 1, "name": "t", "method": "supervised", "supervised": {"preset": "lenet"}}
                """);
        CliTestSupport.Run refused = CliTestSupport.run("run", bad.toString(), "--out", directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("supervised.preset") && refused.err().contains("neurosim-mlp"),
                refused.toString());
        assertFalse(refused.err().contains("\tat "), refused.toString());
    }

    @Test
    void outputSizeMustMatchTheClasses() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "t", "method": "supervised", "data": {"dataset": "synthetic"},
                 "supervised": {"layerSizes": [784, 30], "outputsPerClass": 1, "epochs": 1}}
                """);
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--out", directory.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("outputsPerClass"), run.toString());
    }

    @Test
    void semiSupervisedRunFromAPresetWithShortenedSchedule() throws IOException {
        Path file = config("""
                {"schemaVersion": 1, "name": "semi", "method": "semi-supervised",
                 "data": {"dataset": "synthetic", "trainSamples": 300, "testSamples": 100},
                 "chip": {"devicePreset": "epiram"},
                 "semiSupervised": {"preset": "backpropagation-100", "layerSizes": [784, 32, 10], "preEpochs": 2,
                                    "epochs": 2, "batchSize": 64, "supervisedScheduleEpochs": 2}}
                """);
        Path out = directory.resolve("semi");
        CliTestSupport.Run run = CliTestSupport.run("run", file.toString(), "--seed", "4", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("100 labeled and 200 unlabeled"), run.toString());
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        double accuracy = result.at("/metrics/testAccuracy").asDouble(-1);
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        assertEquals(0.1, result.at("/provenance/resolvedConfig/semiSupervised/homeostasisGain").asDouble(), 1e-12,
                "the preset for 100 labels");
        assertEquals(3, result.at("/metrics/evaluations").size(), "after pre-training and after each of 2 epochs");
        assertEquals(2 * 100 + 2 * 300, result.at("/metrics/trainingSamples").asLong());
        assertTrue(result.at("/cost/training/energyJoules").asDouble() > 0, result.toString());
    }
}
