package org.xbarlab.devices.drift;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.devices.drift.PowerLawDriftConfig.NegativeExponents;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The numerically integrated closed forms of the drift configs against analytic expressions. */
class DriftClosedFormTest extends XbarlabTestBase {

    /**
     * The mean of a folded normal, {@code E|μ + σξ| = σ√(2/π)·exp(−μ²/(2σ²)) + μ·(1 − 2Φ(−μ/σ))}, against the
     * Simpson integration; Φ from {@link #erfc} (relative error below 1.2e-7).
     */
    @ParameterizedTest(name = "x = {0}")
    @CsvSource({"0.001", "0.01", "0.05", "0.1", "0.3", "1"})
    void expectedPcmExponentIsTheFoldedNormalMean(double x) {
        PcmDriftConfig config = PcmDriftConfig.defaults();
        double mu = config.meanExponent(x);
        double sigma = config.exponentSigma(x);
        double folded = sigma * Math.sqrt(2 / Math.PI) * Math.exp(-mu * mu / (2 * sigma * sigma))
                + mu * (1 - 2 * 0.5 * erfc(mu / (sigma * Math.sqrt(2))));
        assertEquals(folded, config.expectedExponent(x), 1e-8);
    }

    /**
     * {@code E[exp(−L|Y|)]} for {@code Y ~ N(μ, σ²)}: {@code exp(−Lμ + L²σ²/2)·Φ(μ/σ − Lσ) + exp(Lμ +
     * L²σ²/2)·Φ(−μ/σ − Lσ)}.
     */
    @ParameterizedTest(name = "x = {0}, s = {1}")
    @CsvSource({"0.01, 3600", "0.1, 86400", "1, 31557600", "0.3, 1"})
    void meanPcmDriftFactorIsTheFoldedNormalLaplaceTransform(double x, double seconds) {
        PcmDriftConfig config = PcmDriftConfig.defaults();
        double mu = config.meanExponent(x);
        double sigma = config.exponentSigma(x);
        double logRatio = Math.log((seconds + 20) / 20);
        double analytic = Math.exp(-logRatio * mu + logRatio * logRatio * sigma * sigma / 2)
                * phi(mu / sigma - logRatio * sigma)
                + Math.exp(logRatio * mu + logRatio * logRatio * sigma * sigma / 2)
                * phi(-mu / sigma - logRatio * sigma);
        assertEquals(analytic, config.meanDriftFactor(x, seconds), 1e-6 * analytic);
    }

    @Test
    void meanDriftFactorIsOneRightAfterProgramming() {
        assertEquals(1.0, PcmDriftConfig.defaults().meanDriftFactor(0.5, 0), 1e-12);
        assertEquals(1.0, PowerLawDriftConfig.defaults().meanDriftFactor(0), 1e-12);
    }

    @Test
    void powerLawWithoutSpreadIsTheDeterministicLaw() {
        PowerLawDriftConfig config = new PowerLawDriftConfig(0.1, 0, 20, NegativeExponents.CLIP);
        // (3620 / 20)^(-0.1) = 181^(-0.1) = exp(-0.1 * 5.198497) = 0.594610
        assertEquals(Math.pow(181, -0.1), config.meanDriftFactor(3600), 1e-12);
        assertEquals(0.594610, config.meanDriftFactor(3600), 1e-6);
        assertEquals(0.1, config.expectedExponent(), 1e-12);
    }

    @Test
    void powerLawNegativeDrawHandlingChangesTheExpectedExponent() {
        // Y ~ N(0, 0.1²): clip gives E[max(Y, 0)] = 0.1/√(2π); fold gives 0.1·√(2/π); keep gives 0.
        PowerLawDriftConfig base = new PowerLawDriftConfig(0, 0.1, 20, NegativeExponents.CLIP);
        assertEquals(0.1 / Math.sqrt(2 * Math.PI), base.expectedExponent(), 1e-10);
        assertEquals(0.1 * Math.sqrt(2 / Math.PI),
                base.withNegativeExponents(NegativeExponents.FOLD).expectedExponent(), 1e-10);
        assertEquals(0.0, base.withNegativeExponents(NegativeExponents.KEEP).expectedExponent(), 1e-10);
    }

    private static double phi(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * Complementary error function, Numerical Recipes in C (2nd ed., section 6.2) {@code erfcc}: Chebyshev fit with
     * fractional error below 1.2e-7 everywhere.
     */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
