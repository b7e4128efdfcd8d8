package org.xbarlab.benchmarks.algorithms;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import org.xbarlab.algorithms.conv.ConvLayer;
import org.xbarlab.algorithms.conv.Im2Col;
import org.xbarlab.algorithms.conv.Pruning;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.DigitalCrossbar;

/**
 * The seed paper's first conv layer (32 filters 5×5, padding 2, relu, on 1×28×28 MNIST-like images, half its
 * weights pruned) for a mini-batch of 16: 16 × 784 = 12 544 patch products of 25 inputs per pass. Variants:
 * {@code exact} ({@link DigitalCrossbar}) and {@code reram} ({@code reram-hfo2} preset, default 256 × 256 tiles and
 * periphery, so every position's product goes through the analog tile model and its ledger). Methods:
 * {@link #unfold} (the im2col baseline), {@link #forward}, and {@link #backward} (the input gradient by the
 * transposed product and col2im, after one forward pass in setup).
 */
public class ConvLayerBenchmark extends XbarlabBenchmark {

    /** Crossbar variant. */
    @Param({"exact", "reram"})
    public String chip;

    private static final int BATCH = 16;

    private ConvLayer layer;
    private float[] x;
    private float[] gradient;
    private float[] inputGradient;
    private float[] patches;

    /** Builds the layer and one batch from fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        Im2Col geometry = new Im2Col(1, 28, 28, 5, 1, 2);
        int filters = 32;
        Crossbar crossbar = switch (chip) {
            case "exact" -> new DigitalCrossbar(filters, geometry.patchSize());
            case "reram" -> new Chip(ChipConfig.of("reram-hfo2"), RngStreams.of(42)).crossbar(0, filters,
                    geometry.patchSize());
            default -> throw new IllegalArgumentException(chip);
        };
        RngStreams streams = RngStreams.of(7);
        layer = new ConvLayer(crossbar, geometry, Activation.RELU, true, OptimizerKind.ADAM,
                Pruning.random(filters * geometry.patchSize(), 0.5, streams.stream("benchmark/prune")));
        layer.initializeDefault(streams.stream("benchmark/init"));
        UniformRandomProvider random = streams.stream("benchmark/batch");
        x = new float[BATCH * geometry.inputSize()];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextFloat() < 0.2f ? 1f - random.nextFloat() : 0f;
        }
        gradient = new float[BATCH * layer.outputs()];
        for (int k = 0; k < gradient.length; k++) {
            gradient[k] = (float) (1e-4 * (random.nextFloat() - 0.5f));
        }
        inputGradient = new float[x.length];
        patches = new float[BATCH * geometry.positions() * geometry.patchSize()];
        layer.forward(x, BATCH, Phase.TRAINING);
    }

    /** Baseline: unfolding the batch's patches alone. */
    @Benchmark
    public float[] unfold() {
        layer.geometry().unfold(x, BATCH, patches);
        return patches;
    }

    /** Forward pass: unfold, one batched product of 12 544 patches, bias and relu. */
    @Benchmark
    public float[] forward() {
        return layer.forward(x, BATCH, Phase.TRAINING);
    }

    /** Backward pass with the input gradient: relu derivative, transposed product of 12 544 rows, col2im. */
    @Benchmark
    public void backward(Blackhole sink) {
        layer.backward(gradient, inputGradient);
        sink.consume(inputGradient);
    }
}
