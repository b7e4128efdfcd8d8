package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.state.CopyCheckpointAt;
import org.xbarlab.core.config.ConfigMapper;

/**
 * Issue #10, interruption: a run checkpointed between mini-batches and resumed from any of its checkpoints ends
 * with the same numbers, bit for bit, as the run never interrupted — on noisy chips with stochastic pulses, read
 * noise, ADCs and drift evaluations, by backpropagation and by equilibrium propagation, from inside an epoch and
 * at an epoch's end; a run stopped by SIGTERM writes its checkpoint and a partial result and exits with the signal's status (143), a run killed
 * by SIGKILL resumes from its last checkpoint; a checkpoint of another config is refused.
 */
class CheckpointResumeTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private static final String CHIP_BP = """
            {"schemaVersion": 1, "name": "checkpoint-bp",
             "data": {"dataset": "synthetic", "trainSamples": 192, "testSamples": 96},
             "chip": {"devicePreset": "taox-hfox",
                      "tile": {"tileRows": 32, "tileColumns": 64, "updateMethod": "pulses",
                               "pulses": {"scheme": "stochastic"}}},
             "training": {"layerSizes": [784, 30], "epochs": 3, "winners": 2},
             "evaluation": {"everyEpochs": 1, "inferenceTimesSeconds": [3600]}}
            """;

    private static final String CHIP_EP = """
            {"schemaVersion": 1, "name": "checkpoint-ep",
             "data": {"dataset": "synthetic", "trainSamples": 160, "testSamples": 80},
             "chip": {"devicePreset": "epiram"},
             "training": {"layerSizes": [784, 24, 20], "activations": ["hard-sigmoid", "hard-sigmoid"],
                          "learningRates": [0.5, 0.5], "dropout": [0, 0, 0], "rule": "equilibrium-propagation",
                          "epochs": 2, "winners": 2}}
            """;

    /** Adam on a chip (optimizer moments in the checkpoint), samples drawn with replacement. */
    private static final String SUPERVISED = """
            {"schemaVersion": 1, "name": "checkpoint-supervised", "method": "supervised",
             "data": {"dataset": "synthetic", "trainSamples": 300, "testSamples": 100, "centerCrop": 20,
                      "binarizeThreshold": 0.5},
             "chip": {"devicePreset": "ag-a-si"},
             "supervised": {"preset": "neurosim-mlp", "epochs": 2, "samplesPerEpoch": 150}}
            """;

    /** Pre-training, then alternating unsupervised and supervised stages (three optimizers, homeostasis). */
    private static final String SEMI = """
            {"schemaVersion": 1, "name": "checkpoint-semi", "method": "semi-supervised",
             "data": {"dataset": "synthetic", "trainSamples": 300, "testSamples": 100},
             "chip": {"devicePreset": "epiram"},
             "semiSupervised": {"preset": "backpropagation-100", "layerSizes": [784, 32, 10], "preEpochs": 2,
                                "epochs": 2, "batchSize": 64, "supervisedScheduleEpochs": 2,
                                "preBatchSize": 32, "supervisedBatchSize": 32}}
            """;

    /** A small convolutional network trained by the self-defined target on a noisy chip (Adam, pruning). */
    private static final String CNN = """
            {"schemaVersion": 1, "name": "checkpoint-cnn", "method": "cnn",
             "data": {"dataset": "synthetic", "trainSamples": 160, "testSamples": 80},
             "chip": {"devicePreset": "taox-hfox",
                      "tile": {"tileRows": 32, "tileColumns": 64, "updateMethod": "pulses",
                               "pulses": {"scheme": "stochastic"}}},
             "cnn": {"preset": "seed-paper-mnist", "network": "4f5-8f3-30", "learningRates": [0.01, 0.01, 0.01],
                     "epochs": 2, "batchSize": 16},
             "evaluation": {"directAssociation": true}}
            """;

    /** Krotov–Hopfield competing units on a noisy chip. */
    private static final String HEBBIAN = """
            {"schemaVersion": 1, "name": "checkpoint-hebbian", "method": "hebbian",
             "data": {"dataset": "synthetic", "trainSamples": 200, "testSamples": 100},
             "chip": {"devicePreset": "taox-hfox", "tile": {"tileRows": 32, "tileColumns": 64}},
             "hebbian": {"preset": "krotov-hopfield", "layerSizes": [784, 30], "epochs": 2, "batchSize": 20},
             "evaluation": {"directAssociation": true}}
            """;

    /** MUSCLE with the WTA target: Adam, two augmented views, homeostasis. */
    private static final String MUSCLE = """
            {"schemaVersion": 1, "name": "checkpoint-muscle", "method": "muscle",
             "data": {"dataset": "synthetic", "trainSamples": 200, "testSamples": 100},
             "chip": {"devicePreset": "epiram", "tile": {"tileRows": 32, "tileColumns": 64}},
             "muscle": {"preset": "muscle-wta-100", "layerSizes": [784, 32, 10], "epochs": 2, "batchSize": 40,
                        "labeledBatchSize": 10},
             "evaluation": {"directAssociation": false}}
            """;

    private static String experiment(String kind) {
        return switch (kind) {
            case "hebbian" -> HEBBIAN;
            case "muscle" -> MUSCLE;
            case "cnn" -> CNN;
            case "bp" -> CHIP_BP;
            case "ep" -> CHIP_EP;
            case "supervised" -> SUPERVISED;
            default -> SEMI;
        };
    }

    private Path write(String name, String json) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private static ExperimentConfig resolve(Path file) {
        return ExperimentRunner.resolve(file, ExperimentConfig.defaults(), List.of("seed=17"));
    }

    private static JsonNode read(Path file) throws IOException {
        return ConfigMapper.jsonMapper().readTree(Files.readString(file));
    }

    @ParameterizedTest(name = "{0}, crash after mini-batch {1}")
    @CsvSource({"bp, 2", "bp, 13", "bp, 24", "ep, 7", "ep, 10", "supervised, 6", "supervised, 14", "semi, 3",
        "semi, 9", "semi, 12", "cnn, 4", "cnn, 10", "hebbian, 7", "muscle, 3", "muscle, 5"})
    void aRunResumedFromACheckpointEqualsTheRunNeverInterrupted(String rule, int batch) throws IOException {
        // "bp, 13": in the second epoch; "bp, 24": the checkpoint after the last mini-batch of epoch 2, before its
        // evaluation; "ep, 10": the first epoch's last mini-batch.
        Path file = write(rule + ".json", experiment(rule));
        ExperimentConfig config = resolve(file);
        StringWriter text = new StringWriter();
        PrintWriter sink = new PrintWriter(text);

        Path original = directory.resolve(rule + "-original");
        Path saved = directory.resolve(rule + "-saved.xbc");
        ExperimentRunner.run(config, original, directory, List.of(), sink, sink,
                new CopyCheckpointAt(original.resolve(CheckpointOptions.FILE_NAME), saved, batch + 1L),
                new CheckpointOptions(original.resolve(CheckpointOptions.FILE_NAME), 0, 1, false));
        assertTrue(Files.exists(saved), "the checkpoint after mini-batch " + batch + " was copied");
        assertFalse(Files.exists(original.resolve(CheckpointOptions.FILE_NAME)),
                "a completed run removes its checkpoint");

        // The "crashed" run: its directory holds the checkpoint written after mini-batch `batch`.
        Path resumed = directory.resolve(rule + "-resumed");
        Files.createDirectories(resumed);
        Files.copy(saved, resumed.resolve(CheckpointOptions.FILE_NAME));
        CliTestSupport.Run run = CliTestSupport.run("run", "--resume", "--out", resumed.toString(),
                "--checkpoint-every", "0");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("resumed from"), run.toString());

        JsonNode first = read(original.resolve("result.json"));
        JsonNode second = read(resumed.resolve("result.json"));
        assertEquals(List.of(), RerunCommand.differences(first, second), "resumed run differs");
        assertTrue(first.at("/cost/training/energyJoules").asDouble() > 0, "the chip was written: " + first);
        assertEquals(first.path("provenance").path("resolvedConfig"), second.path("provenance")
                .path("resolvedConfig"));
    }

    @Test
    void aCheckpointOfAnotherConfigIsRefusedWithTheDifferingPath() throws IOException {
        Path file = write("bp.json", CHIP_BP);
        Path out = directory.resolve("run");
        StringWriter text = new StringWriter();
        PrintWriter sink = new PrintWriter(text);
        Path saved = directory.resolve("saved.xbc");
        ExperimentRunner.run(resolve(file), out, directory, List.of(), sink, sink,
                new CopyCheckpointAt(out.resolve(CheckpointOptions.FILE_NAME), saved, 3),
                new CheckpointOptions(out.resolve(CheckpointOptions.FILE_NAME), 0, 1, false));
        Files.copy(saved, out.resolve(CheckpointOptions.FILE_NAME));

        CliTestSupport.Run other = CliTestSupport.run("run", file.toString(), "--resume", "--seed", "17", "--set",
                "training.epochs=4", "--out", out.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, other.exitCode(), other.toString());
        assertTrue(other.err().contains("training.epochs"), other.toString());
        assertFalse(other.err().contains("\tat "), "no stack trace: " + other);

        Files.writeString(out.resolve(CheckpointOptions.FILE_NAME), "not a checkpoint");
        CliTestSupport.Run damaged = CliTestSupport.run("run", "--resume", "--out", out.toString());
        assertEquals(ExitCodes.IO_ERROR, damaged.exitCode(), damaged.toString());
        assertTrue(damaged.err().contains("not an xbarlab checkpoint"), damaged.toString());

        Files.write(out.resolve(CheckpointOptions.FILE_NAME), java.util.Arrays.copyOf(Files.readAllBytes(saved),
                (int) Files.size(saved) / 2));
        CliTestSupport.Run truncated = CliTestSupport.run("run", "--resume", "--out", out.toString());
        assertEquals(ExitCodes.IO_ERROR, truncated.exitCode(), truncated.toString());
        assertTrue(truncated.err().contains("truncated"), truncated.toString());

        CliTestSupport.Run nothing = CliTestSupport.run("run", "--resume", "--out",
                directory.resolve("empty").toString());
        assertEquals(ExitCodes.USAGE, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.err().contains("holds no checkpoint"), nothing.toString());

        CliTestSupport.Run badInterval = CliTestSupport.run("run", file.toString(), "--checkpoint-every", "ten");
        assertEquals(ExitCodes.USAGE, badInterval.exitCode(), badInterval.toString());
        assertTrue(badInterval.err().contains("--checkpoint-every"), badInterval.toString());
    }

    @Test
    void sigtermCheckpointsAndSigkillLosesOnlyTheWorkSinceTheLastCheckpoint() throws Exception {
        Path file = write("long.json", CHIP_BP.replace("\"trainSamples\": 192", "\"trainSamples\": 960")
                .replace("\"epochs\": 3", "\"epochs\": 2"));
        Path reference = directory.resolve("reference");
        CliTestSupport.Run uninterrupted = CliTestSupport.run("run", file.toString(), "--seed", "17", "--out",
                reference.toString(), "--data-dir", directory.toString());
        assertEquals(ExitCodes.OK, uninterrupted.exitCode(), uninterrupted.toString());
        JsonNode expected = read(reference.resolve("result.json"));

        // SIGTERM: the run checkpoints after its current mini-batch, writes a partial result and exits 128 + 15.
        Path stopped = directory.resolve("stopped");
        Process child = start(file, stopped, "--checkpoint-every", "0");
        awaitFile(stopped.resolve("progress.log"), child, "epoch 1");
        child.destroy();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the run stops within two minutes");
        String log = Files.readString(stopped.resolve("progress.log"));
        assertEquals(128 + 15, child.exitValue(), "the JVM exits with SIGTERM's status: " + log);
        assertTrue(log.contains("--resume"), log);
        assertEquals("interrupted", read(stopped.resolve("result.json")).path("status").asText(), log);
        assertTrue(Files.exists(stopped.resolve(CheckpointOptions.FILE_NAME)), log);
        CliTestSupport.Run resumed = CliTestSupport.run("run", file.toString(), "--seed", "17", "--resume", "--out",
                stopped.toString(), "--data-dir", directory.toString());
        assertEquals(ExitCodes.OK, resumed.exitCode(), resumed.toString());
        assertEquals(List.of(), RerunCommand.differences(expected, read(stopped.resolve("result.json"))));

        // SIGKILL: nothing runs at exit; the last checkpoint (every mini-batch here) is where the run goes on from.
        Path killed = directory.resolve("killed");
        Process victim = start(file, killed, "--checkpoint-every-batches", "1");
        awaitFile(killed.resolve(CheckpointOptions.FILE_NAME), victim, null);
        Thread.sleep(300);
        victim.destroyForcibly();
        victim.waitFor(60, TimeUnit.SECONDS);
        assertTrue(Files.exists(killed.resolve(CheckpointOptions.FILE_NAME)), "killed mid-run");
        assertFalse(Files.exists(killed.resolve("result.json")), "killed before the end");
        CliTestSupport.Run again = CliTestSupport.run("run", "--resume", "--out", killed.toString(),
                "--data-dir", directory.toString());
        assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
        assertTrue(again.out().contains("resumed from"), again.toString());
        assertEquals(List.of(), RerunCommand.differences(expected, read(killed.resolve("result.json"))),
                "a run killed by SIGKILL and resumed ends like the run never interrupted");
    }

    private Process start(Path file, Path out, String... extra) throws IOException {
        Files.createDirectories(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), XbarlabCommand.class.getName(), "run", file.toString(),
                "--seed", "17", "--out", out.toString(), "--data-dir", directory.toString()));
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve("progress.log").toFile()).start();
    }

    /** Waits until {@code file} exists (and contains {@code text}, if given) while the process runs. */
    private static void awaitFile(Path file, Process process, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(file) && (text == null || Files.readString(file).contains(text))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("waited in vain for " + file + (text == null ? "" : " to contain '" + text + "'")
                + "; process alive: " + process.isAlive());
    }
}
