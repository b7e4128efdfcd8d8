package org.xbarlab.algorithms.conv;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostSummary;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.energy.CostComponent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On an analog chip a conv layer's forward and backward passes charge one product per sample and output position:
 * exactly what a dense forward of the same patches charges.
 */
class ConvLayerLedgerTest extends XbarlabTestBase {

    @Test
    void forwardAndBackwardChargeEveryPositionsProduct() {
        int batch = 3;
        Im2Col geometry = new Im2Col(2, 9, 7, 3, 2, 1);
        int filters = 5;
        int rows = batch * geometry.positions();
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        float[] x = ConvReference.random(random, batch * geometry.inputSize(), 0, 1);
        float[] weights = ConvReference.random(random, filters * geometry.patchSize(), -0.5, 0.5);

        Chip convChip = new Chip(ChipConfig.of("reram-hfo2"), RngStreams.of(TEST_SEED));
        ConvLayer layer = new ConvLayer(convChip.crossbar(0, filters, geometry.patchSize()), geometry,
                Activation.IDENTITY, false, OptimizerKind.SGD, Pruning.none(filters * geometry.patchSize()));
        layer.program(weights.clone());
        Chip denseChip = new Chip(ChipConfig.of("reram-hfo2"), RngStreams.of(TEST_SEED));
        Crossbar dense = denseChip.crossbar(0, filters, geometry.patchSize());
        dense.program(weights.clone());

        float[] convOut = layer.forward(x, batch, Phase.INFERENCE);
        float[] patches = new float[rows * geometry.patchSize()];
        geometry.unfold(x, batch, patches);
        float[] denseOut = new float[rows * filters];
        dense.forward(patches, rows, denseOut, Phase.INFERENCE);

        CostSummary convCost = convChip.ledger().summarize(batch);
        CostSummary denseCost = denseChip.ledger().summarize(batch);
        assertEquals(denseCost, convCost, "the conv layer charges what the dense product of its patches charges");
        long reads = convChip.ledger().account(Phase.INFERENCE, CostComponent.ARRAY_READ.key()).operationCount();
        assertTrue(reads >= rows && reads % rows == 0, "array reads " + reads + " for " + rows
                + " sample-positions");
        assertTrue(convChip.ledger().energyJoules(Phase.INFERENCE) > 0);
        // Same devices, same noise streams: the same numbers, re-laid out planar.
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < geometry.positions(); p++) {
                for (int f = 0; f < filters; f++) {
                    assertEquals(denseOut[(b * geometry.positions() + p) * filters + f],
                            convOut[(b * filters + f) * geometry.positions() + p], 0f);
                }
            }
        }

        // Backward: one transposed product per sample-position as well.
        float[] g = ConvReference.random(random, batch * layer.outputs(), -1, 1);
        layer.backward(g, new float[x.length]);
        float[] gRows = new float[rows * filters];
        for (int b = 0; b < batch; b++) {
            for (int p = 0; p < geometry.positions(); p++) {
                for (int f = 0; f < filters; f++) {
                    gRows[(b * geometry.positions() + p) * filters + f] =
                            g[(b * filters + f) * geometry.positions() + p];
                }
            }
        }
        dense.backward(gRows, rows, new float[rows * geometry.patchSize()], Phase.TRAINING);
        assertEquals(denseChip.ledger().summarize(batch), convChip.ledger().summarize(batch));
        long transposedReads = convChip.ledger().account(Phase.TRAINING, CostComponent.ARRAY_READ.key())
                .operationCount();
        assertTrue(transposedReads >= rows && transposedReads % rows == 0, "transposed reads " + transposedReads);
        assertArrayEquals(new long[] {reads}, new long[] {denseChip.ledger().account(Phase.INFERENCE,
                CostComponent.ARRAY_READ.key()).operationCount()});
    }

    @Test
    void thePapersConvStackChargesOneProductPerPositionAndTile() {
        // 32f5-128f3 on 28×28 with 256 × 256 tiles, and a 10-wide dense layer to keep the test small.
        ConvNetConfig config = ConvNetConfig.parse("32f5-128f3-10", 1, 28, 28,
                PoolingConfig.seedPaper(PoolingKind.MAX), 0.5);
        Chip chip = new Chip(ChipConfig.of("reram-hfo2"), RngStreams.of(TEST_SEED));
        ConvNetwork network = new ConvNetwork(config, chip::crossbar, RngStreams.of(TEST_SEED), OptimizerKind.ADAM);
        int batch = 4;
        float[] x = ConvReference.random(new SplittableRandom(TEST_SEED), batch * 784, 0, 1);
        network.forward(x, batch, Phase.INFERENCE, null);
        long reads = chip.ledger().account(Phase.INFERENCE, CostComponent.ARRAY_READ.key()).operationCount();
        // conv1: 28×28 positions on one 32 × 25 tile; conv2: 14×14 positions on 128 × 288, split over two tile
        // columns; dense: 10 × 6272 over 25 tile columns.
        long expected = batch * (28L * 28 + 14L * 14 * 2 + 25);
        assertEquals(expected, reads);
    }
}
