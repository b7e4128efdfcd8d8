package org.xbarlab.algorithms.conv;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.DigitalCrossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixed random pruning mask: exact count, reproducible, and respected by every update. */
class PruningTest extends XbarlabTestBase {

    @Test
    void prunesExactlyTheRoundedFractionReproducibly() {
        RngStreams streams = RngStreams.of(TEST_SEED);
        Pruning first = Pruning.random(800, 0.5, streams.stream(Pruning.STREAM, 0));
        Pruning again = Pruning.random(800, 0.5, streams.stream(Pruning.STREAM, 0));
        Pruning other = Pruning.random(800, 0.5, streams.stream(Pruning.STREAM, 1));
        assertEquals(400, first.prunedCount());
        int counted = 0;
        boolean differs = false;
        for (int k = 0; k < 800; k++) {
            counted += first.isPruned(k) ? 1 : 0;
            assertEquals(first.isPruned(k), again.isPruned(k), "same stream, same mask");
            differs |= first.isPruned(k) != other.isPruned(k);
        }
        assertEquals(400, counted);
        assertTrue(differs, "another layer index gives another mask");
        // PyTorch's random_unstructured rounds amount·n: 0.11 × 2400 = 264.
        assertEquals(264, Pruning.random(2400, 0.11, streams.stream(Pruning.STREAM, 2)).prunedCount());
        assertFalse(Pruning.none(10).active());
    }

    @Test
    void prunedWeightsStayZeroThroughAdamAndSgdOnExactWeights() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            ConvLayer layer = layer(new DigitalCrossbar(6, 18), kind);
            float[] weights = train(layer);
            for (int k = 0; k < weights.length; k++) {
                if (layer.pruning().isPruned(k)) {
                    assertEquals(0f, weights[k], kind + ": pruned weight " + k);
                }
            }
            assertTrue(countNonZero(weights) > 0, kind + ": unpruned weights were trained");
        }
    }

    @Test
    void prunedCellsAreNeverWrittenOnAnAnalogChip() {
        Chip chip = new Chip(ChipConfig.of("reram-hfo2"), RngStreams.of(TEST_SEED));
        ConvLayer layer = layer(chip.crossbar(0, 6, 18), OptimizerKind.SGD);
        float[] before = new float[6 * 18];
        layer.crossbar().readWeights(before);
        float[] after = train(layer);
        int changed = 0;
        for (int k = 0; k < before.length; k++) {
            if (layer.pruning().isPruned(k)) {
                assertEquals(before[k], after[k], "pruned cell " + k + " keeps what programming wrote");
                assertEquals(0f, after[k], 0.2f, "pruned cell " + k + " holds about zero");
            } else if (before[k] != after[k]) {
                changed++;
            }
        }
        assertNotEquals(0, changed, "unpruned cells were written");
    }

    private ConvLayer layer(org.xbarlab.crossbar.Crossbar crossbar, OptimizerKind kind) {
        Im2Col geometry = new Im2Col(2, 6, 6, 3, 1, 1);
        Pruning pruning = Pruning.random(6 * 18, 0.5, RngStreams.of(TEST_SEED).stream(Pruning.STREAM, 0));
        ConvLayer layer = new ConvLayer(crossbar, geometry, Activation.IDENTITY, true, kind, pruning);
        layer.initializeDefault(RngStreams.of(TEST_SEED).stream("test/init"));
        return layer;
    }

    private static float[] train(ConvLayer layer) {
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        int batch = 3;
        for (int step = 0; step < 5; step++) {
            float[] x = ConvReference.random(random, batch * layer.inputs(), 0, 1);
            layer.forward(x, batch, Phase.TRAINING);
            float[] g = ConvReference.random(random, batch * layer.outputs(), -1, 1);
            layer.backward(g, null);
            layer.update(0.05);
        }
        float[] weights = new float[layer.filters() * layer.geometry().patchSize()];
        layer.crossbar().readWeights(weights);
        return weights;
    }

    private static int countNonZero(float[] values) {
        int count = 0;
        for (float v : values) {
            count += v != 0f ? 1 : 0;
        }
        return count;
    }
}
