package org.xbarlab.core.random;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Test helpers for statistical assertions with bounds computed from the sample size (STYLE.md B8). sim-core has no
 * commons-math3, so the few functions needed are written out here with their sources.
 */
final class SampleStatistics {

    /** Number of standard errors allowed for a moment: a false alarm about once in 1.7 million tests. */
    static final double SIGMAS = 5.0;

    /** Significance level of the goodness-of-fit tests. */
    static final double ALPHA = 1e-6;

    /** Upper-tail standard normal quantile for {@link #ALPHA}: z such that 1 - Phi(z) = 1e-6. */
    static final double Z_ALPHA = 4.753424308822899;

    private SampleStatistics() {
    }

    /** Mean, variance (about the sample mean), skewness and excess kurtosis of a sample, in double. */
    record Moments(double mean, double variance, double skewness, double excessKurtosis) {
        static Moments of(float[] values, int offset, int length) {
            double sum = 0;
            for (int i = offset; i < offset + length; i++) {
                sum += values[i];
            }
            final double mean = sum / length;
            double m2 = 0;
            double m3 = 0;
            double m4 = 0;
            for (int i = offset; i < offset + length; i++) {
                final double d = values[i] - mean;
                final double d2 = d * d;
                m2 += d2;
                m3 += d2 * d;
                m4 += d2 * d2;
            }
            m2 /= length;
            m3 /= length;
            m4 /= length;
            return new Moments(mean, m2, m3 / Math.pow(m2, 1.5), m4 / (m2 * m2) - 3.0);
        }
    }

    /**
     * Complementary error function, Numerical Recipes in C (2nd ed., section 6.2) {@code erfcc}: Chebyshev fit with
     * fractional error below 1.2e-7 everywhere, ample for Kolmogorov-Smirnov and chi-square tests at the sample
     * sizes used here.
     */
    static double erfc(double x) {
        final double z = Math.abs(x);
        final double t = 1.0 / (1.0 + 0.5 * z);
        final double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /** Standard normal distribution function. */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2.0));
    }

    /** Standard normal upper tail {@code P(Z > x)}, accurate in relative terms far into the tail. */
    static double normalUpperTail(double x) {
        return 0.5 * erfc(x / Math.sqrt(2.0));
    }

    /**
     * One-sample Kolmogorov-Smirnov statistic {@code D = sup |F_n(x) - F(x)|}.
     *
     * @param sample values (copied and sorted, the argument is not modified)
     * @param cdf hypothesised distribution function
     */
    static double kolmogorovSmirnov(float[] sample, DoubleUnaryOperator cdf) {
        final float[] sorted = sample.clone();
        Arrays.sort(sorted);
        final int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            final double f = cdf.applyAsDouble(sorted[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        return d;
    }

    /**
     * Critical value of {@link #kolmogorovSmirnov} at level {@code alpha} from Kolmogorov's asymptotic distribution,
     * {@code P(sqrt(n) D > t) ~ 2 exp(-2 t^2)}, good for the large n used here.
     */
    static double kolmogorovSmirnovCritical(int n, double alpha) {
        return Math.sqrt(-Math.log(alpha / 2.0) / 2.0) / Math.sqrt(n);
    }

    /**
     * Upper critical value of the chi-square distribution with {@code df} degrees of freedom for upper-tail standard
     * normal quantile {@code z}, by the Wilson-Hilferty cube-root approximation (E. B. Wilson, M. M. Hilferty, PNAS
     * 17, 1931), accurate to a fraction of a percent for df above 30.
     */
    static double chiSquareCritical(int df, double z) {
        final double c = 2.0 / (9.0 * df);
        final double root = 1.0 - c + z * Math.sqrt(c);
        return df * root * root * root;
    }

    /** Pearson's chi-square statistic of observed counts against expected counts. */
    static double chiSquare(long[] observed, double[] expected) {
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            final double d = observed[i] - expected[i];
            chi += d * d / expected[i];
        }
        return chi;
    }

    /** Pearson correlation coefficient of two equally long samples. */
    static double correlation(float[] a, float[] b) {
        final int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            final double da = a[i] - ma;
            final double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** Elements {@code from, from + step, from + 2 step, ...} of {@code values}. */
    static float[] every(float[] values, int from, int step) {
        final float[] picked = new float[(values.length - from + step - 1) / step];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = values[from + i * step];
        }
        return picked;
    }
}
