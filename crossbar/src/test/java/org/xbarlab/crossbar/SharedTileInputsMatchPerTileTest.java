package org.xbarlab.crossbar;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.periphery.BoundManagement;
import org.xbarlab.crossbar.periphery.DacConfig;
import org.xbarlab.crossbar.periphery.NoiseManagement;
import org.xbarlab.crossbar.periphery.PeripheryConfig;
import org.xbarlab.crossbar.update.PulseUpdateConfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A {@link TiledCrossbar} prepares the inputs of a tile column (forward) or tile row (transposed) once for all its
 * tiles (noise management, DAC, the energy model's line drives). This test runs the same products on a second,
 * identical chip whose tiles each prepare their own inputs ({@link TiledCrossbar#prepareInputsPerTile}, the code
 * before the sharing) and compares outputs, weights after pulsed updates and every ledger account bit for bit, with
 * and without input noise, with output noise, iterative bound management and a bit-serial DAC, on one and two
 * threads.
 */
class SharedTileInputsMatchPerTileTest extends XbarlabTestBase {

    private static final int ROWS = 150;
    private static final int COLUMNS = 100;
    private static final int BATCH = 5;

    @ParameterizedTest
    @CsvSource({"taox-hfox, 0.0, false, 1", "taox-hfox, 0.05, false, 2", "reram-hfo2, 0.05, true, 2",
            "pcm, 0.0, true, 1", "ag-a-si, 0.0, false, 2"})
    void sharedPreparationEqualsEachTileOnItsOwn(String preset, double inputNoise, boolean bitSerial, int threads) {
        int before = Kernels.threads();
        try {
            Kernels.setThreads(threads);
            Chip sharedChip = chip(preset, inputNoise, bitSerial);
            Chip perTileChip = chip(preset, inputNoise, bitSerial);
            TiledCrossbar shared = tiled(sharedChip.crossbar(0, ROWS, COLUMNS));
            TiledCrossbar perTile = tiled(perTileChip.crossbar(0, ROWS, COLUMNS));
            perTile.prepareInputsPerTile();
            UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/batch");
            float[] x = new float[BATCH * COLUMNS];
            float[] d = new float[BATCH * ROWS];
            for (int step = 0; step < 3; step++) {
                for (int k = 0; k < x.length; k++) {
                    x[k] = random.nextFloat() < 0.4f ? 2f * random.nextFloat() - 1f : 0f;
                }
                for (int k = 0; k < d.length; k++) {
                    d[k] = random.nextFloat() < 0.3f ? (random.nextFloat() - 0.5f) * 0.2f : 0f;
                }
                float[][] expected = products(perTile, x, d);
                float[][] actual = products(shared, x, d);
                assertArrayEquals(expected[0], actual[0], 0f, "forward, step " + step);
                assertArrayEquals(expected[1], actual[1], 0f, "transposed, step " + step);
                assertEquals(perTile.update(x, d, BATCH, 0.5).toString(), shared.update(x, d, BATCH, 0.5).toString());
            }
            float[] expectedWeights = new float[ROWS * COLUMNS];
            float[] actualWeights = new float[ROWS * COLUMNS];
            perTile.readWeights(expectedWeights);
            shared.readWeights(actualWeights);
            assertArrayEquals(expectedWeights, actualWeights, 0f);
            assertEquals(accounts(perTileChip.ledger()), accounts(sharedChip.ledger()));
        } finally {
            Kernels.setThreads(before);
        }
    }

    private static float[][] products(TiledCrossbar crossbar, float[] x, float[] d) {
        float[] y = new float[BATCH * ROWS];
        float[] z = new float[BATCH * COLUMNS];
        crossbar.forward(x, BATCH, y, Phase.TRAINING);
        crossbar.backward(d, BATCH, z, Phase.TRAINING);
        return new float[][] {y, z};
    }

    private static Chip chip(String preset, double inputNoise, boolean bitSerial) {
        ChipConfig config = ChipConfig.of(preset);
        PeripheryConfig defaults = PeripheryConfig.defaults();
        PeripheryConfig periphery = new PeripheryConfig(
                new DacConfig(defaults.dac().resolutionBits(), defaults.dac().inputBound(), bitSerial),
                defaults.adc().withResolutionBits(8), inputNoise, 0.1, NoiseManagement.ABS_MAX,
                BoundManagement.ITERATIVE, 16.0);
        TileConfig tile = config.tile().withTileSize(32, 48).withPeriphery(periphery, periphery)
                .withPulses(PulseUpdateConfig.stochastic());
        return new Chip(config.withTile(tile), RngStreams.of(TEST_SEED));
    }

    private static TiledCrossbar tiled(Crossbar crossbar) {
        Crossbar inner = crossbar instanceof ScaledCrossbar scaled ? scaled.inner() : crossbar;
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/weights");
        float[] w = new float[ROWS * COLUMNS];
        for (int k = 0; k < w.length; k++) {
            w[k] = (random.nextFloat() - 0.5f) * 0.6f;
        }
        inner.program(w);
        return (TiledCrossbar) inner;
    }

    private static String accounts(CostLedger ledger) {
        StringBuilder text = new StringBuilder();
        for (Phase phase : Phase.values()) {
            text.append(phase).append(' ').append(ledger.energyJoules(phase)).append(' ')
                    .append(ledger.latencySeconds(phase)).append('\n');
        }
        return text.append(ledger.summarize(1)).toString();
    }
}
