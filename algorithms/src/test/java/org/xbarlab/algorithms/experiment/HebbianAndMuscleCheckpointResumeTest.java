package org.xbarlab.algorithms.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.algorithms.evaluation.ConstantScheduleConfig;
import org.xbarlab.algorithms.evaluation.LinearClassifierConfig;
import org.xbarlab.algorithms.hebbian.DeviceUpdate;
import org.xbarlab.algorithms.hebbian.HebbianConfig;
import org.xbarlab.algorithms.hebbian.InputPreprocessing;
import org.xbarlab.algorithms.hebbian.WeightRead;
import org.xbarlab.algorithms.muscle.MuscleConfig;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.state.CopyCheckpointAt;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.DigitalCrossbar;

/**
 * A Hebbian or MUSCLE run checkpointed after every mini-batch and resumed, with a fresh network, from the checkpoint
 * written after mini-batch {@code k} ends with the same epochs (wall times aside), evaluations and chip costs, bit for
 * bit, as the run never interrupted: on exact weights and on a small noisy analog chip.
 */
class HebbianAndMuscleCheckpointResumeTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    /** The run as the experiment type does it. */
    @FunctionalInterface
    private interface Runner {
        ExperimentResult run(CrossbarFactory factory, Progress progress, List<String> log,
                             Checkpointing checkpointing);
    }

    private static final DataConfig DATA = new DataConfig("synthetic", 96, 48);

    private static EvaluationConfig evaluation(boolean onChip) {
        return new EvaluationConfig(true, LinearClassifierConfig.defaults().withEpochs(3), 0.5, 1, true,
                onChip ? List.of(3600.0) : List.of());
    }

    private static Runner hebbian(String rule, boolean onChip) {
        HebbianConfig base = switch (rule) {
            case "soft-wta" -> HebbianConfig.softWinnerTakeAll();
            case "sanger-pca" -> HebbianConfig.sangerPca();
            default -> HebbianConfig.krotovHopfield();
        };
        HebbianConfig config = base.withLayerSizes(List.of(784, 12)).withBatchSize(16).withEpochs(2)
                .withLearningRate(rule.equals("sanger-pca") ? 0.5 : 0.05, new ConstantScheduleConfig());
        if (rule.equals("soft-wta")) {
            config = config.withDevicePath(WeightRead.PERIPHERY, DeviceUpdate.OUTER_PRODUCT_AND_DELTA);
        }
        if (rule.equals("sanger-pca")) {
            config = config.withInputPreprocessing(InputPreprocessing.CENTER);
        }
        HebbianExperiment experiment = new HebbianExperiment(config, DATA, evaluation(onChip));
        return (factory, progress, log, checkpointing) -> experiment.run(factory, RngStreams.of(TEST_SEED), null,
                progress, log::add, checkpointing);
    }

    private static Runner muscle(boolean onChip) {
        MuscleConfig config = MuscleConfig.defaults(24).withLayers(List.of(784, 16, 10),
                List.of(Activation.RELU, Activation.IDENTITY)).withTraining(2, 32, 8);
        MuscleExperiment experiment = new MuscleExperiment(config, DATA, evaluation(onChip));
        return (factory, progress, log, checkpointing) -> experiment.run(factory, RngStreams.of(TEST_SEED), null,
                progress, log::add, checkpointing);
    }

    private static Chip chip() {
        ChipConfig base = ChipConfig.of("taox-hfox");
        return new Chip(base.withTile(base.tile().withTileSize(32, 64)), RngStreams.of(TEST_SEED));
    }

    @ParameterizedTest(name = "{0} on {1}, resumed after mini-batch {2}")
    @CsvSource({"krotov-hopfield, exact, 3", "soft-wta, exact, 7", "sanger-pca, exact, 6", "muscle, exact, 2",
        "muscle, exact, 5", "krotov-hopfield, chip, 8", "soft-wta, chip, 4", "muscle, chip, 4"})
    void aResumedRunEqualsTheRunNeverInterrupted(String method, String weights, int batch) {
        boolean onChip = weights.equals("chip");
        Runner runner = method.equals("muscle") ? muscle(onChip) : hebbian(method, onChip);

        Path file = directory.resolve("run.xbc");
        Path saved = directory.resolve("saved.xbc");
        Chip chipA = onChip ? chip() : null;
        CostLedger ledgerA = onChip ? chipA.ledger() : new CostLedger();
        List<String> logA = new ArrayList<>();
        ExperimentResult a = runner.run(factory(chipA), new CopyCheckpointAt(file, saved, batch), logA,
                Checkpointing.to(file, 0, 1, "id", ledgerA, false));
        assertTrue(a.completed(), String.join("\n", logA));
        assertTrue(Files.exists(saved), "the checkpoint after mini-batch " + batch + " was copied");

        Chip chipB = onChip ? chip() : null;
        CostLedger ledgerB = onChip ? chipB.ledger() : new CostLedger();
        List<String> logB = new ArrayList<>();
        ExperimentResult b = runner.run(factory(chipB), Progress.NONE, logB,
                Checkpointing.to(saved, 0, 0, "id", ledgerB, true));
        assertTrue(b.completed());
        assertTrue(logB.stream().anyMatch(line -> line.startsWith("resumed from")), String.join("\n", logB));

        assertEquals(withoutWallTimes(a.epochs()), withoutWallTimes(b.epochs()));
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.trainingSamples(), b.trainingSamples());
        assertEquals(a.inferenceSamples(), b.inferenceSamples());
        if (onChip) {
            assertTrue(ledgerA.energyJoules(Phase.TRAINING) > 0);
            for (Phase phase : Phase.values()) {
                assertEquals(ledgerA.energyJoules(phase), ledgerB.energyJoules(phase), phase.name());
                assertEquals(ledgerA.latencySeconds(phase), ledgerB.latencySeconds(phase), phase.name());
            }
        }
    }

    @Test
    void aRequestedStopEndsTheRunIncompleteWithItsCheckpoint() {
        Path file = directory.resolve("stopped.xbc");
        Checkpointing checkpointing = Checkpointing.to(file, 0, 0, "id", null, false);
        checkpointing.requestStop();
        for (Function<Boolean, Runner> method : List.<Function<Boolean, Runner>>of(
                onChip -> hebbian("krotov-hopfield", onChip), onChip -> muscle(onChip))) {
            ExperimentResult result = method.apply(false).run(factory(null), Progress.NONE, new ArrayList<>(),
                    checkpointing);
            assertFalse(result.completed());
            assertTrue(Files.exists(file));
            assertEquals(0, result.epochs().size());
        }
    }

    private static CrossbarFactory factory(Chip chip) {
        return chip == null ? (layer, rows, columns) -> new DigitalCrossbar(rows, columns) : chip::crossbar;
    }

    private static List<EpochResult> withoutWallTimes(List<EpochResult> epochs) {
        List<EpochResult> out = new ArrayList<>();
        for (EpochResult e : epochs) {
            out.add(new EpochResult(e.epoch(), e.meanLoss(), e.learningRateFactor(), e.pulsesFired(), 0));
        }
        return out;
    }
}
