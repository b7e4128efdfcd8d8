package org.xbarlab.crossbar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.update.PulseUpdateConfig;

/**
 * The tiles of a {@link TiledCrossbar} of {@link AnalogTile}s run on several threads with results and costs
 * bit-identical to one thread: outputs, transposed outputs, weights after updates, update counts and every ledger
 * account, for programmed updates, deterministic and stochastic pulses, devices with and without write costs and
 * with read noise.
 */
class ParallelTilesMatchSequentialTest extends XbarlabTestBase {

    private static final int ROWS = 150;
    private static final int COLUMNS = 100;
    private static final int BATCH = 5;

    /** Everything a run produced, as exact bits. */
    private record Outcome(float[] outputs, float[] transposed, float[] weights, String updates, String costs) {
    }

    @ParameterizedTest
    @CsvSource({"ideal, programming", "reram-hfo2, deterministic", "reram-hfo2, stochastic",
            "ag-a-si, stochastic", "pcm, deterministic", "taox-hfox, deterministic"})
    void twoThreadsEqualOne(String preset, String update) {
        int before = Kernels.threads();
        try {
            Kernels.setThreads(1);
            Outcome sequential = run(preset, update);
            Kernels.setThreads(2);
            Outcome parallel = run(preset, update);
            assertArrayEquals(sequential.outputs(), parallel.outputs(), 0f);
            assertArrayEquals(sequential.transposed(), parallel.transposed(), 0f);
            assertArrayEquals(sequential.weights(), parallel.weights(), 0f);
            assertEquals(sequential.updates(), parallel.updates());
            assertEquals(sequential.costs(), parallel.costs());
        } finally {
            Kernels.setThreads(before);
        }
    }

    private static Outcome run(String preset, String update) {
        ChipConfig config = preset.equals("ideal") ? ChipConfig.ideal() : ChipConfig.of(preset);
        TileConfig t = config.tile().withTileSize(32, 48);
        if (update.equals("stochastic")) {
            t = t.withPulses(PulseUpdateConfig.stochastic());
        }
        Chip chip = new Chip(config.withTile(t), RngStreams.of(TEST_SEED));
        Crossbar crossbar = chip.crossbar(0, ROWS, COLUMNS);
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/batch");
        float[] w = new float[ROWS * COLUMNS];
        for (int k = 0; k < w.length; k++) {
            w[k] = (random.nextFloat() - 0.5f) * 0.6f;
        }
        crossbar.program(w);
        float[] x = new float[BATCH * COLUMNS];
        float[] d = new float[BATCH * ROWS];
        float[] y = new float[BATCH * ROWS];
        float[] z = new float[BATCH * COLUMNS];
        float[] outputs = new float[0];
        float[] transposed = new float[0];
        StringBuilder updates = new StringBuilder();
        for (int step = 0; step < 4; step++) {
            for (int k = 0; k < x.length; k++) {
                x[k] = random.nextFloat() < 0.3f ? random.nextFloat() : 0f;
            }
            for (int k = 0; k < d.length; k++) {
                d[k] = (random.nextFloat() - 0.5f) * 0.2f;
            }
            crossbar.forward(x, BATCH, y, Phase.TRAINING);
            crossbar.backward(d, BATCH, z, Phase.TRAINING);
            updates.append(crossbar.update(x, d, BATCH, 0.5)).append('\n');
            outputs = concat(outputs, y);
            transposed = concat(transposed, z);
        }
        crossbar.forward(x, BATCH, y, Phase.INFERENCE);
        outputs = concat(outputs, y);
        float[] weights = new float[ROWS * COLUMNS];
        crossbar.readWeights(weights);
        CostLedger ledger = chip.ledger();
        StringBuilder costs = new StringBuilder();
        for (Phase phase : Phase.values()) {
            costs.append(phase).append(' ').append(ledger.energyJoules(phase)).append(' ')
                    .append(ledger.latencySeconds(phase)).append('\n');
        }
        costs.append(ledger.summarize(1));
        return new Outcome(outputs, transposed, weights, updates.toString(), costs.toString());
    }

    private static float[] concat(float[] a, float[] b) {
        float[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
