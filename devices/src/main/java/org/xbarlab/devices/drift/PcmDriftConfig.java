package org.xbarlab.devices.drift;

import org.xbarlab.core.Checks;

/**
 * Drift of aihwkit's statistical PCM model ({@code PCMLikeNoiseModel}, after Nandakumar et al., "Phase-change
 * memory models for deep learning training and inference", ICECS 2019), {@code "model": "pcm"}. The drift exponent
 * is drawn once per device at programming time from its <em>target</em> conductance {@code gT}, with a mean and a
 * spread that are clipped linear functions of {@code ln x}:
 * <pre>
 *   x  = max(|gT| / gMax, minNormalizedConductance)
 *   μν(x) = clip(meanExponentLogSlope · ln x + meanExponentIntercept, minMeanExponent, maxMeanExponent)
 *   σν(x) = clip(exponentSigmaLogSlope · ln x + exponentSigmaIntercept, minExponentSigma, maxExponentSigma)
 *   ν  = |μν + σν · ξ| · driftScaleRelative
 *   G(s) = G_prog · (t / t0)^(−ν),   t = s + t0   (so drift acts only for t > t0, that is s > 0)
 * </pre>
 * with ξ a standard normal and {@code s} the time since the end of programming.
 *
 * <p>Defaults are aihwkit's code constants (read at commit 4545f11b5214): μν = clip(−0.0155 ln x + 0.0244, 0.049,
 * 0.1), σν = clip(−0.0125 ln x − 0.0059, 0.008, 0.045), x floored at 1e-7, scale 1, t0 = 20 s. Because of the
 * 0.049 floor, μν is flat at 0.049 for x ≥ 0.2045 (gT ≥ 5.11 µS at gMax = 25 µS); σν reaches its floor at
 * x ≥ 0.329.
 *
 * @param meanExponentLogSlope slope of μν in {@code ln x}, finite (aihwkit −0.0155)
 * @param meanExponentIntercept μν at x = 1 before clipping, finite (aihwkit 0.0244)
 * @param minMeanExponent lower clip of μν, in [0, 1] (aihwkit 0.049)
 * @param maxMeanExponent upper clip of μν, in [minMeanExponent, 1] (aihwkit 0.1)
 * @param exponentSigmaLogSlope slope of σν in {@code ln x}, finite (aihwkit −0.0125)
 * @param exponentSigmaIntercept σν at x = 1 before clipping, finite (aihwkit −0.0059)
 * @param minExponentSigma lower clip of σν, in [0, 1] (aihwkit 0.008)
 * @param maxExponentSigma upper clip of σν, in [minExponentSigma, 1] (aihwkit 0.045)
 * @param minNormalizedConductance floor of {@code |gT|/gMax} before the logarithm, in (0, 1] (aihwkit 1e-7)
 * @param driftScaleRelative multiplier of ν ({@code drift_scale}), in [0, 10] (aihwkit 1)
 * @param referenceTimeSeconds {@code t0} (s), positive and finite (aihwkit 20 s)
 */
public record PcmDriftConfig(double meanExponentLogSlope, double meanExponentIntercept, double minMeanExponent,
                             double maxMeanExponent, double exponentSigmaLogSlope, double exponentSigmaIntercept,
                             double minExponentSigma, double maxExponentSigma, double minNormalizedConductance,
                             double driftScaleRelative, double referenceTimeSeconds) implements DriftConfig {

    /** Validates the fields; messages name the field. */
    public PcmDriftConfig {
        Checks.finite("meanExponentLogSlope", meanExponentLogSlope);
        Checks.finite("meanExponentIntercept", meanExponentIntercept);
        Checks.inClosedRange("minMeanExponent", minMeanExponent, 0, 1);
        Checks.inClosedRange("maxMeanExponent", maxMeanExponent, 0, 1);
        Checks.isTrue(minMeanExponent <= maxMeanExponent,
                "minMeanExponent (%s) must not be above maxMeanExponent (%s)",
                Checks.number(minMeanExponent), Checks.number(maxMeanExponent));
        Checks.finite("exponentSigmaLogSlope", exponentSigmaLogSlope);
        Checks.finite("exponentSigmaIntercept", exponentSigmaIntercept);
        Checks.inClosedRange("minExponentSigma", minExponentSigma, 0, 1);
        Checks.inClosedRange("maxExponentSigma", maxExponentSigma, 0, 1);
        Checks.isTrue(minExponentSigma <= maxExponentSigma,
                "minExponentSigma (%s) must not be above maxExponentSigma (%s)",
                Checks.number(minExponentSigma), Checks.number(maxExponentSigma));
        Checks.positiveFinite("minNormalizedConductance", minNormalizedConductance);
        Checks.inClosedRange("minNormalizedConductance", minNormalizedConductance, 0, 1);
        Checks.inClosedRange("driftScaleRelative", driftScaleRelative, 0, 10);
        Checks.positiveFinite("referenceTimeSeconds", referenceTimeSeconds);
    }

    /**
     * aihwkit's constants.
     *
     * @return −0.0155, 0.0244, 0.049, 0.1, −0.0125, −0.0059, 0.008, 0.045, 1e-7, 1, 20 s
     */
    public static PcmDriftConfig defaults() {
        return new PcmDriftConfig(-0.0155, 0.0244, 0.049, 0.1, -0.0125, -0.0059, 0.008, 0.045, 1e-7, 1.0, 20.0);
    }

    /**
     * A copy with another drift scale.
     *
     * @param value the new {@link #driftScaleRelative()}
     * @return a new config
     */
    public PcmDriftConfig withDriftScaleRelative(double value) {
        return new PcmDriftConfig(meanExponentLogSlope, meanExponentIntercept, minMeanExponent, maxMeanExponent,
                exponentSigmaLogSlope, exponentSigmaIntercept, minExponentSigma, maxExponentSigma,
                minNormalizedConductance, value, referenceTimeSeconds);
    }

    /**
     * A copy with another reference time.
     *
     * @param value the new {@link #referenceTimeSeconds()} (s)
     * @return a new config
     */
    public PcmDriftConfig withReferenceTimeSeconds(double value) {
        return new PcmDriftConfig(meanExponentLogSlope, meanExponentIntercept, minMeanExponent, maxMeanExponent,
                exponentSigmaLogSlope, exponentSigmaIntercept, minExponentSigma, maxExponentSigma,
                minNormalizedConductance, driftScaleRelative, value);
    }

    /**
     * μν, the mean of the normal the exponent is folded from, at normalized target {@code x = gT/gMax} (before
     * {@code driftScaleRelative}).
     *
     * @param normalizedConductance {@code gT/gMax}; its magnitude is used, floored at
     *        {@code minNormalizedConductance}
     * @return μν in {@code [minMeanExponent, maxMeanExponent]}
     */
    public double meanExponent(double normalizedConductance) {
        double logX = Math.log(Math.max(Math.abs(normalizedConductance), minNormalizedConductance));
        return clip(meanExponentLogSlope * logX + meanExponentIntercept, minMeanExponent, maxMeanExponent);
    }

    /**
     * σν, the standard deviation of the normal the exponent is folded from, at normalized target {@code x}
     * (before {@code driftScaleRelative}).
     *
     * @param normalizedConductance {@code gT/gMax}; its magnitude is used, floored at
     *        {@code minNormalizedConductance}
     * @return σν in {@code [minExponentSigma, maxExponentSigma]}
     */
    public double exponentSigma(double normalizedConductance) {
        double logX = Math.log(Math.max(Math.abs(normalizedConductance), minNormalizedConductance));
        return clip(exponentSigmaLogSlope * logX + exponentSigmaIntercept, minExponentSigma, maxExponentSigma);
    }

    /**
     * The expected exponent {@code E[ν] = driftScaleRelative · E|μν + σν ξ|} at normalized target {@code x}, by
     * numerical integration over ξ (composite Simpson on ±12σ, split at the kink of the absolute value).
     *
     * @param normalizedConductance {@code gT/gMax}
     * @return {@code E[ν]}, {@code >= 0}
     */
    public double expectedExponent(double normalizedConductance) {
        double mean = meanExponent(normalizedConductance);
        double sigma = exponentSigma(normalizedConductance);
        return StandardNormalExpectation.of(xi -> driftScaleRelative * Math.abs(mean + sigma * xi),
                kink(mean, sigma));
    }

    /**
     * The mean drift factor {@code E[((s + t0)/t0)^(−ν)]} at normalized target {@code x}: the expected ratio of
     * the drifted to the programmed conductance, by numerical integration over ξ as for
     * {@link #expectedExponent(double)}.
     *
     * @param normalizedConductance {@code gT/gMax}
     * @param secondsSinceProgramming {@code s} (s), {@code >= 0}
     * @return {@code E[G(s)/G_prog]}, in (0, 1]
     */
    public double meanDriftFactor(double normalizedConductance, double secondsSinceProgramming) {
        double mean = meanExponent(normalizedConductance);
        double sigma = exponentSigma(normalizedConductance);
        double logRatio = Math.log((secondsSinceProgramming + referenceTimeSeconds) / referenceTimeSeconds);
        return StandardNormalExpectation.of(
                xi -> Math.exp(-driftScaleRelative * Math.abs(mean + sigma * xi) * logRatio), kink(mean, sigma));
    }

    private static double kink(double mean, double sigma) {
        return sigma > 0 ? -mean / sigma : Double.NaN;
    }

    private static double clip(double value, double min, double max) {
        return Math.min(Math.max(value, min), max);
    }
}
