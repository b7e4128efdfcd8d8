package org.xbarlab.devices;

import java.util.Arrays;

import org.xbarlab.core.Checks;

/**
 * Mean, standard deviation and percentiles of a sample of conductances (what {@code xbarlab devices stats}
 * prints). The standard deviation divides by n - 1 (0 for one value); percentiles interpolate linearly between
 * order statistics at rank {@code p (n - 1)} (Hyndman and Fan's type 7, the default of R and NumPy).
 *
 * @param count sample size, positive
 * @param meanSiemens sample mean (S)
 * @param stdSiemens sample standard deviation (S)
 * @param p01Siemens 1st percentile (S)
 * @param p50Siemens median (S)
 * @param p99Siemens 99th percentile (S)
 */
public record ConductanceSummary(int count, double meanSiemens, double stdSiemens, double p01Siemens,
                                 double p50Siemens, double p99Siemens) {

    /** Validates the fields. */
    public ConductanceSummary {
        Checks.positive("count", count);
        Checks.finite("meanSiemens", meanSiemens);
        Checks.nonNegativeFinite("stdSiemens", stdSiemens);
    }

    /**
     * Summarizes a sample.
     *
     * @param values the sample (S), at least one value; not modified
     * @return the summary
     */
    public static ConductanceSummary of(float[] values) {
        Checks.positive("values.length", values.length);
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return new ConductanceSummary(values.length, mean, std, percentile(sorted, 0.01), percentile(sorted, 0.5),
                percentile(sorted, 0.99));
    }

    private static double percentile(float[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = rank - below;
        return sorted[below] + fraction * ((double) sorted[above] - sorted[below]);
    }
}
