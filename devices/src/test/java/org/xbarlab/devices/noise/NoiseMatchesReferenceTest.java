package org.xbarlab.devices.noise;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fast bulk loops against slow, obvious reference implementations written from the config records' closed
 * forms, with the same standard normals (drawn here from an identically seeded stream): they must agree to float
 * rounding.
 */
class NoiseMatchesReferenceTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final int N = 10_000;

    private static float[] conductances(String name) {
        float[] g = new float[N];
        RandomFill.uniform(RngStreams.of(TEST_SEED).stream(name), g, 0, N, 0.0f, (float) (1.2 * G_MAX));
        g[0] = 0.0f;
        return g;
    }

    /** The result is rounded to float once: it may differ from the double reference by one float ulp. */
    private static double oneFloatUlp(double reference) {
        return Math.ulp((float) reference);
    }

    private static float[] normals(String name) {
        float[] xi = new float[N];
        RandomFill.normal(RngStreams.of(TEST_SEED).stream(name), xi, 0, N, 0.0f, 1.0f);
        return xi;
    }

    @Test
    void pcmReadNoiseMatchesTheReference() {
        PcmReadNoiseConfig config = PcmReadNoiseConfig.defaults();
        float[] g = conductances("g");
        float[] p = conductances("p");
        float[] out = new float[N];
        double seconds = 86400;
        ReadNoise.from(config, G_MAX).apply(g, p, 0, N, seconds, out, 0, RngStreams.of(TEST_SEED).stream("xi"),
                new float[N]);
        float[] xi = normals("xi");
        for (int i = 0; i < N; i++) {
            double sigma = config.relativeSigma(p[i], G_MAX, seconds) * Math.abs(g[i]);
            double reference = Math.max(0, g[i] + sigma * xi[i]);
            assertEquals(reference, out[i], oneFloatUlp(reference), "device " + i);
        }
    }

    @Test
    void gaussianReadNoiseMatchesTheReference() {
        for (GaussianReadNoiseConfig config : new GaussianReadNoiseConfig[] {
            new GaussianReadNoiseConfig(0.3e-6, 0.05), new GaussianReadNoiseConfig(0.3e-6, 0),
            new GaussianReadNoiseConfig(0, 0.05)}) {
            float[] g = conductances("g");
            float[] out = new float[N];
            ReadNoise.from(config, G_MAX).apply(g, null, 0, N, 0, out, 0, RngStreams.of(TEST_SEED).stream("xi"),
                    new float[N]);
            float[] xi = normals("xi");
            for (int i = 0; i < N; i++) {
                double reference = Math.max(0, g[i] + config.sigmaSiemens(g[i]) * xi[i]);
                assertEquals(reference, out[i], oneFloatUlp(reference), config + ", device " + i);
            }
        }
    }

    @Test
    void programmingNoiseMatchesTheReference() {
        for (ProgrammingNoiseConfig config : new ProgrammingNoiseConfig[] {
            PolynomialProgrammingNoiseConfig.defaults(), new GaussianProgrammingNoiseConfig(0.2e-6, 0.03)}) {
            ProgrammingNoise noise = ProgrammingNoise.from(config, G_MAX);
            float[] target = conductances("target");
            float[] out = new float[N];
            noise.apply(target, 0, N, out, 0, RngStreams.of(TEST_SEED).stream("xi"), new float[N]);
            float[] xi = normals("xi");
            for (int i = 0; i < N; i++) {
                double sigma = config instanceof PolynomialProgrammingNoiseConfig polynomial
                        ? polynomial.sigmaSiemens(target[i], G_MAX)
                        : ((GaussianProgrammingNoiseConfig) config).sigmaSiemens(target[i]);
                double reference = Math.max(0, target[i] + sigma * xi[i]);
                assertEquals(reference, out[i], oneFloatUlp(reference), config + ", device " + i);
            }
        }
    }
}
