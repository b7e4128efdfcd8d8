package org.xbarlab.benchmarks.algorithms;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.LayerOptimizer;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.algorithms.wta.EquilibriumConfig;
import org.xbarlab.algorithms.wta.EquilibriumDynamics;
import org.xbarlab.algorithms.wta.WtaConfig;
import org.xbarlab.algorithms.wta.WtaNetwork;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.DigitalCrossbar;
import org.xbarlab.crossbar.TileConfig;
import org.xbarlab.crossbar.periphery.PeripheryConfig;
import org.xbarlab.crossbar.update.PulseUpdateConfig;

/**
 * Equilibrium propagation on the paper's WTA networks with a batch of 16: the free phase, one relaxation step and
 * one whole training step, through the public {@link EquilibriumDynamics} and {@link WtaNetwork}.
 *
 * <ul>
 *   <li>{@link #freePhase}: {@link EquilibriumDynamics#freeState} with the preset's {@code T} (40 for 784-2000,
 *       60 for 784-2000-2000): the first layer's drive {@code W₁·x} (one forward product, held for the phase),
 *       then {@code T} synchronous Euler steps; each step of the two-layer network runs a forward product of
 *       layer 2 and a transposed product of layer 2.</li>
 *   <li>{@link #relaxationStep}: the same with {@code T = 1}, that is the drive plus one Euler step (the dynamics
 *       do not expose a single step); the cost of one step is about
 *       {@code (freePhase − relaxationStep) / (T − 1)}.</li>
 *   <li>{@link #trainingStep}: one mini-batch of WTA training by EP ({@link WtaNetwork#trainEpoch} on 16
 *       samples: masks, free phase, k-WTA target with homeostasis, nudged phase of {@code Kmax} steps (10; 20),
 *       and the contrastive update of every layer, one rank-32 crossbar update each).</li>
 * </ul>
 *
 * <p>Networks ({@code network}): {@code 784-2000} ({@link WtaConfig#equilibriumOneLayer()}) and
 * {@code 784-2000-2000} ({@link WtaConfig#equilibriumTwoLayer()} with batch 16 instead of its 32). Chips
 * ({@code chip}): {@code exact} ({@link DigitalCrossbar}: float32 weights, no chip), {@code ideal}
 * ({@link ChipConfig#ideal()}: ideal device and periphery, programmed updates, costs charged) and
 * {@code taox-hfox} (the demo's chip with the TaOx/HfOx RRAM preset: 256 × 256 tiles, 7-bit DAC, 8-bit ADC, output
 * noise 0.1, stochastic pulse trains). Weights start Xavier-uniform (gain 0.5) from a fixed seed; the batch has
 * 20 % non-zero pixels in (0, 1] as MNIST.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EquilibriumStepBenchmark} (average time per call in
 * ms); one case: {@code … EquilibriumStepBenchmark -p network=784-2000 -p chip=exact}.
 */
public class EquilibriumStepBenchmark extends XbarlabBenchmark {

    /** Layer sizes, input first. */
    @Param({"784-2000", "784-2000-2000"})
    public String network;

    /** Where the weights live. */
    @Param({"exact", "ideal", "taox-hfox"})
    public String chip;

    /** Threads of the kernels and the tile runner. */
    @Param({"2"})
    public int threads;

    private static final int BATCH = 16;

    private WtaNetwork wta;
    private EquilibriumDynamics free;
    private EquilibriumDynamics oneStep;
    private float[] x;

    /** Builds the network and the batch from fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        Kernels.setThreads(threads);
        WtaConfig config = config(network);
        RngStreams streams = RngStreams.of(42);
        wta = new WtaNetwork(config, factory(chip, streams), streams);
        List<DenseLayer> layers = wta.layers();
        List<Double> masks = new ArrayList<>(config.dropout().subList(0, config.weightLayers()));
        masks.add(config.outputMask());
        EquilibriumConfig ep = config.equilibrium();
        free = new EquilibriumDynamics(config.layerSizes(), ep, masks, layers, optimizers(layers), BATCH);
        EquilibriumConfig single = new EquilibriumConfig(1, ep.nudgedSteps(), ep.nudging(), ep.stepSize(),
                ep.estimate(), ep.randomSign());
        oneStep = new EquilibriumDynamics(config.layerSizes(), single, masks, layers, optimizers(layers), BATCH);
        x = new float[BATCH * config.layerSizes().get(0)];
        UniformRandomProvider random = RngStreams.of(7).stream("benchmark/batch");
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextFloat() < 0.2f ? 1f - random.nextFloat() : 0f;
        }
    }

    /** The preset of a network with batch 16. */
    private static WtaConfig config(String network) {
        WtaConfig preset = switch (network) {
            case "784-2000" -> WtaConfig.equilibriumOneLayer();
            case "784-2000-2000" -> WtaConfig.equilibriumTwoLayer();
            default -> throw new IllegalArgumentException("unknown network " + network);
        };
        // WtaConfig has no batch-size wither: copy the preset with batch 16.
        return new WtaConfig(preset.rule(), preset.layerSizes(), preset.activations(), preset.learningRates(),
                preset.dropout(), preset.winners(), preset.homeostasisGain(), preset.homeostasisMode(),
                preset.homeostasisRate(), preset.smoothing(), 1, BATCH, preset.finalLearningRateFactor(),
                preset.xavierGain(), preset.equilibrium());
    }

    /** The crossbars of a chip variant. */
    private static CrossbarFactory factory(String chip, RngStreams streams) {
        if (chip.equals("exact")) {
            return (layer, rows, columns) -> new DigitalCrossbar(rows, columns);
        }
        ChipConfig config;
        if (chip.equals("ideal")) {
            config = ChipConfig.ideal();
        } else {
            PeripheryConfig periphery = PeripheryConfig.defaults()
                    .withAdc(PeripheryConfig.defaults().adc().withResolutionBits(8));
            config = ChipConfig.of(chip).withTile(TileConfig.defaults().withPeriphery(periphery, periphery)
                    .withPulses(PulseUpdateConfig.stochastic()));
        }
        Chip built = new Chip(config, streams);
        return built::crossbar;
    }

    /** Plain SGD optimizers of the layers, biases trained, as {@link WtaNetwork} builds them. */
    private static List<LayerOptimizer> optimizers(List<DenseLayer> layers) {
        List<LayerOptimizer> optimizers = new ArrayList<>();
        for (DenseLayer layer : layers) {
            optimizers.add(new LayerOptimizer(OptimizerKind.SGD, layer, true));
        }
        return optimizers;
    }

    /**
     * The free phase of {@code T} steps, without masks or nudge.
     *
     * @return one output state
     */
    @Benchmark
    public float freePhase() {
        float[] out = free.freeState(x, BATCH, Phase.TRAINING);
        return out[out.length - 1];
    }

    /**
     * The first layer's drive and one Euler step.
     *
     * @return one output state
     */
    @Benchmark
    public float relaxationStep() {
        float[] out = oneStep.freeState(x, BATCH, Phase.TRAINING);
        return out[out.length - 1];
    }

    /**
     * One WTA training mini-batch by equilibrium propagation.
     *
     * @return what the step did
     */
    @Benchmark
    public EpochResult trainingStep() {
        return wta.trainEpoch(x, BATCH, 0, Progress.NONE);
    }
}
