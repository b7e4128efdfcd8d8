package org.xbarlab.devices.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.xbarlab.core.Checks;

/**
 * Power-law conductance drift with a normally distributed exponent ({@code "model": "power-law"}), the retention
 * law of PCM (Boybat et al., Nat. Commun. 2018; Le Gallo et al., Adv. Electron. Mater. 2018) used by MemTorch and
 * CrossSim:
 * <pre>
 *   G(s) = G_prog · (t / t0)^(−ν),   t = s + t0
 *   ν = h(meanExponent + exponentSigma · ξ)   drawn once per device at programming time
 * </pre>
 * where {@code s} is the time since the end of programming, {@code G_prog} the conductance right after programming,
 * {@code t0 = referenceTimeSeconds} and ξ a standard normal. The time origin is aihwkit's: absolute time {@code t}
 * starts {@code t0} before the end of programming, so {@code G(0) = G_prog}, the law is continuous and never
 * divides by zero. With {@code s ≫ t0} this is the textbook {@code G(t0)·(t/t0)^(−ν)} with {@code t} measured from
 * programming.
 *
 * <p>{@code h} handles negative draws as {@link #negativeExponents()} says: {@link NegativeExponents#CLIP} (the
 * default) sets them to 0: those devices do not drift, and no device drifts upward;
 * {@link NegativeExponents#FOLD} takes the absolute value, as aihwkit's PCM model does;
 * {@link NegativeExponents#KEEP} keeps them, so those devices drift up (NeuroSim's retention model drifts in a
 * random direction).
 *
 * @param meanExponent mean of the normal the exponent is drawn from, in [−1, 1] (dimensionless)
 * @param exponentSigma standard deviation of that normal, in [0, 1]
 * @param referenceTimeSeconds {@code t0} (s), positive and finite
 * @param negativeExponents what happens to negative draws; null (a missing key) means {@code CLIP}
 */
public record PowerLawDriftConfig(double meanExponent, double exponentSigma, double referenceTimeSeconds,
                                  NegativeExponents negativeExponents) implements DriftConfig {

    /** How a negative draw of the drift exponent is handled. JSON names are lower case. */
    public enum NegativeExponents {
        /** Negative draws become 0: the device does not drift. */
        @JsonProperty("clip") CLIP,
        /** Negative draws become their absolute value (aihwkit's PCM model). */
        @JsonProperty("fold") FOLD,
        /** Negative draws are kept: the device drifts upward. */
        @JsonProperty("keep") KEEP
    }

    /** Validates the fields; messages name the field. */
    public PowerLawDriftConfig {
        Checks.inClosedRange("meanExponent", meanExponent, -1, 1);
        Checks.inClosedRange("exponentSigma", exponentSigma, 0, 1);
        Checks.positiveFinite("referenceTimeSeconds", referenceTimeSeconds);
        if (negativeExponents == null) {
            negativeExponents = NegativeExponents.CLIP;
        }
    }

    /**
     * ν = 0.1 for every device (MemTorch's default, after Boybat et al. 2018), {@code t0} = 20 s (aihwkit's PCM
     * reference time), negative draws clipped.
     *
     * @return the default power law
     */
    public static PowerLawDriftConfig defaults() {
        return new PowerLawDriftConfig(0.1, 0.0, 20.0, NegativeExponents.CLIP);
    }

    /**
     * A copy with another mean exponent.
     *
     * @param value the new {@link #meanExponent()}
     * @return a new config
     */
    public PowerLawDriftConfig withMeanExponent(double value) {
        return new PowerLawDriftConfig(value, exponentSigma, referenceTimeSeconds, negativeExponents);
    }

    /**
     * A copy with another exponent spread.
     *
     * @param value the new {@link #exponentSigma()}
     * @return a new config
     */
    public PowerLawDriftConfig withExponentSigma(double value) {
        return new PowerLawDriftConfig(meanExponent, value, referenceTimeSeconds, negativeExponents);
    }

    /**
     * A copy with another reference time.
     *
     * @param value the new {@link #referenceTimeSeconds()} (s)
     * @return a new config
     */
    public PowerLawDriftConfig withReferenceTimeSeconds(double value) {
        return new PowerLawDriftConfig(meanExponent, exponentSigma, value, negativeExponents);
    }

    /**
     * A copy with another handling of negative draws.
     *
     * @param value the new {@link #negativeExponents()}
     * @return a new config
     */
    public PowerLawDriftConfig withNegativeExponents(NegativeExponents value) {
        return new PowerLawDriftConfig(meanExponent, exponentSigma, referenceTimeSeconds, value);
    }

    /**
     * The exponent a standard normal draw maps to: {@code h(meanExponent + exponentSigma·ξ)}.
     *
     * @param standardNormal ξ
     * @return ν
     */
    public double exponent(double standardNormal) {
        return handle(meanExponent + exponentSigma * standardNormal);
    }

    /**
     * The mean drift factor {@code E[((s + t0)/t0)^(−ν)]} over the distribution of ν, by numerical integration
     * over ξ (composite Simpson on ±12σ, split at the kink of the negative-draw handling).
     *
     * @param secondsSinceProgramming {@code s} (s), {@code >= 0}
     * @return the expected ratio {@code G(s)/G_prog}
     */
    public double meanDriftFactor(double secondsSinceProgramming) {
        double logRatio = Math.log((secondsSinceProgramming + referenceTimeSeconds) / referenceTimeSeconds);
        double kink = exponentSigma > 0 ? -meanExponent / exponentSigma : Double.NaN;
        return StandardNormalExpectation.of(xi -> Math.exp(-exponent(xi) * logRatio), kink);
    }

    /**
     * The mean exponent {@code E[ν]} after the handling of negative draws, by numerical integration over ξ.
     *
     * @return {@code E[ν]}
     */
    public double expectedExponent() {
        double kink = exponentSigma > 0 ? -meanExponent / exponentSigma : Double.NaN;
        return StandardNormalExpectation.of(this::exponent, kink);
    }

    private double handle(double nu) {
        if (nu >= 0) {
            return nu;
        }
        switch (negativeExponents) {
            case CLIP:
                return 0.0;
            case FOLD:
                return -nu;
            default:
                return nu;
        }
    }
}
