package org.xbarlab.devices.noise;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Simulated programming noise against its closed forms, with bounds of {@link SampleMoments#SIGMAS} standard errors
 * computed from the sample size.
 */
class ProgrammingNoiseStatisticsTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final int SAMPLES = 200_000;
    private static final int SLOW_SAMPLES = 4_000_000;

    /** Programs {@code n} devices to {@code target} and returns the programmed conductances. */
    private static float[] program(ProgrammingNoise noise, double target, int n, long seedIndex) {
        float[] targets = new float[n];
        Arrays.fill(targets, (float) target);
        float[] out = new float[n];
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/programming", seedIndex);
        noise.apply(targets, 0, n, out, 0, random, new float[n]);
        return out;
    }

    /**
     * PCM programming noise away from 0 (at least 8 sigma, so the clamp at 0 never acts): the sample mean is the
     * target and the sample standard deviation is sigma_prog(target).
     */
    @ParameterizedTest(name = "target {0} S")
    @ValueSource(doubles = {5e-6, 10e-6, 20.94e-6, 25e-6})
    void pcmProgrammingNoiseHasThePolynomialSigma(double target) {
        checkPolynomial(target, SAMPLES);
    }

    @Test
    @Tag("slow")
    void pcmProgrammingNoiseHasThePolynomialSigmaOnAFineGrid() {
        for (double target = 4e-6; target <= 25e-6; target += 1e-6) {
            checkPolynomial(target, SLOW_SAMPLES);
        }
    }

    private void checkPolynomial(double target, int n) {
        ProgrammingNoise noise = ProgrammingNoise.from(PolynomialProgrammingNoiseConfig.defaults(), G_MAX);
        float[] out = program(noise, target, n, Math.round(target * 1e9));
        SampleMoments m = SampleMoments.of(out);
        double sigma = PcmModel.programmingSigmaSiemens(target, G_MAX);
        String context = "target " + target + " S, seed " + TEST_SEED;
        assertEquals(target, m.mean(), m.meanBound(), "mean, " + context);
        assertEquals(sigma, m.standardDeviation(), m.standardDeviationBound(), "sigma, " + context);
    }

    /**
     * At a target of 0 the clamp makes the result {@code max(0, σ0 ξ)}: mean {@code σ0/√(2π)} and standard deviation
     * {@code σ0·sqrt(1/2 − 1/(2π))}, with σ0 = 0.26348 µS.
     */
    @Test
    void pcmProgrammingNoiseAtZeroIsAHalfNormal() {
        ProgrammingNoise noise = ProgrammingNoise.from(PolynomialProgrammingNoiseConfig.defaults(), G_MAX);
        SampleMoments m = SampleMoments.of(program(noise, 0.0, SAMPLES, 0));
        double sigma0 = 0.26348e-6;
        assertEquals(sigma0 / Math.sqrt(2 * Math.PI), m.mean(), m.meanBound());
        assertEquals(sigma0 * Math.sqrt(0.5 - 1 / (2 * Math.PI)), m.standardDeviation(),
                m.standardDeviationBound());
    }

    @Test
    void gaussianProgrammingNoiseAddsItsPartsInQuadrature() {
        GaussianProgrammingNoiseConfig config = new GaussianProgrammingNoiseConfig(0.3e-6, 0.04);
        ProgrammingNoise noise = ProgrammingNoise.from(config, G_MAX);
        for (double target : List.of(10e-6, 20e-6)) {
            SampleMoments m = SampleMoments.of(program(noise, target, SAMPLES, 7));
            double sigma = Math.sqrt(0.3e-6 * 0.3e-6 + 0.04 * 0.04 * target * target);
            assertEquals(sigma, noise.sigmaSiemens(target), 1e-18);
            assertEquals(target, m.mean(), m.meanBound(), "target " + target);
            assertEquals(sigma, m.standardDeviation(), m.standardDeviationBound(), "target " + target);
        }
    }
}
