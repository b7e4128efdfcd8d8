package org.xbarlab.benchmarks.crossbar;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.TileConfig;
import org.xbarlab.crossbar.UpdateResult;
import org.xbarlab.crossbar.update.PulseUpdateConfig;

/**
 * One training mini-batch of the paper's 784-2000 layer on a simulated chip: forward product of a batch of 16 and
 * the update, through {@link Chip#crossbar} (256 × 256 tiles). Chips: {@code ideal} ({@link ChipConfig#ideal()}:
 * programmed updates, every batch re-programs all devices), {@code reram-det} ({@code reram-hfo2}, default tiles
 * with deterministic pulse counts) and {@code reram-stoch} (the same with aihwkit's stochastic pulse trains).
 * Inputs: 20 % non-zero pixels in (0, 1] (MNIST-like); errors: 30 % non-zero, uniform in ±1e-4 (the scale of
 * the WTA loss gradient {@code 2/(16·2000)}), learning rate 8 as in the paper.
 */
public class TrainingBatchBenchmark extends XbarlabBenchmark {

    /** Chip variant. */
    @Param({"ideal", "reram-det", "reram-stoch"})
    public String chip;

    private static final int BATCH = 16;
    private static final int INPUTS = 784;
    private static final int OUTPUTS = 2000;

    private Crossbar crossbar;
    private float[] x;
    private float[] d;
    private float[] y;

    /** Builds the chip and the batch from fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        crossbar = build(chip, 42);
        x = new float[BATCH * INPUTS];
        d = new float[BATCH * OUTPUTS];
        y = new float[BATCH * OUTPUTS];
        fillBatch(RngStreams.of(7).stream("benchmark/batch"), x, d);
        float[] w = new float[OUTPUTS * INPUTS];
        UniformRandomProvider random = RngStreams.of(8).stream("benchmark/weights");
        for (int k = 0; k < w.length; k++) {
            w[k] = (random.nextFloat() - 0.5f) * 0.1f;
        }
        crossbar.program(w);
    }

    /** The chip of a variant, 2000 × 784. */
    static Crossbar build(String variant, long seed) {
        ChipConfig config = switch (variant) {
            case "ideal" -> ChipConfig.ideal();
            case "reram-det" -> ChipConfig.of("reram-hfo2");
            case "reram-stoch" -> {
                ChipConfig base = ChipConfig.of("reram-hfo2");
                TileConfig t = base.tile();
                yield base.withTile(t.withPulses(PulseUpdateConfig.stochastic()));
            }
            default -> throw new IllegalArgumentException(variant);
        };
        return new Chip(config, RngStreams.of(seed)).crossbar(0, OUTPUTS, INPUTS);
    }

    /** MNIST-like inputs and WTA-like errors. */
    static void fillBatch(UniformRandomProvider random, float[] x, float[] d) {
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextFloat() < 0.2f ? 1f - random.nextFloat() : 0f;
        }
        for (int k = 0; k < d.length; k++) {
            d[k] = random.nextFloat() < 0.3f ? (float) (2e-4 * (random.nextFloat() - 0.5f)) : 0f;
        }
    }

    /**
     * Forward product and update of one mini-batch.
     *
     * @return pulses fired plus an output, so nothing is eliminated
     */
    @Benchmark
    public float trainingBatch() {
        crossbar.forward(x, BATCH, y, Phase.TRAINING);
        UpdateResult result = crossbar.update(x, d, BATCH, 8.0);
        return result.pulsesFired() + y[BATCH * OUTPUTS - 1];
    }

    /**
     * Forward product alone.
     *
     * @return one output
     */
    @Benchmark
    public float forwardOnly() {
        crossbar.forward(x, BATCH, y, Phase.TRAINING);
        return y[BATCH * OUTPUTS - 1];
    }
}
