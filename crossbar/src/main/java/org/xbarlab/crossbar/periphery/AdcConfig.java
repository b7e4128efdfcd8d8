package org.xbarlab.crossbar.periphery;

import org.xbarlab.core.Checks;

/**
 * Analog-to-digital converter of a tile's column outputs.
 *
 * <p>With {@code resolutionBits = b > 0} a column output is rounded to a grid of step {@code 2·R / (2^b − 2)} and
 * clipped to {@code ±R}, where {@code R} is {@code outputBound} ({@link AdcRange#FIXED}) or the column's calibrated
 * range ({@link AdcRange#CALIBRATED_PER_COLUMN}). This is aihwkit's {@code out_res = 1/(2^b − 2)} convention
 * (9 bits: 1/510; aihwkit.md §2.1 step 8). {@code resolutionBits = 0} is an ideal converter (no rounding, still
 * clipped).
 *
 * @param resolutionBits resolution in bits including the sign, 0 (ideal) or in [2, 24]
 * @param outputBound clipping bound in normalized output units (full-scale weight × full-scale input), positive
 *     and finite; aihwkit's preset value is 20
 * @param range how the range is set
 * @param calibrationHeadroom factor applied to the observed column maximum when calibrating, at least 1
 */
public record AdcConfig(int resolutionBits, double outputBound, AdcRange range, double calibrationHeadroom) {

    /** Validates every field. */
    public AdcConfig {
        Checks.isTrue(resolutionBits == 0
                        || (resolutionBits >= 2 && resolutionBits <= DacConfig.MAX_RESOLUTION_BITS),
                "resolutionBits must be 0 (ideal) or in [2, %d], got %d", DacConfig.MAX_RESOLUTION_BITS,
                resolutionBits);
        Checks.positiveFinite("outputBound", outputBound);
        Checks.notNull("range", range);
        Checks.isTrue(calibrationHeadroom >= 1.0 && Double.isFinite(calibrationHeadroom),
                "calibrationHeadroom must be finite and at least 1, got %s", calibrationHeadroom);
    }

    /** aihwkit's preset ADC: 9 bits, fixed range ±20. */
    public static AdcConfig defaults() {
        return new AdcConfig(9, 20.0, AdcRange.FIXED, 1.0);
    }

    /** No rounding, an effectively unbounded range (±1e30). */
    public static AdcConfig ideal() {
        return new AdcConfig(0, 1e30, AdcRange.FIXED, 1.0);
    }

    /** Grid step for a range {@code bound}, or 0 for an ideal converter. */
    public double step(double bound) {
        return resolutionBits == 0 ? 0.0 : 2.0 * bound / ((1L << resolutionBits) - 2);
    }

    /** A copy with another resolution. */
    public AdcConfig withResolutionBits(int newResolutionBits) {
        return new AdcConfig(newResolutionBits, outputBound, range, calibrationHeadroom);
    }
}
