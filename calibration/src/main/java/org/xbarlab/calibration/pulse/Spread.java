package org.xbarlab.calibration.pulse;

import java.util.List;

/** Means and spreads across devices. */
final class Spread {

    private Spread() {
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n - 1); 0 for fewer than 2 values. */
    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /**
     * The spread of a quantity across devices with the estimation noise of each device's value removed:
     * {@code sqrt(max(0, var(values) - mean(variances)))} (method of moments: the sample variance of noisy estimates
     * is the true variance plus the mean estimation variance). NaN when a device's variance is unknown (its fit did
     * not determine the quantity): then the spread cannot be told from estimation noise.
     */
    static double corrected(double[] values, double[] variances) {
        if (values.length < 2) {
            return 0;
        }
        double sd = standardDeviation(values);
        double noise = 0;
        for (double v : variances) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
            noise += v;
        }
        noise /= variances.length;
        return Math.sqrt(Math.max(0, sd * sd - noise));
    }

    /**
     * The corrected spreads ({@link #corrected}) of the relative sum and difference of two parameters across devices,
     * as aihwkit draws a pair of up/down quantities: {@code g_d = (u_d + v_d) / (2 scale)} and
     * {@code r_d = (u_d - v_d) / (2 scale)}, with estimation variances {@code (cuu + cvv +- 2 cuv) / (4 scale^2)} from
     * each device's covariance.
     *
     * @param fits the per-device fits
     * @param up index of the first parameter u (the up step, the up exponent)
     * @param down index of the second parameter v
     * @param scale the nominal scale of both ({@code max} of their nominal values)
     * @return {spread of g, spread of r}
     */
    static double[] ofSumAndDifference(List<UnitFit> fits, int up, int down, double scale) {
        int n = fits.size();
        double[] sum = new double[n];
        double[] difference = new double[n];
        double[] sumVariance = new double[n];
        double[] differenceVariance = new double[n];
        for (int d = 0; d < n; d++) {
            UnitFit fit = fits.get(d);
            double u = fit.parameters()[up];
            double v = fit.parameters()[down];
            sum[d] = (u + v) / (2 * scale);
            difference[d] = (u - v) / (2 * scale);
            double cuu = fit.covariance(up, up);
            double cvv = fit.covariance(down, down);
            double cuv = fit.covariance(up, down);
            sumVariance[d] = (cuu + cvv + 2 * cuv) / (4 * scale * scale);
            differenceVariance[d] = (cuu + cvv - 2 * cuv) / (4 * scale * scale);
        }
        return new double[] {corrected(sum, sumVariance), corrected(difference, differenceVariance)};
    }

    /**
     * The additive spread of two parameters across devices pooled over both: {@code sqrt((a^2 + b^2) / 2)} of their
     * corrected spreads a and b ({@link #corrected}).
     *
     * @param fits the per-device fits
     * @param first index of the first parameter
     * @param second index of the second parameter
     * @return the pooled spread
     */
    static double pooled(List<UnitFit> fits, int first, int second) {
        double a = ofParameter(fits, first);
        double b = ofParameter(fits, second);
        return Math.sqrt(0.5 * (a * a + b * b));
    }

    /** The corrected spread ({@link #corrected}) of one parameter across devices. */
    private static double ofParameter(List<UnitFit> fits, int index) {
        int n = fits.size();
        double[] values = new double[n];
        double[] variances = new double[n];
        for (int d = 0; d < n; d++) {
            values[d] = fits.get(d).parameters()[index];
            variances[d] = fits.get(d).covariance(index, index);
        }
        return corrected(values, variances);
    }
}
