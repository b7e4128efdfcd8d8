package org.xbarlab.algorithms.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.algorithms.conv.CnnConfig;
import org.xbarlab.algorithms.conv.CnnMode;
import org.xbarlab.algorithms.conv.PoolingConfig;
import org.xbarlab.algorithms.conv.PoolingKind;
import org.xbarlab.algorithms.evaluation.LinearClassifierConfig;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.OptimizerKind;
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
import org.xbarlab.crossbar.UpdateMethod;
import org.xbarlab.crossbar.update.PulseUpdateConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CNN run checkpointed after every mini-batch and resumed, with a fresh network, from the checkpoint written after
 * mini-batch {@code k} ends with the same epochs (wall times aside), evaluations and chip costs, bit for bit, as the
 * run never interrupted: on exact weights and on a noisy analog chip with stochastic pulse trains, in both modes.
 */
class CnnCheckpointResumeTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private static CnnConfig config(String mode, boolean chip) {
        // On the chip, wta uses plain SGD without pruning (the crossbar's stochastic outer-product update) and
        // supervised uses Adam (moments in the checkpoint); on exact weights the other way round, with pruning.
        boolean wta = mode.equals("wta");
        OptimizerKind optimizer = wta == chip ? OptimizerKind.SGD : OptimizerKind.ADAM;
        double rate = optimizer == OptimizerKind.SGD ? 0.05 : 1e-3;
        String network = wta ? "4f5-8f3-24" : "4f5-8f3-10";
        return new CnnConfig(wta ? CnnMode.WTA : CnnMode.SUPERVISED, network,
                PoolingConfig.seedPaper(PoolingKind.MAX), chip ? 0.0 : 0.5, 0.2, optimizer, List.of(rate, rate, rate),
                2, 16, 0.5, 2, 0.2, 1, 1.0, 0.0);
    }

    private static Chip chip() {
        ChipConfig base = ChipConfig.of("taox-hfox");
        return new Chip(base.withTile(base.tile().withTileSize(32, 64).withUpdateMethod(UpdateMethod.PULSES)
                .withPulses(PulseUpdateConfig.stochastic())), RngStreams.of(TEST_SEED));
    }

    @ParameterizedTest(name = "{0} on {1}, resumed after mini-batch {2}")
    @CsvSource({"wta, exact, 3", "wta, exact, 6", "supervised, exact, 8", "wta, chip, 8", "supervised, chip, 3"})
    void aResumedRunEqualsTheRunNeverInterrupted(String mode, String weights, int batch) {
        boolean onChip = weights.equals("chip");
        CnnConfig config = config(mode, onChip);
        DataConfig data = new DataConfig("synthetic", 96, 48);
        EvaluationConfig evaluation = new EvaluationConfig(true, LinearClassifierConfig.defaults().withEpochs(3),
                0.5, 1, true, onChip ? List.of(3600.0) : List.of());
        CnnExperiment experiment = new CnnExperiment(config, data, evaluation);

        Path file = directory.resolve("run.xbc");
        Path saved = directory.resolve("saved.xbc");
        Chip chipA = onChip ? chip() : null;
        CostLedger ledgerA = onChip ? chipA.ledger() : new CostLedger();
        List<String> logA = new ArrayList<>();
        ExperimentResult a = experiment.run(factory(chipA), RngStreams.of(TEST_SEED), null,
                new CopyCheckpointAt(file, saved, batch + 1L), logA::add,
                Checkpointing.to(file, 0, 1, "cnn-test", ledgerA, false));
        assertTrue(a.completed(), String.join("\n", logA));
        assertTrue(Files.exists(saved), "the checkpoint after mini-batch " + batch + " was copied");

        Chip chipB = onChip ? chip() : null;
        CostLedger ledgerB = onChip ? chipB.ledger() : new CostLedger();
        List<String> logB = new ArrayList<>();
        ExperimentResult b = experiment.run(factory(chipB), RngStreams.of(TEST_SEED), null, Progress.NONE,
                logB::add, Checkpointing.to(saved, 0, 0, "cnn-test", ledgerB, true));
        assertTrue(b.completed());
        assertTrue(logB.get(0).startsWith("resumed from"), logB.get(0));

        assertEquals(withoutWallTimes(a.epochs()), withoutWallTimes(b.epochs()));
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.trainingSamples(), b.trainingSamples());
        assertEquals(a.inferenceSamples(), b.inferenceSamples());
        if (onChip) {
            assertTrue(ledgerA.energyJoules(Phase.TRAINING) > 0 && ledgerA.energyJoules(Phase.INFERENCE) > 0);
            for (Phase phase : Phase.values()) {
                assertEquals(ledgerA.energyJoules(phase), ledgerB.energyJoules(phase), phase.name());
                assertEquals(ledgerA.latencySeconds(phase), ledgerB.latencySeconds(phase), phase.name());
            }
            assertTrue(a.epochs().stream().mapToLong(EpochResult::pulsesFired).sum() > 0, "the chip was written");
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
