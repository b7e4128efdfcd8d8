package org.xbarlab.devices.noise;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulated read noise against its closed forms, with bounds of {@link SampleMoments#SIGMAS} standard errors
 * computed from the sample size: the relative sigma of PCM reads at several programmed conductances and times, and
 * its growth with time.
 */
class ReadNoiseStatisticsTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final int SAMPLES = 200_000;
    private static final int SLOW_SAMPLES = 4_000_000;
    private static final double YEAR_SECONDS = 365.25 * 86400;

    /**
     * Reads {@code n} devices whose conductance is {@code conductance} and whose programmed conductance is
     * {@code programmed}, {@code seconds} after programming.
     */
    private static float[] read(ReadNoise noise, double conductance, double programmed, double seconds, int n,
                                long seedIndex) {
        float[] g = new float[n];
        Arrays.fill(g, (float) conductance);
        float[] p = new float[n];
        Arrays.fill(p, (float) programmed);
        UniformRandomProvider random = RngStreams.of(TEST_SEED).stream("test/read", seedIndex);
        noise.apply(g, p, 0, n, seconds, g, 0, random, new float[n]);
        return g;
    }

    /**
     * A PCM read of {@code g} has mean {@code g} and standard deviation {@code g·Q(gProg)·F(s)}; the conductances
     * are chosen so that the clamp at 0 is at least 5 sigma away.
     */
    @ParameterizedTest(name = "x = {0}, s = {1} s")
    @CsvSource({
        "1.0,   0",
        "1.0,   3600",
        "1.0,   31557600",
        "0.25,  0",
        "0.25,  86400",
        "0.1,   31557600",
    })
    void pcmReadNoiseHasTheClosedFormSigma(double x, double seconds) {
        checkPcm(x, seconds, SAMPLES);
    }

    @Test
    @Tag("slow")
    void pcmReadNoiseHasTheClosedFormSigmaOnAGrid() {
        for (double x = 0.1; x <= 1.0; x += 0.1) {
            for (double seconds : new double[] {0, 1, 60, 3600, 86400, YEAR_SECONDS, 10 * YEAR_SECONDS}) {
                checkPcm(x, seconds, SLOW_SAMPLES);
            }
        }
    }

    private void checkPcm(double x, double seconds, int n) {
        ReadNoise noise = ReadNoise.from(PcmReadNoiseConfig.defaults(), G_MAX);
        double g = x * G_MAX;
        float[] reads = read(noise, g, g, seconds, n, Math.round(x * 1000) * 31 + (long) seconds);
        SampleMoments m = SampleMoments.of(reads);
        double sigma = g * PcmModel.readNoiseRelativeSigma(g, G_MAX, seconds);
        String context = "x " + x + ", s " + seconds + " s, seed " + TEST_SEED;
        assertEquals(g, m.mean(), m.meanBound(), "mean, " + context);
        assertEquals(sigma, m.standardDeviation(), m.standardDeviationBound(), "sigma, " + context);
    }

    /**
     * The read noise grows with the time since programming as {@code F(s)}: the sample sigma at one year over the
     * sample sigma at {@code s = 0} is {@code F(1 year)/F(0) = 5.637/4.184}, within the propagated bounds.
     */
    @Test
    void pcmReadNoiseGrowsAsTheSquareRootOfTheLogarithmOfTime() {
        ReadNoise noise = ReadNoise.from(PcmReadNoiseConfig.defaults(), G_MAX);
        double g = 0.5 * G_MAX;
        SampleMoments early = SampleMoments.of(read(noise, g, g, 0, SAMPLES, 101));
        SampleMoments late = SampleMoments.of(read(noise, g, g, YEAR_SECONDS, SAMPLES, 102));
        double ratio = late.standardDeviation() / early.standardDeviation();
        double expected = PcmModel.readNoiseTimeFactor(YEAR_SECONDS) / PcmModel.readNoiseTimeFactor(0);
        double bound = ratio * Math.hypot(early.standardDeviationBound() / early.standardDeviation(),
                late.standardDeviationBound() / late.standardDeviation());
        assertEquals(expected, ratio, bound);
        assertTrue(ratio > 1.2, "one year must be noisier than a read right after programming");
    }

    /**
     * The amplitude follows the programmed conductance, not the drifted one: reads of a drifted conductance
     * {@code 0.5 gProg} have standard deviation {@code 0.5 gProg · Q(gProg) · F}, not {@code Q(0.5 gProg)}.
     */
    @Test
    void pcmReadNoiseAmplitudeUsesTheProgrammedConductance() {
        ReadNoise noise = ReadNoise.from(PcmReadNoiseConfig.defaults(), G_MAX);
        double programmed = 0.8 * G_MAX;
        double drifted = 0.5 * programmed;
        SampleMoments m = SampleMoments.of(read(noise, drifted, programmed, 3600, SAMPLES, 103));
        double sigma = drifted * PcmModel.readNoiseRelativeSigma(programmed, G_MAX, 3600);
        assertEquals(sigma, m.standardDeviation(), m.standardDeviationBound());
    }

    @Test
    void gaussianReadNoiseAddsItsPartsInQuadrature() {
        ReadNoise noise = ReadNoise.from(new GaussianReadNoiseConfig(0.2e-6, 0.02), G_MAX);
        double g = 15e-6;
        SampleMoments m = SampleMoments.of(read(noise, g, g, 0, SAMPLES, 104));
        double sigma = Math.sqrt(0.2e-6 * 0.2e-6 + 0.02 * 0.02 * g * g);
        assertEquals(g, m.mean(), m.meanBound());
        assertEquals(sigma, m.standardDeviation(), m.standardDeviationBound());
    }
}
