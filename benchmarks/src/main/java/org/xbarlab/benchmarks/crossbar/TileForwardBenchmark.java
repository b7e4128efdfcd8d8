package org.xbarlab.benchmarks.crossbar;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.AnalogTile;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.energy.TileCostModel;

/**
 * {@link AnalogTile#forward} and {@link AnalogTile#backward} of one 256 × 256 tile for a batch of 16, on the
 * ideal chip and on {@code reram-hfo2} with the default periphery (7-bit DAC, 9-bit ADC, output noise, noise and
 * bound management).
 */
public class TileForwardBenchmark extends XbarlabBenchmark {

    /** Chip preset. */
    @Param({"ideal", "reram-hfo2"})
    public String preset;

    private static final int BATCH = 16;
    private static final int SIZE = 256;

    private AnalogTile tile;
    private float[] x;
    private float[] d;
    private float[] y;
    private float[] z;

    /** Builds the tile and the batch from fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        ChipConfig config = preset.equals("ideal") ? ChipConfig.ideal() : ChipConfig.of(preset);
        tile = new AnalogTile(config.tile(), config.resolvedDevice(), TileCostModel.from(config.technology()), SIZE,
                SIZE, new CostLedger(), RngStreams.of(42), 0, 0, 0);
        UniformRandomProvider random = RngStreams.of(7).stream("benchmark/batch");
        float[] w = new float[SIZE * SIZE];
        for (int k = 0; k < w.length; k++) {
            w[k] = (random.nextFloat() - 0.5f) * 0.1f;
        }
        tile.program(w);
        x = new float[BATCH * SIZE];
        d = new float[BATCH * SIZE];
        TrainingBatchBenchmark.fillBatch(random, x, d);
        y = new float[BATCH * SIZE];
        z = new float[BATCH * SIZE];
    }

    /**
     * Forward product of a batch.
     *
     * @return one output
     */
    @Benchmark
    public float forward() {
        tile.forward(x, BATCH, y, Phase.TRAINING);
        return y[BATCH * SIZE - 1];
    }

    /**
     * Transposed product of a batch.
     *
     * @return one output
     */
    @Benchmark
    public float backward() {
        tile.backward(d, BATCH, z, Phase.TRAINING);
        return z[BATCH * SIZE - 1];
    }
}
