package org.xbarlab.core.random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarlab.core.random.SampleStatistics.ALPHA;
import static org.xbarlab.core.random.SampleStatistics.SIGMAS;
import static org.xbarlab.core.random.SampleStatistics.Z_ALPHA;

/**
 * Distribution of the bulk deviates: moments within {@value SampleStatistics#SIGMAS} standard errors computed from
 * the sample size, and goodness of fit (Kolmogorov-Smirnov, chi-square) at level {@value SampleStatistics#ALPHA}.
 */
class RandomFillStatisticsTest extends XbarlabTestBase {

    private static final int N = 1 << 22;

    private static float[] normals(long seed, int n, float mean, float sigma) {
        final float[] values = new float[n];
        RandomFill.normal(RngStreams.of(seed).stream("tests/statistics"), values, 0, n, mean, sigma);
        return values;
    }

    private static void assertNormalMoments(float[] values, double mean, double sigma, String context) {
        final int n = values.length;
        final SampleStatistics.Moments m = SampleStatistics.Moments.of(values, 0, n);
        final double variance = sigma * sigma;
        // Standard errors of the sample moments of a normal sample of size n.
        assertWithin(m.mean(), mean, SIGMAS * sigma / Math.sqrt(n), "mean", context);
        assertWithin(m.variance(), variance, SIGMAS * variance * Math.sqrt(2.0 / n), "variance", context);
        assertWithin(m.skewness(), 0.0, SIGMAS * Math.sqrt(6.0 / n), "skewness", context);
        assertWithin(m.excessKurtosis(), 0.0, SIGMAS * Math.sqrt(24.0 / n), "excess kurtosis", context);
    }

    private static void assertWithin(double actual, double expected, double bound, String what, String context) {
        assertTrue(Math.abs(actual - expected) <= bound,
                what + " " + actual + " differs from " + expected + " by more than " + bound + " (" + context + ")");
    }

    @Test
    void standardNormalMoments() {
        assertNormalMoments(normals(TEST_SEED, N, 0.0f, 1.0f), 0.0, 1.0, "seed " + TEST_SEED);
    }

    @Test
    void shiftedAndScaledNormalMoments() {
        assertNormalMoments(normals(TEST_SEED + 1, N, 3.0f, 0.25f), 3.0, 0.25, "seed " + (TEST_SEED + 1));
    }

    @Test
    void normalPassesKolmogorovSmirnov() {
        final int n = 1 << 21;
        final double d = SampleStatistics.kolmogorovSmirnov(normals(TEST_SEED + 2, n, 0f, 1f),
                SampleStatistics::normalCdf);
        final double critical = SampleStatistics.kolmogorovSmirnovCritical(n, ALPHA);
        assertTrue(d < critical, "KS statistic " + d + " >= critical " + critical + " (seed " + (TEST_SEED + 2) + ")");
    }

    @Test
    void normalPassesChiSquareIncludingTails() {
        assertNormalChiSquare(normals(TEST_SEED + 3, N, 0f, 1f), 0.1, 4.5, "seed " + (TEST_SEED + 3));
    }

    /**
     * Chi-square over bins of width {@code width} on {@code [-limit, limit]} plus one bin for each tail; the bins
     * are chosen so that every expected count is at least 5 at the sample sizes used.
     */
    private static void assertNormalChiSquare(float[] values, double width, double limit, String context) {
        final int inner = (int) Math.round(2 * limit / width);
        final long[] observed = new long[inner + 2];
        for (float value : values) {
            final int bin;
            if (value < -limit) {
                bin = 0;
            } else if (value >= limit) {
                bin = inner + 1;
            } else {
                bin = 1 + Math.min(inner - 1, (int) Math.floor((value + limit) / width));
            }
            observed[bin]++;
        }
        final double[] expected = new double[inner + 2];
        final int n = values.length;
        expected[0] = n * SampleStatistics.normalUpperTail(limit);
        expected[inner + 1] = expected[0];
        for (int b = 0; b < inner; b++) {
            final double lower = -limit + b * width;
            expected[b + 1] = n * (SampleStatistics.normalCdf(lower + width) - SampleStatistics.normalCdf(lower));
        }
        final double chi = SampleStatistics.chiSquare(observed, expected);
        final double critical = SampleStatistics.chiSquareCritical(observed.length - 1, Z_ALPHA);
        assertTrue(chi < critical, "chi-square " + chi + " >= critical " + critical + " with "
                + (observed.length - 1) + " degrees of freedom (" + context + ")");
    }

    @Test
    void tailFrequenciesMatchTheNormalDistribution() {
        final float[] values = normals(TEST_SEED + 4, N, 0f, 1f);
        // Beyond the ziggurat's base strip (the tail algorithm), and further out.
        for (double threshold : new double[] {FloatZiggurat.TAIL_START, 4.0, 4.5}) {
            long count = 0;
            for (float value : values) {
                if (Math.abs(value) > threshold) {
                    count++;
                }
            }
            final double p = 2 * SampleStatistics.normalUpperTail(threshold);
            final double expected = N * p;
            final double bound = SIGMAS * Math.sqrt(N * p * (1 - p));
            assertWithin(count, expected, bound, "count beyond " + threshold, "seed " + (TEST_SEED + 4));
        }
    }

    @Test
    void neighbouringDeviatesAreUncorrelated() {
        final float[] values = normals(TEST_SEED + 5, N, 0f, 1f);
        final double bound = SIGMAS / Math.sqrt(N / 2.0);
        // Low and high half of one output; high half of one output and low half of the next.
        final double sameOutput = SampleStatistics.correlation(SampleStatistics.every(values, 0, 2),
                SampleStatistics.every(values, 1, 2));
        final float[] shifted = SampleStatistics.every(values, 2, 2);
        final double nextOutput = SampleStatistics.correlation(
                java.util.Arrays.copyOf(SampleStatistics.every(values, 1, 2), shifted.length), shifted);
        assertTrue(Math.abs(sameOutput) < bound, "same-output correlation " + sameOutput + " beyond " + bound);
        assertTrue(Math.abs(nextOutput) < bound, "next-output correlation " + nextOutput + " beyond " + bound);
        // Squares: the ziggurat's layer choice must not couple the magnitudes of the two halves.
        final float[] squares = values.clone();
        for (int i = 0; i < squares.length; i++) {
            squares[i] *= squares[i];
        }
        final double squared = SampleStatistics.correlation(SampleStatistics.every(squares, 0, 2),
                SampleStatistics.every(squares, 1, 2));
        assertTrue(Math.abs(squared) < bound, "correlation of squares " + squared);
    }

    @Test
    void normalIsSymmetric() {
        final float[] values = normals(TEST_SEED + 6, N, 0f, 1f);
        long positive = 0;
        for (float value : values) {
            assertTrue(value != 0.0f && Float.isFinite(value), "value " + value);
            if (value > 0) {
                positive++;
            }
        }
        assertWithin(positive, N / 2.0, SIGMAS * Math.sqrt(N / 4.0), "positive count", "seed " + (TEST_SEED + 6));
    }

    @Test
    void chunkedAndParallelNormalsHaveTheRightMoments() {
        final float[] values = new float[N];
        try (ParallelRandomFill parallel = new ParallelRandomFill(2)) {
            parallel.normal(RngStreams.of(TEST_SEED), StreamNames.DEVICES_CYCLE, 0, values, 0, N, -1.0f, 2.0f);
        }
        assertNormalMoments(values, -1.0, 2.0, "parallel, seed " + TEST_SEED);
    }

    @Test
    void uniformMomentsAndKolmogorovSmirnov() {
        final int n = 1 << 21;
        final float[] values = new float[n];
        RandomFill.uniform(RngStreams.of(TEST_SEED + 7).stream("tests/statistics"), values, 0, n, 0f, 1f);
        final SampleStatistics.Moments m = SampleStatistics.Moments.of(values, 0, n);
        final String context = "seed " + (TEST_SEED + 7);
        // Uniform(0,1): variance 1/12; the sample variance has variance (mu4 - sigma^4)/n = (1/80 - 1/144)/n.
        assertWithin(m.mean(), 0.5, SIGMAS * Math.sqrt(1.0 / 12 / n), "mean", context);
        assertWithin(m.variance(), 1.0 / 12, SIGMAS * Math.sqrt((1.0 / 80 - 1.0 / 144) / n), "variance", context);
        assertWithin(m.skewness(), 0.0, SIGMAS * Math.sqrt(6.0 / n), "skewness", context);
        final double d = SampleStatistics.kolmogorovSmirnov(values, x -> Math.min(1.0, Math.max(0.0, x)));
        final double critical = SampleStatistics.kolmogorovSmirnovCritical(n, ALPHA);
        assertTrue(d < critical, "KS statistic " + d + " >= critical " + critical + " (" + context + ")");
    }

    @Test
    void uniformOnAnIntervalStaysInsideWithTheRightMean() {
        final int n = 1 << 20;
        final float[] values = new float[n];
        RandomFill.uniformChunked(RngStreams.of(TEST_SEED), StreamNames.DATA_SYNTHETIC, 0, values, 0, n, -3f, 5f);
        double sum = 0;
        for (float value : values) {
            assertTrue(value >= -3f && value < 5f, "value " + value);
            sum += value;
        }
        assertWithin(sum / n, 1.0, SIGMAS * 8.0 * Math.sqrt(1.0 / 12 / n), "mean", "seed " + TEST_SEED);
    }

    @Test
    void helperFunctionsMatchKnownValues() {
        // Phi(1), Phi(-2) and P(Z > 5) to the 1.2e-7 relative accuracy of erfcc.
        assertEquals(0.8413447460685429, SampleStatistics.normalCdf(1.0), 2e-7);
        assertEquals(0.022750131948179195, SampleStatistics.normalCdf(-2.0), 2e-7 * 0.0228);
        assertEquals(2.866515718791933e-7, SampleStatistics.normalUpperTail(5.0), 2e-7 * 2.9e-7);
        assertEquals(1.0 - ALPHA, SampleStatistics.normalCdf(Z_ALPHA), 1e-9);
        // Chi-square upper 1e-6 point for 100 degrees of freedom is 182.127 (scipy chi2.isf); Wilson-Hilferty 182.415.
        assertEquals(182.127, SampleStatistics.chiSquareCritical(100, Z_ALPHA), 0.5);
    }

    @Test
    @Tag("slow")
    void largeSampleChiSquareAndKolmogorovSmirnov() {
        final int n = 1 << 27;
        final float[] values = new float[n];
        try (ParallelRandomFill parallel = new ParallelRandomFill(2)) {
            parallel.normal(RngStreams.of(TEST_SEED + 8), "tests/statistics", 0, values, 0, n, 0f, 1f);
        }
        final String context = "n = 2^27, seed " + (TEST_SEED + 8);
        assertNormalMoments(values, 0.0, 1.0, context);
        assertNormalChiSquare(values, 0.01, 4.5, context);
        final double d = SampleStatistics.kolmogorovSmirnov(values, SampleStatistics::normalCdf);
        final double critical = SampleStatistics.kolmogorovSmirnovCritical(n, ALPHA);
        assertTrue(d < critical, "KS statistic " + d + " >= critical " + critical + " (" + context + ")");
    }
}
