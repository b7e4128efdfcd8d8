package org.xbarlab.devices.noise;

import org.xbarlab.core.Checks;

/**
 * The 1/f read noise of aihwkit's statistical PCM model ({@code PCMLikeNoiseModel}, after Nandakumar et al.,
 * "Phase-change memory models for deep learning training and inference", ICECS 2019), {@code "model": "pcm"}.
 *
 * <p>A read, {@code s = secondsSinceProgramming} after the last programming, of a device whose conductance is
 * {@code g} and whose conductance right after that programming was {@code gProg}, returns
 * <pre>
 *   read = max(0, g + scaleRelative · |g| · Q(gProg) · F(s) · ξ)
 *   Q(gProg) = min(amplitudeCoefficientRelative / max((|gProg| / gMax)^conductanceExponent,
 *                                                     minNormalizedConductancePower),
 *                  maxAmplitudeRelative)
 *   F(s) = sqrt(ln((t + readTimeSeconds) / (2 · readTimeSeconds))),  t = s + referenceTimeSeconds
 * </pre>
 * with a fresh standard normal ξ per device and read. {@code Q} is the relative 1/f noise amplitude; the square
 * root of the logarithm is the integral of a 1/f spectrum from {@code 1/t} to the read bandwidth
 * {@code 1/(2·readTimeSeconds)}, so the noise grows slowly with the time since programming. The time convention is
 * aihwkit's: absolute time {@code t} counts from {@code referenceTimeSeconds} before the end of programming, so a
 * read right after programming ({@code s = 0}) already has {@code F = sqrt(ln((t0 + t_read)/(2 t_read)))} ≈ 4.18
 * with the defaults.
 *
 * <p>Defaults are the constants of aihwkit's code ({@code PCMLikeNoiseModel}, read at commit 4545f11b5214): 0.0088,
 * 0.65, 1e-3, 0.2, 250 ns, 20 s, scale 1.
 *
 * @param amplitudeCoefficientRelative numerator of {@code Q}, finite and {@code >= 0} (aihwkit 0.0088)
 * @param conductanceExponent exponent of the normalized programmed conductance in {@code Q}, in [0, 10]
 *        (aihwkit 0.65)
 * @param minNormalizedConductancePower floor of {@code (gProg/gMax)^conductanceExponent}, in (0, 1] (aihwkit 1e-3)
 * @param maxAmplitudeRelative ceiling of {@code Q}, finite and {@code >= 0} (aihwkit 0.2)
 * @param readTimeSeconds duration of one read, {@code t_read} (s), positive and finite (aihwkit 250 ns)
 * @param referenceTimeSeconds {@code t0} (s), positive, finite and {@code >= readTimeSeconds} so that
 *        {@code F(0)} is real (aihwkit 20 s)
 * @param scaleRelative multiplier of the whole read noise ({@code read_noise_scale}), finite and {@code >= 0}
 *        (aihwkit 1)
 */
public record PcmReadNoiseConfig(double amplitudeCoefficientRelative, double conductanceExponent,
                                 double minNormalizedConductancePower, double maxAmplitudeRelative,
                                 double readTimeSeconds, double referenceTimeSeconds, double scaleRelative)
        implements ReadNoiseConfig {

    /** Validates the fields; messages name the field. */
    public PcmReadNoiseConfig {
        Checks.nonNegativeFinite("amplitudeCoefficientRelative", amplitudeCoefficientRelative);
        Checks.inClosedRange("conductanceExponent", conductanceExponent, 0, 10);
        Checks.positiveFinite("minNormalizedConductancePower", minNormalizedConductancePower);
        Checks.inClosedRange("minNormalizedConductancePower", minNormalizedConductancePower, 0, 1);
        Checks.nonNegativeFinite("maxAmplitudeRelative", maxAmplitudeRelative);
        Checks.positiveFinite("readTimeSeconds", readTimeSeconds);
        Checks.positiveFinite("referenceTimeSeconds", referenceTimeSeconds);
        Checks.isTrue(referenceTimeSeconds >= readTimeSeconds,
                "referenceTimeSeconds (%s s) must not be below readTimeSeconds (%s s)",
                Checks.number(referenceTimeSeconds), Checks.number(readTimeSeconds));
        Checks.nonNegativeFinite("scaleRelative", scaleRelative);
    }

    /**
     * aihwkit's constants.
     *
     * @return 0.0088, 0.65, 1e-3, 0.2, 250e-9 s, 20 s, 1
     */
    public static PcmReadNoiseConfig defaults() {
        return new PcmReadNoiseConfig(0.0088, 0.65, 1e-3, 0.2, 250e-9, 20.0, 1.0);
    }

    /**
     * The relative 1/f amplitude {@code Q} of a device programmed to {@code programmedConductanceSiemens}.
     *
     * @param programmedConductanceSiemens conductance right after programming (S); its magnitude is used
     * @param maxConductanceSiemens the device's maximum conductance (S), positive
     * @return {@code Q}, in {@code [0, maxAmplitudeRelative]}
     */
    public double amplitudeRelative(double programmedConductanceSiemens, double maxConductanceSiemens) {
        double normalized = Math.abs(programmedConductanceSiemens) / maxConductanceSiemens;
        double power = Math.max(Math.pow(normalized, conductanceExponent), minNormalizedConductancePower);
        return Math.min(amplitudeCoefficientRelative / power, maxAmplitudeRelative);
    }

    /**
     * The time factor {@code F(s) = sqrt(ln((s + t0 + t_read) / (2 t_read)))}.
     *
     * @param secondsSinceProgramming {@code s} (s), {@code >= 0}
     * @return {@code F(s)}, {@code >= 0}
     */
    public double timeFactor(double secondsSinceProgramming) {
        double t = secondsSinceProgramming + referenceTimeSeconds;
        return Math.sqrt(Math.log((t + readTimeSeconds) / (2 * readTimeSeconds)));
    }

    /**
     * The standard deviation of a read relative to the conductance read, {@code scaleRelative·Q(gProg)·F(s)}.
     *
     * @param programmedConductanceSiemens conductance right after programming (S)
     * @param maxConductanceSiemens the device's maximum conductance (S), positive
     * @param secondsSinceProgramming {@code s} (s), {@code >= 0}
     * @return the relative sigma, {@code >= 0}
     */
    public double relativeSigma(double programmedConductanceSiemens, double maxConductanceSiemens,
                                double secondsSinceProgramming) {
        return scaleRelative * amplitudeRelative(programmedConductanceSiemens, maxConductanceSiemens)
                * timeFactor(secondsSinceProgramming);
    }

    /**
     * A copy with another overall scale.
     *
     * @param value the new {@link #scaleRelative()}, finite and {@code >= 0}
     * @return a new config
     */
    public PcmReadNoiseConfig withScaleRelative(double value) {
        return new PcmReadNoiseConfig(amplitudeCoefficientRelative, conductanceExponent,
                minNormalizedConductancePower, maxAmplitudeRelative, readTimeSeconds, referenceTimeSeconds, value);
    }

    /**
     * A copy with another reference time.
     *
     * @param value the new {@link #referenceTimeSeconds()} (s)
     * @return a new config
     */
    public PcmReadNoiseConfig withReferenceTimeSeconds(double value) {
        return new PcmReadNoiseConfig(amplitudeCoefficientRelative, conductanceExponent,
                minNormalizedConductancePower, maxAmplitudeRelative, readTimeSeconds, value, scaleRelative);
    }
}
