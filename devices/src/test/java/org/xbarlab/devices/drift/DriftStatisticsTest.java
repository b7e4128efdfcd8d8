package org.xbarlab.devices.drift;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.drift.PowerLawDriftConfig.NegativeExponents;
import org.xbarlab.devices.noise.PcmModel;
import org.xbarlab.devices.noise.SampleMoments;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Simulated drift against its closed forms, with bounds of {@link SampleMoments#SIGMAS} standard errors computed
 * from the sample size: the distribution of the exponent (mean and spread of the folded normal) and the mean drift
 * factor {@code E[(t/t0)^(−ν)]} (numerical integration over ν) at several conductances and times.
 */
class DriftStatisticsTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final int SAMPLES = 200_000;
    private static final int SLOW_SAMPLES = 4_000_000;
    private static final double YEAR_SECONDS = 365.25 * 86400;
    private static final double[] TIMES_SECONDS = {1, 3600, 86400, YEAR_SECONDS};

    /** Devices all programmed to {@code x·gMax}, with their exponents drawn. */
    private static float[] exponents(Drift drift, double x, int n, long seedIndex) {
        float[] target = new float[n];
        Arrays.fill(target, (float) (x * G_MAX));
        float[] nu = new float[n];
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/drift", seedIndex);
        drift.sampleExponents(target, 0, n, nu, 0, random, new float[n]);
        return nu;
    }

    /** The ratios {@code G(s)/G_prog} of devices with exponents {@code nu}. */
    private static float[] factors(Drift drift, float[] nu, double seconds) {
        float[] ones = new float[nu.length];
        Arrays.fill(ones, 1.0f);
        float[] out = new float[nu.length];
        drift.apply(ones, nu, 0, nu.length, seconds, out, 0);
        return out;
    }

    @ParameterizedTest(name = "x = {0}")
    @ValueSource(doubles = {0.005, 0.05, 0.2, 0.5, 1.0})
    void pcmDriftMatchesItsClosedForms(double x) {
        checkPcm(x, SAMPLES);
    }

    @Test
    @Tag("slow")
    void pcmDriftMatchesItsClosedFormsOnAFineGrid() {
        for (double x = 0.02; x <= 1.0; x += 0.02) {
            checkPcm(x, SLOW_SAMPLES);
        }
    }

    private void checkPcm(double x, int n) {
        Drift drift = Drift.from(PcmDriftConfig.defaults(), G_MAX);
        float[] nu = exponents(drift, x, n, Math.round(x * 1e4));
        SampleMoments m = SampleMoments.of(nu);
        double mean = PcmModel.meanDriftExponent(x);
        double sigma = PcmModel.driftExponentSigma(x);
        double expected = PcmModel.expectedDriftExponent(x);
        // Var|Y| = E[Y²] − (E|Y|)² = μ² + σ² − (E|Y|)².
        double expectedSigma = Math.sqrt(mean * mean + sigma * sigma - expected * expected);
        String context = "x " + x + ", seed " + TEST_SEED;
        assertEquals(expected, m.mean(), m.meanBound(), "E[nu], " + context);
        assertEquals(expectedSigma, m.standardDeviation(), m.standardDeviationBound(), "sd[nu], " + context);
        for (double seconds : TIMES_SECONDS) {
            SampleMoments f = SampleMoments.of(factors(drift, nu, seconds));
            assertEquals(PcmModel.meanDriftFactor(x, seconds), f.mean(), f.meanBound(),
                    "E[G/G_prog] at " + seconds + " s, " + context);
        }
    }

    /**
     * The log-mean of the drift: {@code E[ln(G(s)/G_prog)] = −E[ν]·ln(t/t0)}, at 25 µS and one year, where aihwkit.md
     * notes the mean conductance halves (α ≈ 2.0).
     */
    @Test
    void pcmDriftAtFullConductanceHalvesTheConductanceInAYear() {
        Drift drift = Drift.from(PcmDriftConfig.defaults(), G_MAX);
        float[] nu = exponents(drift, 1.0, SAMPLES, 1);
        float[] ratio = factors(drift, nu, YEAR_SECONDS);
        float[] logRatio = new float[ratio.length];
        for (int i = 0; i < ratio.length; i++) {
            logRatio[i] = (float) Math.log(ratio[i]);
        }
        SampleMoments m = SampleMoments.of(logRatio);
        double logTime = Math.log((YEAR_SECONDS + 20) / 20);
        assertEquals(-PcmModel.expectedDriftExponent(1.0) * logTime, m.mean(), m.meanBound());
        assertEquals(0.5, PcmModel.meanDriftFactor(1.0, YEAR_SECONDS), 0.01);
    }

    @ParameterizedTest
    @EnumSource(NegativeExponents.class)
    void powerLawDriftMatchesItsClosedForms(NegativeExponents handling) {
        // A spread as large as the mean, so that a sixth of the draws are negative and the handling matters.
        PowerLawDriftConfig config = new PowerLawDriftConfig(0.05, 0.05, 20.0, handling);
        Drift drift = Drift.from(config, G_MAX);
        float[] nu = exponents(drift, 0.5, SAMPLES, 2 + handling.ordinal());
        SampleMoments m = SampleMoments.of(nu);
        assertEquals(config.expectedExponent(), m.mean(), m.meanBound(), handling.toString());
        for (double seconds : TIMES_SECONDS) {
            SampleMoments f = SampleMoments.of(factors(drift, nu, seconds));
            assertEquals(config.meanDriftFactor(seconds), f.mean(), f.meanBound(), handling + " at " + seconds);
        }
    }
}
