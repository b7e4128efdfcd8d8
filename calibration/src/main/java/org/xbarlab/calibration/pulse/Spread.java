package org.xbarlab.calibration.pulse;

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
}
