package org.xbarlab.devices.noise;

/**
 * Mean and standard deviation of a sample (in double), with the standard errors used by the statistical tests of
 * the noise and drift packages: bounds are {@link #SIGMAS} standard errors (STYLE.md B8), a false alarm about once in
 * 1.7 million assertions.
 *
 * @param count sample size
 * @param mean sample mean
 * @param standardDeviation sample standard deviation (about the sample mean, divisor {@code count})
 * @param fourthCentralMoment fourth central moment, for the standard error of the variance
 */
public record SampleMoments(int count, double mean, double standardDeviation, double fourthCentralMoment) {

    /** Number of standard errors a moment may differ from its closed form. */
    public static final double SIGMAS = 5.0;

    /**
     * Moments of {@code values[offset, offset + count)}.
     *
     * @param values the sample
     * @param offset first element
     * @param count number of elements, {@code >= 2}
     * @return the moments
     */
    public static SampleMoments of(float[] values, int offset, int count) {
        double sum = 0;
        for (int i = offset; i < offset + count; i++) {
            sum += values[i];
        }
        double mean = sum / count;
        double m2 = 0;
        double m4 = 0;
        for (int i = offset; i < offset + count; i++) {
            double d = values[i] - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        return new SampleMoments(count, mean, Math.sqrt(m2 / count), m4 / count);
    }

    /**
     * Moments of a whole array.
     *
     * @param values the sample
     * @return the moments
     */
    public static SampleMoments of(float[] values) {
        return of(values, 0, values.length);
    }

    /**
     * The allowed deviation of the sample mean: {@link #SIGMAS} standard errors {@code sd/√n}.
     *
     * @return the bound
     */
    public double meanBound() {
        return SIGMAS * standardDeviation / Math.sqrt(count);
    }

    /**
     * The allowed deviation of the sample standard deviation: {@link #SIGMAS} standard errors, with the standard
     * error of the variance {@code sqrt((m4 − σ⁴)/n)} turned into one of σ by the delta method
     * ({@code /(2σ)}). For a normal sample this is {@code σ/√(2n)}.
     *
     * @return the bound
     */
    public double standardDeviationBound() {
        double variance = standardDeviation * standardDeviation;
        return SIGMAS * Math.sqrt(Math.max(fourthCentralMoment - variance * variance, 0) / count)
                / (2 * standardDeviation);
    }
}
