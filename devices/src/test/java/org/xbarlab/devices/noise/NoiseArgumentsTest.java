package org.xbarlab.devices.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument checks and random-number consumption of the bulk noise operations. */
class NoiseArgumentsTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;

    @Test
    void badArgumentsAreRejectedWithTheirName() {
        ReadNoise read = ReadNoise.from(PcmReadNoiseConfig.defaults(), G_MAX);
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("t");
        float[] g = new float[10];
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> read.apply(g, g, 0, 10, -1, g, 0, random, new float[10]));
        assertTrue(time.getMessage().startsWith("secondsSinceProgramming"), time.getMessage());
        IllegalArgumentException scratch = assertThrows(IllegalArgumentException.class,
                () -> read.apply(g, g, 0, 10, 0, g, 0, random, new float[9]));
        assertTrue(scratch.getMessage().startsWith("scratch"), scratch.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> read.apply(g, g, 5, 6, 0, g, 0, random, new float[10]));
        NullPointerException programmed = assertThrows(NullPointerException.class,
                () -> read.apply(g, null, 0, 10, 0, g, 0, random, new float[10]));
        assertTrue(programmed.getMessage().contains("programmed"), programmed.getMessage());
        IllegalArgumentException max = assertThrows(IllegalArgumentException.class,
                () -> ProgrammingNoise.from(PolynomialProgrammingNoiseConfig.defaults(), 0));
        assertTrue(max.getMessage().startsWith("maxConductanceSiemens"), max.getMessage());
    }

    @Test
    void randomConsumptionDependsOnlyOnTheCount() {
        float[] g = new float[1001];
        java.util.Arrays.fill(g, 10e-6f);
        long afterSmall = consumedThenNext(ProgrammingNoise.from(new GaussianProgrammingNoiseConfig(1e-9, 0), G_MAX),
                g);
        long afterLarge = consumedThenNext(ProgrammingNoise.from(new GaussianProgrammingNoiseConfig(1e-6, 0.1),
                G_MAX), g);
        assertEquals(afterSmall, afterLarge);
        // None takes nothing: the next number is the stream's first.
        assertEquals(RngStreams.of(TEST_SEED).stream("t").nextLong(),
                consumedThenNext(ProgrammingNoise.from(new NoProgrammingNoiseConfig(), G_MAX), g));
    }

    private static long consumedThenNext(ProgrammingNoise noise, float[] target) {
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("t");
        noise.apply(target, 0, target.length, new float[target.length], 0, random, new float[target.length]);
        return random.nextLong();
    }
}
