package org.xbarlab.devices.drift;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.drift.PowerLawDriftConfig.NegativeExponents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast bulk loops against slow, obvious references written from the config records' closed forms with the same
 * standard normals; plus the argument checks and random-number consumption of the drift operations.
 */
class DriftMatchesReferenceTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final int N = 10_000;

    private static float[] conductances() {
        float[] g = new float[N];
        RandomFill.uniform(RngStreams.of(TEST_SEED).stream("g"), g, 0, N, 0.0f, (float) (1.2 * G_MAX));
        g[0] = 0.0f;
        return g;
    }

    private static float[] normals() {
        float[] xi = new float[N];
        RandomFill.normal(RngStreams.of(TEST_SEED).stream("xi"), xi, 0, N, 0.0f, 1.0f);
        return xi;
    }

    @Test
    void pcmExponentsAndDriftMatchTheReference() {
        PcmDriftConfig config = PcmDriftConfig.defaults().withDriftScaleRelative(1.5);
        Drift drift = Drift.from(config, G_MAX);
        float[] target = conductances();
        float[] nu = new float[N];
        drift.sampleExponents(target, 0, N, nu, 0, RngStreams.of(TEST_SEED).stream("xi"), new float[N]);
        float[] xi = normals();
        float[] drifted = new float[N];
        double seconds = 86400;
        drift.apply(target, nu, 0, N, seconds, drifted, 0);
        for (int i = 0; i < N; i++) {
            double x = target[i] / G_MAX;
            double reference = 1.5 * Math.abs(config.meanExponent(x) + config.exponentSigma(x) * xi[i]);
            assertEquals(reference, nu[i], Math.ulp((float) reference), "device " + i);
            double g = target[i] * Math.pow((seconds + 20) / 20, -nu[i]);
            assertEquals(g, drifted[i], Math.ulp((float) g), "device " + i);
        }
    }

    @Test
    void powerLawExponentsMatchTheReference() {
        for (NegativeExponents handling : NegativeExponents.values()) {
            PowerLawDriftConfig config = new PowerLawDriftConfig(0.03, 0.05, 20, handling);
            float[] nu = new float[N];
            Drift.from(config, G_MAX).sampleExponents(null, 0, N, nu, 0, RngStreams.of(TEST_SEED).stream("xi"),
                    null);
            float[] xi = normals();
            for (int i = 0; i < N; i++) {
                double reference = config.exponent(xi[i]);
                // RandomFill scales in float: mean + sigma * xi rounded once.
                assertEquals(reference, nu[i], 2 * Math.ulp((float) Math.max(Math.abs(reference), 0.05)),
                        handling + ", device " + i);
            }
        }
    }

    @Test
    void noneCopiesAndTakesNoRandomNumbers() {
        float[] g = conductances();
        for (Drift drift : new Drift[] {Drift.from(new NoDriftConfig(), G_MAX),
            Drift.from(new PowerLawDriftConfig(0, 0, 20, null), G_MAX),
            Drift.from(PcmDriftConfig.defaults().withDriftScaleRelative(0), G_MAX)}) {
            assertTrue(drift.isNone(), drift::toString);
            float[] nu = new float[N];
            java.util.Arrays.fill(nu, 3.0f);
            UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("t");
            drift.sampleExponents(g, 0, N, nu, 0, random, null);
            assertArrayEquals(new float[N], nu);
            assertEquals(RngStreams.of(TEST_SEED).stream("t").nextLong(), random.nextLong());
            float[] out = new float[N];
            drift.apply(g, null, 0, N, 1e6, out, 0);
            assertArrayEquals(g, out);
        }
    }

    @Test
    void rightAfterProgrammingTheConductanceIsTheProgrammedOne() {
        Drift drift = Drift.from(PcmDriftConfig.defaults(), G_MAX);
        float[] g = conductances();
        float[] nu = new float[N];
        drift.sampleExponents(g, 0, N, nu, 0, RngStreams.of(TEST_SEED).stream("t"), new float[N]);
        float[] out = new float[N];
        drift.apply(g, nu, 0, N, 0, out, 0);
        assertArrayEquals(g, out);
    }

    @Test
    void badArgumentsAreRejectedWithTheirName() {
        Drift drift = Drift.from(PcmDriftConfig.defaults(), G_MAX);
        float[] g = new float[10];
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> drift.apply(g, g, 0, 10, Double.NaN, g, 0));
        assertTrue(time.getMessage().startsWith("secondsSinceProgramming"), time.getMessage());
        IllegalArgumentException scratch = assertThrows(IllegalArgumentException.class,
                () -> drift.sampleExponents(g, 0, 10, new float[10], 0, RngStreams.of(1).stream("t"), new float[3]));
        assertTrue(scratch.getMessage().startsWith("scratch"), scratch.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> drift.apply(g, g, 0, 10, 1, new float[9], 0));
        NullPointerException exponents = assertThrows(NullPointerException.class,
                () -> drift.apply(g, null, 0, 10, 1, g, 0));
        assertTrue(exponents.getMessage().contains("exponents"), exponents.getMessage());
        IllegalArgumentException max = assertThrows(IllegalArgumentException.class,
                () -> Drift.from(PcmDriftConfig.defaults(), Double.NaN));
        assertTrue(max.getMessage().startsWith("maxConductanceSiemens"), max.getMessage());
    }
}
