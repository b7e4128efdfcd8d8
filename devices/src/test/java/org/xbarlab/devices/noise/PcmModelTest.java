package org.xbarlab.devices.noise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closed forms of aihwkit's PCM model against values computed by hand from the equations and constants in
 * {@code shared/reference/aihwkit.md} section 3.2 (computed once with a calculator; the arithmetic is in each
 * comment).
 */
class PcmModelTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final double MICRO = 1e-6;
    private static final double YEAR_SECONDS = 365.25 * 86400;

    @ParameterizedTest(name = "sigma_prog({0} uS) = {1} uS")
    @CsvSource({
        // 0.26348 + 1.9650 x - 1.1731 x^2 with x = g/25
        "0,      0.26348",
        "5,      0.609556",      // x = 0.2
        "10,     0.861784",      // x = 0.4: 0.26348 + 0.786 - 0.187696
        "20.94,  1.0863478",     // near the vertex x = 1.965/(2*1.1731) = 0.8375
        "25,     1.05538",       // x = 1
    })
    void programmingSigmaMatchesThePolynomial(double targetMicroSiemens, double sigmaMicroSiemens) {
        assertEquals(sigmaMicroSiemens * MICRO, PcmModel.programmingSigmaSiemens(targetMicroSiemens * MICRO, G_MAX),
                1e-12);
    }

    @Test
    void programmingSigmaHasItsMaximumNear21MicroSiemens() {
        double best = 0;
        double where = 0;
        for (int i = 0; i <= 2500; i++) {
            double g = i * 0.01 * MICRO;
            double sigma = PcmModel.programmingSigmaSiemens(g, G_MAX);
            if (sigma > best) {
                best = sigma;
                where = g;
            }
        }
        assertEquals(1.086e-6, best, 0.001e-6);
        assertEquals(20.94e-6, where, 0.01e-6);
    }

    @Test
    void programmingSigmaScalesWithTheMaximumConductance() {
        // Same x, twice the gMax: twice the sigma (the polynomial is rescaled by gMax / 25 uS).
        assertEquals(2 * PcmModel.programmingSigmaSiemens(10e-6, G_MAX),
                PcmModel.programmingSigmaSiemens(20e-6, 2 * G_MAX), 1e-18);
    }

    @ParameterizedTest(name = "mu_nu({0}) = {1}, sigma_nu({0}) = {2}")
    @CsvSource({
        // mu = clip(-0.0155 ln x + 0.0244, 0.049, 0.1); sigma = clip(-0.0125 ln x - 0.0059, 0.008, 0.045)
        "1e-9,   0.1,        0.045",       // x floored at 1e-7; both at their ceilings
        "0.001,  0.1,        0.045",       // unclipped 0.13147 and 0.080447
        "0.05,   0.0708339,  0.0315467",   // ln 0.05 = -2.995732
        "0.1,    0.0600901,  0.0228823",   // ln 0.1 = -2.302585
        "0.2,    0.0493463,  0.0142180",   // ln 0.2 = -1.609438
        "0.3,    0.049,      0.0091497",   // mean floor: unclipped 0.043062
        "0.5,    0.049,      0.008",       // both floors
        "1,      0.049,      0.008",
    })
    void driftExponentMeanAndSigmaAreClippedLinearInLogX(double x, double mean, double sigma) {
        assertEquals(mean, PcmModel.meanDriftExponent(x), 5e-8);
        assertEquals(sigma, PcmModel.driftExponentSigma(x), 5e-8);
    }

    @Test
    void meanDriftExponentIsFlatAbove5Point11MicroSiemens() {
        // -0.0155 ln x + 0.0244 = 0.049 at x = exp(-0.0246/0.0155) = 0.204519, g = 5.11296 uS.
        assertEquals(0.049, PcmModel.meanDriftExponent(5.113e-6 / G_MAX), 1e-15);
        for (double g = 5.12e-6; g <= G_MAX; g += 0.5e-6) {
            assertEquals(0.049, PcmModel.meanDriftExponent(g / G_MAX), 0.0, "g = " + g);
        }
        assertTrue(PcmModel.meanDriftExponent(5.10e-6 / G_MAX) > 0.049);
        // Sigma reaches its floor 0.008 at x = exp(-0.0139/0.0125) = 0.328901.
        assertEquals(0.008, PcmModel.driftExponentSigma(0.3290), 0.0);
        assertTrue(PcmModel.driftExponentSigma(0.3288) > 0.008);
    }

    @ParameterizedTest(name = "F({0} s) = {1}")
    @CsvSource({
        // sqrt(ln((s + 20 + 250e-9) / 500e-9))
        "0,          4.1838248",   // sqrt(ln(4.0000001e7)) = sqrt(17.50439)
        "1,          4.1896516",
        "3600,       4.7647547",
        "86400,      5.0868096",
        "31557600,   5.6370190",   // one Julian year
    })
    void readNoiseTimeFactorIsTheSquareRootOfTheLogarithm(double seconds, double factor) {
        assertEquals(factor, PcmModel.readNoiseTimeFactor(seconds), 5e-7);
    }

    @ParameterizedTest(name = "Q({0}) = {1}")
    @CsvSource({
        // min(0.0088 / max(x^0.65, 1e-3), 0.2)
        "0,       0.2",
        "0.001,   0.2",           // 0.0088 / 0.011220 = 0.784 -> 0.2
        "0.1,     0.0393082",     // 0.1^0.65 = 0.223872
        "0.25,    0.0216681",
        "0.5,     0.0138087",     // 0.5^0.65 = 0.637280
        "1,       0.0088",
    })
    void readNoiseAmplitudeIsClippedPowerOfTheProgrammedConductance(double x, double amplitude) {
        assertEquals(amplitude, PcmModel.readNoiseAmplitudeRelative(x * G_MAX, G_MAX), 5e-8);
    }

    @Test
    void readNoiseRelativeSigmaIsAmplitudeTimesTimeFactor() {
        assertEquals(0.0088 * 4.1838248, PcmModel.readNoiseRelativeSigma(G_MAX, G_MAX, 0), 1e-8);
        assertEquals(0.0138087 * 5.6370190, PcmModel.readNoiseRelativeSigma(0.5 * G_MAX, G_MAX, YEAR_SECONDS),
                5e-7);
    }
}
