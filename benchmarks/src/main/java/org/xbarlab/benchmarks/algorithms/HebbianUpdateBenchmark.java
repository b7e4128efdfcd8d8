package org.xbarlab.benchmarks.algorithms;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.algorithms.hebbian.HebbianConfig;
import org.xbarlab.algorithms.hebbian.HebbianReference;
import org.xbarlab.algorithms.hebbian.HebbianRule;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.core.random.RngStreams;

/**
 * The soft-WTA step {@code ΔW} of a 784 → 2000 layer (FastHebb's {@code eswta}, T = 0.02, weighted aggregation) for
 * one mini-batch: {@link #batched} is the FastHebb matrix form ({@link HebbianRule#delta}: softmax competition, then
 * {@code G'ᵀ·X} through {@link Kernels#gemm} and the row decay), {@link #perSample} the per-sample form
 * ({@link HebbianReference}: every sample's rank-1 step accumulated in double precision), and {@link #currents} the
 * baseline forward product {@code X·Wᵀ} that both take as input.
 */
public class HebbianUpdateBenchmark extends XbarlabBenchmark {

    /** Samples per mini-batch. */
    @Param({"16", "64"})
    public int batch;

    private static final int INPUTS = 784;
    private static final int OUTPUTS = 2000;

    private HebbianConfig config;
    private HebbianRule rule;
    private float[] x;
    private float[] w;
    private float[] currents;
    private float[] delta;

    /** Builds image-like inputs and random weights from fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        config = HebbianConfig.softWinnerTakeAll().withLayerSizes(List.of(INPUTS, OUTPUTS)).withBatchSize(batch);
        rule = HebbianRule.create(config, INPUTS, OUTPUTS);
        UniformRandomProvider random = RngStreams.of(42).stream("benchmark/hebbian");
        x = new float[batch * INPUTS];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextFloat() < 0.2f ? random.nextFloat() : 0f;
        }
        w = new float[OUTPUTS * INPUTS];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextFloat() * 0.5f;
        }
        currents = new float[batch * OUTPUTS];
        delta = new float[OUTPUTS * INPUTS];
        currents();
    }

    /** Baseline: the forward product {@code S = X·Wᵀ}. */
    @Benchmark
    public float[] currents() {
        Kernels.gemm(Transpose.NO, Transpose.YES, batch, OUTPUTS, INPUTS, 1f, x, w, 0f, currents);
        return currents;
    }

    /** FastHebb's batched form. */
    @Benchmark
    public float[] batched() {
        rule.delta(x, currents, w, batch, delta);
        return delta;
    }

    /** The per-sample form. */
    @Benchmark
    public double[] perSample() {
        return HebbianReference.delta(config, INPUTS, OUTPUTS, x, currents, w, batch);
    }
}
