package org.xbarlab.benchmarks.devices;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.drift.Drift;
import org.xbarlab.devices.drift.PcmDriftConfig;
import org.xbarlab.devices.noise.GaussianReadNoiseConfig;
import org.xbarlab.devices.noise.PcmReadNoiseConfig;
import org.xbarlab.devices.noise.PolynomialProgrammingNoiseConfig;
import org.xbarlab.devices.noise.ProgrammingNoise;
import org.xbarlab.devices.noise.ReadNoise;

/**
 * Bulk read noise, programming noise and drift ({@code org.xbarlab.devices.noise}, {@code org.xbarlab.devices.drift})
 * on a population of {@code devices} conductances (8 M by default, a 2000×2000 differential array), with aihwkit's
 * PCM constants and gMax = 25 µS. Each method processes the whole population once; devices per second is
 * {@code devices / (ms per op / 1000)}.
 *
 * <p>Baselines: {@link #copyBaseline} (memory traffic of one read and one write per device) and
 * {@link #normalFillBaseline} (drawing one standard normal per device with {@code RandomFill.normal}, which every
 * noisy operation does first).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NoiseDriftBenchmark -rf json
 * -rff target/jmh-noise-drift.json}.
 */
public class NoiseDriftBenchmark extends XbarlabBenchmark {

    private static final double G_MAX = 25e-6;

    /** Devices in the population. */
    @Param("8000000")
    public int devices;

    private float[] target;
    private float[] programmed;
    /** {@code programmed} with every other device at 0, as one device of each differential pair is. */
    private float[] differential;
    private float[] exponents;
    private float[] out;
    private float[] scratch;
    private UniformRandomProvider random;
    private ReadNoise pcmRead;
    private ReadNoise gaussianRead;
    private ProgrammingNoise pcmProgramming;
    private Drift pcmDrift;

    /** Builds a programmed population with drawn exponents from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        RngStreams streams = RngStreams.of(42L);
        random = streams.stream(StreamNames.DEVICES_CYCLE);
        target = new float[devices];
        RandomFill.uniform(streams.stream(StreamNames.DEVICES_CONSTRUCTION, 0), target, 0, devices, 0.0f,
                (float) G_MAX);
        programmed = new float[devices];
        exponents = new float[devices];
        out = new float[devices];
        scratch = new float[devices];
        pcmRead = ReadNoise.from(PcmReadNoiseConfig.defaults(), G_MAX);
        gaussianRead = ReadNoise.from(new GaussianReadNoiseConfig(0.1e-6, 0.01), G_MAX);
        pcmProgramming = ProgrammingNoise.from(PolynomialProgrammingNoiseConfig.defaults(), G_MAX);
        pcmDrift = Drift.from(PcmDriftConfig.defaults(), G_MAX);
        pcmProgramming.apply(target, 0, devices, programmed, 0, streams.stream(StreamNames.DEVICES_CYCLE, 1),
                scratch);
        pcmDrift.sampleExponents(target, 0, devices, exponents, 0, streams.stream(StreamNames.DEVICES_CYCLE, 2),
                scratch);
        differential = programmed.clone();
        for (int i = 0; i < devices; i += 2) {
            differential[i] = 0.0f;
        }
    }

    /**
     * Baseline: copy the population (one float read and one float write per device).
     *
     * @return the copy
     */
    @Benchmark
    public float[] copyBaseline() {
        System.arraycopy(programmed, 0, out, 0, devices);
        return out;
    }

    /**
     * Baseline: one standard normal per device into the scratch array.
     *
     * @return the normals
     */
    @Benchmark
    public float[] normalFillBaseline() {
        RandomFill.normal(random, scratch, 0, devices, 0.0f, 1.0f);
        return scratch;
    }

    /**
     * PCM 1/f read noise one day after programming (a power and a few multiplies per device).
     *
     * @return the reads
     */
    @Benchmark
    public float[] pcmReadNoise() {
        pcmRead.apply(programmed, programmed, 0, devices, 86400.0, out, 0, random, scratch);
        return out;
    }

    /**
     * PCM 1/f read noise one day after programming on a differential array: half the devices at 0, whose read
     * skips the power.
     *
     * @return the reads
     */
    @Benchmark
    public float[] pcmReadNoiseDifferential() {
        pcmRead.apply(differential, differential, 0, devices, 86400.0, out, 0, random, scratch);
        return out;
    }

    /**
     * Gaussian read noise with both an absolute and a relative part.
     *
     * @return the reads
     */
    @Benchmark
    public float[] gaussianReadNoise() {
        gaussianRead.apply(programmed, null, 0, devices, 0.0, out, 0, random, scratch);
        return out;
    }

    /**
     * PCM drift one day after programming (one exponential per device).
     *
     * @return the drifted conductances
     */
    @Benchmark
    public float[] pcmDrift() {
        pcmDrift.apply(programmed, exponents, 0, devices, 86400.0, out, 0);
        return out;
    }

    /**
     * PCM drift then PCM read noise in place: a read of the whole array one day after programming.
     *
     * @return the reads
     */
    @Benchmark
    public float[] pcmDriftThenReadNoise() {
        pcmDrift.apply(programmed, exponents, 0, devices, 86400.0, out, 0);
        pcmRead.apply(out, programmed, 0, devices, 86400.0, out, 0, random, scratch);
        return out;
    }

    /**
     * Drawing the PCM drift exponents from the targets (one logarithm per device).
     *
     * @return the exponents
     */
    @Benchmark
    public float[] pcmSampleExponents() {
        pcmDrift.sampleExponents(target, 0, devices, exponents, 0, random, scratch);
        return exponents;
    }

    /**
     * PCM programming noise (a quadratic per device).
     *
     * @return the programmed conductances
     */
    @Benchmark
    public float[] pcmProgrammingNoise() {
        pcmProgramming.apply(target, 0, devices, out, 0, random, scratch);
        return out;
    }
}
