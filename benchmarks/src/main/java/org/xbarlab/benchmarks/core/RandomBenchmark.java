package org.xbarlab.benchmarks.core;

import java.util.concurrent.TimeUnit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbarlab.core.random.ParallelRandomFill;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

/**
 * Throughput of bulk random fills of {@value #LENGTH} floats ({@code org.xbarlab.core.random}). Every method fills
 * the whole array once per invocation and declares {@value #LENGTH} operations, so JMH's {@code ops/us} is
 * millions of deviates per second.
 *
 * <p>Families and their baselines:
 * <ul>
 *   <li>normal: {@link #normalZigguratSamplerPerElement} (Commons RNG {@code ZigguratSampler.NormalizedGaussian},
 *       McFarland's modified ziggurat, one call per element) is the baseline; {@link #normalBoxMullerPairs} and
 *       {@link #normalPolarPairs} are the alternatives that were measured and rejected; {@link #normalFill},
 *       {@link #normalChunked} and {@link #normalParallel2Threads} are what xbarlab uses;</li>
 *   <li>uniform: {@link #uniformNextFloatPerElement} is the baseline for {@link #uniformFill} and
 *       {@link #uniformParallel2Threads};</li>
 *   <li>{@link #rawNextLong} is the ceiling set by the generator alone (two deviates need one output).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RandomBenchmark -rf json -rff target/jmh-random.json}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
@OperationsPerInvocation(RandomBenchmark.LENGTH)
public class RandomBenchmark {

    /** Floats per fill: 1 Mi. */
    public static final int LENGTH = 1 << 20;

    /** 2^-32, to scale a 32-bit integer into [0, 1). */
    private static final float TWO_POW_MINUS_32 = 0x1.0p-32f;

    private float[] out;
    private UniformRandomProvider rng;
    private ZigguratSampler.NormalizedGaussian ziggurat;
    private RngStreams streams;
    private ParallelRandomFill parallel;
    private long step;

    /** Builds the generator (fixed seed), the output array and a two-thread filler. */
    @Setup(Level.Trial)
    public void setUp() {
        out = new float[LENGTH];
        streams = RngStreams.of(42L);
        rng = streams.stream(StreamNames.DEVICES_CYCLE);
        ziggurat = ZigguratSampler.NormalizedGaussian.of(rng);
        parallel = new ParallelRandomFill(2);
    }

    /** Stops the filler's worker thread. */
    @TearDown(Level.Trial)
    public void tearDown() {
        parallel.close();
    }

    /**
     * Baseline: Commons RNG's ziggurat, one {@code sample()} per element, converted to float.
     *
     * @return the filled array
     */
    @Benchmark
    public float[] normalZigguratSamplerPerElement() {
        final float[] a = out;
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) ziggurat.sample();
        }
        return a;
    }

    /**
     * Alternative: Box-Muller transform on pairs, two 32-bit uniforms from one output (tails truncated at about
     * 6.7 sigma by the 32-bit resolution of the radius uniform).
     *
     * @return the filled array
     */
    @Benchmark
    public float[] normalBoxMullerPairs() {
        final float[] a = out;
        for (int i = 0; i < a.length; i += 2) {
            final long bits = rng.nextLong();
            // (0, 1] so that the logarithm is finite.
            final double u1 = ((bits >>> 32) + 1L) * (double) TWO_POW_MINUS_32;
            final double u2 = (bits & 0xFFFFFFFFL) * (double) TWO_POW_MINUS_32;
            final double radius = Math.sqrt(-2.0 * Math.log(u1));
            final double angle = 2.0 * Math.PI * u2;
            a[i] = (float) (radius * Math.cos(angle));
            a[i + 1] = (float) (radius * Math.sin(angle));
        }
        return a;
    }

    /**
     * Alternative: Marsaglia's polar method on pairs, two 32-bit uniforms in (-1, 1) from one output, about 21 %
     * of pairs rejected.
     *
     * @return the filled array
     */
    @Benchmark
    public float[] normalPolarPairs() {
        final float[] a = out;
        int i = 0;
        while (i < a.length) {
            final long bits = rng.nextLong();
            final double u = (int) bits * 0x1.0p-31;
            final double v = (int) (bits >>> 32) * 0x1.0p-31;
            final double s = u * u + v * v;
            if (s >= 1.0 || s == 0.0) {
                continue;
            }
            final double scale = Math.sqrt(-2.0 * Math.log(s) / s);
            a[i] = (float) (u * scale);
            a[i + 1] = (float) (v * scale);
            i += 2;
        }
        return a;
    }

    /**
     * xbarlab: {@link RandomFill#normal} on one generator (float ziggurat, two deviates per output).
     *
     * @return the filled array
     */
    @Benchmark
    public float[] normalFill() {
        RandomFill.normal(rng, out, 0, LENGTH, 0.0f, 1.0f);
        return out;
    }

    /**
     * xbarlab: {@link RandomFill#normalChunked}, one thread, 16 chunk streams derived per fill.
     *
     * @return the filled array
     */
    @Benchmark
    public float[] normalChunked() {
        RandomFill.normalChunked(streams, StreamNames.DEVICES_CYCLE, step++, out, 0, LENGTH, 0.0f, 1.0f);
        return out;
    }

    /**
     * xbarlab: {@link ParallelRandomFill#normal} with 2 threads (the caller and one worker).
     *
     * @return the filled array
     */
    @Benchmark
    public float[] normalParallel2Threads() {
        parallel.normal(streams, StreamNames.DEVICES_CYCLE, step++, out, 0, LENGTH, 0.0f, 1.0f);
        return out;
    }

    /**
     * Baseline: {@code nextFloat()} per element.
     *
     * @return the filled array
     */
    @Benchmark
    public float[] uniformNextFloatPerElement() {
        final float[] a = out;
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextFloat();
        }
        return a;
    }

    /**
     * xbarlab: {@link RandomFill#uniform} on one generator, in [0, 1).
     *
     * @return the filled array
     */
    @Benchmark
    public float[] uniformFill() {
        RandomFill.uniform(rng, out, 0, LENGTH, 0.0f, 1.0f);
        return out;
    }

    /**
     * xbarlab: {@link ParallelRandomFill#uniform} with 2 threads.
     *
     * @return the filled array
     */
    @Benchmark
    public float[] uniformParallel2Threads() {
        parallel.uniform(streams, StreamNames.DEVICES_CYCLE, step++, out, 0, LENGTH, 0.0f, 1.0f);
        return out;
    }

    /**
     * Ceiling: the generator alone, one {@code nextLong()} per two elements (what the fills consume).
     *
     * @return an accumulation of the outputs, so that they are not optimised away
     */
    @Benchmark
    public long rawNextLong() {
        long sum = 0;
        for (int i = 0; i < LENGTH; i += 2) {
            sum += rng.nextLong();
        }
        return sum;
    }
}
