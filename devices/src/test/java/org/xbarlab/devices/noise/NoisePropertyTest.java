package org.xbarlab.devices.noise;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the bulk noise operations for every model and any valid config: results are non-negative and
 * finite, the same seed gives the same result, in-place equals out-of-place, and offsets only shift the ranges.
 */
class NoisePropertyTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;

    /** Conductances in [0, 2 gMax], with exact zeros. */
    private static float[] conductances(long seed, int n) {
        float[] g = new float[n];
        org.xbarlab.core.random.RandomFill.uniform(RngStreams.of(seed).stream("test/conductances"), g, 0, n, 0.0f,
                (float) (2 * G_MAX));
        for (int i = 0; i < n; i += 7) {
            g[i] = 0.0f;
        }
        return g;
    }

    @Property(tries = 200)
    void readsAreNonNegativeFiniteAndDeterministic(@ForAll("readNoiseConfigs") ReadNoiseConfig config,
                                                   @ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int n,
                                                   @ForAll("seconds") double seconds) {
        ReadNoise noise = ReadNoise.from(config, G_MAX);
        float[] g = conductances(seed, n);
        float[] p = conductances(seed + 1, n);
        float[] first = new float[n];
        float[] second = new float[n];
        noise.apply(g, p, 0, n, seconds, first, 0, RngStreams.of(seed).stream("read"), new float[n]);
        noise.apply(g, p, 0, n, seconds, second, 0, RngStreams.of(seed).stream("read"), new float[n + 3]);
        assertArrayEquals(first, second);
        for (float value : first) {
            assertTrue(value >= 0 && Float.isFinite(value), () -> "read " + value + " with " + config);
        }
        // In place, and at an offset inside larger arrays: the same numbers.
        float[] shifted = new float[n + 5];
        float[] shiftedProgrammed = new float[n + 5];
        System.arraycopy(g, 0, shifted, 5, n);
        System.arraycopy(p, 0, shiftedProgrammed, 5, n);
        noise.apply(shifted, shiftedProgrammed, 5, n, seconds, shifted, 5, RngStreams.of(seed).stream("read"),
                new float[n]);
        assertArrayEquals(first, java.util.Arrays.copyOfRange(shifted, 5, n + 5));
    }

    @Property(tries = 200)
    void programmedConductancesAreNonNegativeFiniteAndDeterministic(
            @ForAll("programmingNoiseConfigs") ProgrammingNoiseConfig config, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 300) int n) {
        ProgrammingNoise noise = ProgrammingNoise.from(config, G_MAX);
        float[] target = conductances(seed, n);
        float[] first = new float[n];
        float[] second = new float[n + 2];
        noise.apply(target, 0, n, first, 0, RngStreams.of(seed).stream("program"), new float[n]);
        noise.apply(target, 0, n, second, 2, RngStreams.of(seed).stream("program"), new float[n]);
        assertArrayEquals(first, java.util.Arrays.copyOfRange(second, 2, n + 2));
        for (int i = 0; i < n; i++) {
            float value = first[i];
            assertTrue(value >= 0 && Float.isFinite(value), () -> "programmed " + value + " with " + config);
            assertTrue(noise.sigmaSiemens(target[i]) >= 0);
        }
        noise.apply(target, 0, n, target, 0, RngStreams.of(seed).stream("program"), new float[n]);
        assertArrayEquals(first, target);
    }

    @Property(tries = 100)
    void zeroNoiseConfigsAreNoneAndCopy(@ForAll @DoubleRange(min = 0, max = 1e4) double seconds,
                                        @ForAll long seed) {
        float[] g = conductances(seed, 50);
        for (ReadNoise noise : new ReadNoise[] {
            ReadNoise.from(new NoReadNoiseConfig(), G_MAX),
            ReadNoise.from(new GaussianReadNoiseConfig(0, 0), G_MAX),
            ReadNoise.from(PcmReadNoiseConfig.defaults().withScaleRelative(0), G_MAX)}) {
            assertTrue(noise.isNone(), noise::toString);
            float[] out = new float[50];
            noise.apply(g, null, 0, 50, seconds, out, 0, null, null);
            assertArrayEquals(g, out);
        }
    }

    @Provide
    Arbitrary<ReadNoiseConfig> readNoiseConfigs() {
        return NoiseArbitraries.readNoiseConfigs();
    }

    @Provide
    Arbitrary<ProgrammingNoiseConfig> programmingNoiseConfigs() {
        return NoiseArbitraries.programmingNoiseConfigs();
    }

    @Provide
    Arbitrary<Double> seconds() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), NoiseArbitraries.logUniform(1e-9, 1e10));
    }
}
