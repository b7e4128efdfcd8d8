package org.xbarlab.benchmarks.crossbar;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xbarlab.algorithms.network.XavierInitializer;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.ChipConfig;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.TileConfig;
import org.xbarlab.crossbar.energy.TechnologyConfig;
import org.xbarlab.crossbar.parasitics.IrDropCircuitConfig;
import org.xbarlab.crossbar.periphery.AdcConfig;
import org.xbarlab.crossbar.periphery.BoundManagement;
import org.xbarlab.crossbar.periphery.DacConfig;
import org.xbarlab.crossbar.periphery.NoiseManagement;
import org.xbarlab.crossbar.periphery.PeripheryConfig;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.noise.GaussianReadNoiseConfig;
import org.xbarlab.devices.noise.NoReadNoiseConfig;
import org.xbarlab.devices.presets.DevicePresets;

/**
 * Forward ({@code W·x}) and transposed ({@code Wᵀ·d}) products of the paper's 784-2000 layer (a 2000 × 784 weight
 * matrix on a chip built by {@link Chip#crossbar}, balanced pair scaled to four times the largest initial weight)
 * for a batch of 16, with each non-ideality switched on alone, all off, and all on. The cost of a non-ideality is
 * its variant's time minus {@code none}'s.
 *
 * <p>Variants ({@code nonIdeality}), each built from {@link TileConfig#ideal()} and {@link PeripheryConfig#ideal()}
 * (both directions) by changing one thing:
 * <ul>
 *   <li>{@code none}: ideal converters, no noise, ideal wires, no read noise;</li>
 *   <li>{@code dac-7bit}: {@link DacConfig#defaults()} (7 bits, bound 1: aihwkit's preset DAC);</li>
 *   <li>{@code adc-8bit}: {@link AdcConfig#defaults()} with 8 bits (fixed range ±20; the demo's ADC);</li>
 *   <li>{@code output-noise}: Gaussian output noise σ = 0.1 (aihwkit's preset {@code out_noise});</li>
 *   <li>{@code read-noise}: the {@code pcm} device's own read noise (aihwkit's 1/f PCM model,
 *       {@code PcmReadNoiseConfig}): every product reads all 3 136 000 devices with fresh noise;</li>
 *   <li>{@code read-noise-gaussian}: {@link GaussianReadNoiseConfig#defaults()} instead (1 % of the conductance,
 *       CrossSim's and NeuroSim's proportional model);</li>
 *   <li>{@code ir-drop}: {@link IrDropCircuitConfig#defaults()} (0.15 Ω per wire segment, NeuroSim's copper wire;
 *       {@code docs/ir-drop.md}), the fast one-sweep model;</li>
 *   <li>{@code bound-management}: iterative bound management up to 16 with aihwkit's ±20 ADC range (no rounding),
 *       so clipped outputs would be re-read with halved inputs. The normalized weights lie within ±0.25 (the range
 *       is four times the largest weight), so with the inputs below the outputs have a standard deviation of about
 *       1 (forward: 157 inputs) and 2 (transposed: 600 inputs) and stay far below ±20: this variant measures the
 *       clipping check, not repeated reads;</li>
 *   <li>{@code all}: the demo's periphery ({@link PeripheryConfig#defaults()} with an 8-bit ADC: 7-bit DAC, output
 *       noise 0.1, abs-max noise management, iterative bound management) with the PCM read noise and IR drop.</li>
 * </ul>
 * The device is the {@code pcm} preset throughout; its read noise is removed ({@link NoReadNoiseConfig}) except in
 * the read-noise variants and {@code all}. {@code tile} is the largest tile, rows × columns (outputs × inputs):
 * {@code 256x256} (the demo's, 32 tiles) or {@code 2000x784} (one tile).
 *
 * <p>Without read noise a tile caches its effective weights (and the IR-drop effective conductances) until its
 * devices change, so {@link #forward} and {@link #backward} measure the steady state of inference.
 * {@link #forwardAfterWrite} measures the first forward product after the devices were written, as every product
 * in training is (weights reloaded, IR drop recomputed): the weights are re-programmed before each call, outside
 * the measured time ({@link Written}).
 *
 * <p>Inputs: forward, 20 % non-zero pixels in (0, 1] (MNIST-like, {@link TrainingBatchBenchmark#fillBatch});
 * transposed, 30 % non-zero values uniform in [−1, 1] (normalized errors or equilibrium-propagation states).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TileMvmNonIdealityBenchmark} (average time per batch
 * product in ms); one variant: {@code … TileMvmNonIdealityBenchmark -p nonIdeality=ir-drop}; one tile:
 * {@code … -p tile=2000x784}.
 */
public class TileMvmNonIdealityBenchmark extends XbarlabBenchmark {

    /** Which non-ideality is on. */
    @Param({"none", "dac-7bit", "adc-8bit", "output-noise", "read-noise", "read-noise-gaussian", "ir-drop",
            "bound-management", "all"})
    public String nonIdeality;

    /** Largest tile, rows × columns (outputs × inputs). */
    @Param({"256x256"})
    public String tile;

    /** Threads of the kernels and the tile runner. */
    @Param({"2"})
    public int threads;

    private static final int BATCH = 16;
    private static final int INPUTS = 784;
    private static final int OUTPUTS = 2000;

    private Crossbar crossbar;
    private float[] weights;
    private float[] x;
    private float[] d;
    private float[] y;
    private float[] z;

    /** Builds the chip, programs Xavier-uniform weights and draws the inputs, all from fixed seeds. */
    @Setup(Level.Trial)
    public void setUp() {
        Kernels.setThreads(threads);
        crossbar = new Chip(chipConfig(nonIdeality, tile), RngStreams.of(42)).crossbar(0, OUTPUTS, INPUTS);
        XavierInitializer.initialize(crossbar, 0.5, RngStreams.of(8).stream("benchmark/weights"));
        weights = new float[OUTPUTS * INPUTS];
        crossbar.readWeights(weights);
        UniformRandomProvider random = RngStreams.of(7).stream("benchmark/batch");
        x = new float[BATCH * INPUTS];
        TrainingBatchBenchmark.fillBatch(random, x, new float[0]);
        d = new float[BATCH * OUTPUTS];
        for (int k = 0; k < d.length; k++) {
            d[k] = random.nextFloat() < 0.3f ? 2f * random.nextFloat() - 1f : 0f;
        }
        y = new float[BATCH * OUTPUTS];
        z = new float[BATCH * INPUTS];
    }

    /**
     * The chip of a variant.
     *
     * @param nonIdeality the variant's name
     * @param tile {@code ROWSxCOLUMNS}
     * @return the chip config
     */
    static ChipConfig chipConfig(String nonIdeality, String tile) {
        DeviceConfig pcm = DevicePresets.load("pcm");
        DeviceConfig quiet = pcm.withReadNoise(NoReadNoiseConfig.defaults());
        PeripheryConfig ideal = PeripheryConfig.ideal();
        TileConfig base = TileConfig.ideal();
        DeviceConfig device = quiet;
        PeripheryConfig periphery = ideal;
        TileConfig tiles = base;
        switch (nonIdeality) {
            case "none" -> { }
            case "dac-7bit" -> periphery = ideal.withDac(DacConfig.defaults());
            case "adc-8bit" -> periphery = ideal.withAdc(AdcConfig.defaults().withResolutionBits(8));
            case "output-noise" -> periphery = ideal.withOutputNoiseSigma(0.1);
            case "read-noise" -> device = pcm;
            case "read-noise-gaussian" -> device = pcm.withReadNoise(GaussianReadNoiseConfig.defaults());
            case "ir-drop" -> tiles = base.withIrDrop(IrDropCircuitConfig.defaults());
            case "bound-management" -> periphery = new PeripheryConfig(ideal.dac(),
                    AdcConfig.defaults().withResolutionBits(0), ideal.inputNoiseSigma(), ideal.outputNoiseSigma(),
                    NoiseManagement.NONE, BoundManagement.ITERATIVE, 16.0);
            case "all" -> {
                device = pcm;
                periphery = PeripheryConfig.defaults().withAdc(AdcConfig.defaults().withResolutionBits(8));
                tiles = base.withIrDrop(IrDropCircuitConfig.defaults());
            }
            default -> throw new IllegalArgumentException("unknown nonIdeality " + nonIdeality);
        }
        String[] size = tile.split("x");
        tiles = tiles.withPeriphery(periphery, periphery)
                .withTileSize(Integer.parseInt(size[0]), Integer.parseInt(size[1]));
        return new ChipConfig(null, device, tiles, TechnologyConfig.defaults());
    }

    /**
     * Forward product of a batch.
     *
     * @return one output
     */
    @Benchmark
    public float forward() {
        crossbar.forward(x, BATCH, y, Phase.TRAINING);
        return y[BATCH * OUTPUTS - 1];
    }

    /**
     * Transposed product of a batch.
     *
     * @return one output
     */
    @Benchmark
    public float backward() {
        crossbar.backward(d, BATCH, z, Phase.TRAINING);
        return z[BATCH * INPUTS - 1];
    }

    /**
     * Forward product of a batch right after the devices were written.
     *
     * @param written re-programs the weights before the call
     * @return one output
     */
    @Benchmark
    public float forwardAfterWrite(Written written) {
        crossbar.forward(x, BATCH, y, Phase.TRAINING);
        return y[BATCH * OUTPUTS - 1];
    }

    /** Re-programs the benchmark's weights before every call (not measured), so every cache is cold. */
    @State(Scope.Benchmark)
    public static class Written {
        /**
         * Writes the weights again.
         *
         * @param benchmark the crossbar and its weights
         */
        @Setup(Level.Invocation)
        public void write(TileMvmNonIdealityBenchmark benchmark) {
            benchmark.crossbar.program(benchmark.weights);
        }
    }
}
