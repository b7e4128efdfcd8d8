package org.xbarlab.crossbar.periphery;

import org.xbarlab.core.Checks;

/**
 * Digital-to-analog converter of a tile's inputs.
 *
 * <p>With {@code resolutionBits = b > 0} the normalized input is rounded to a grid of step
 * {@code 2·inputBound / (2^b − 2)} and clipped to {@code ±inputBound}: a signed converter with {@code 2^b − 1}
 * levels, symmetric around 0. This is aihwkit's {@code inp_res = 1/(2^b − 2)} convention (7 bits: 1/126, the
 * default of its presets; aihwkit.md §2.1 step 3 and §2.2). {@code resolutionBits = 0} means an ideal converter (no
 * rounding, still clipped).
 *
 * <p>{@code bitSerial} applies the input as {@code resolutionBits − 1} magnitude bits over as many read cycles plus a
 * sign (NeuroSim's bit-serial input scheme): it changes latency and energy, not the numbers, because the partial
 * products are summed exactly in the digital domain.
 *
 * @param resolutionBits resolution in bits including the sign, 0 (ideal) or in [2, 24]
 * @param inputBound clipping bound of the normalized input, positive and finite (aihwkit's {@code inp_bound}, 1)
 * @param bitSerial whether inputs are applied bit by bit; needs {@code resolutionBits >= 2}
 */
public record DacConfig(int resolutionBits, double inputBound, boolean bitSerial) {

    /** Largest supported resolution: float32 has a 24-bit significand. */
    public static final int MAX_RESOLUTION_BITS = 24;

    /** Validates every field. */
    public DacConfig {
        Checks.isTrue(resolutionBits == 0 || (resolutionBits >= 2 && resolutionBits <= MAX_RESOLUTION_BITS),
                "resolutionBits must be 0 (ideal) or in [2, %d], got %d", MAX_RESOLUTION_BITS, resolutionBits);
        Checks.positiveFinite("inputBound", inputBound);
        Checks.isTrue(!bitSerial || resolutionBits >= 2,
                "bitSerial needs resolutionBits >= 2 (the number of input bits), got resolutionBits = %d",
                resolutionBits);
    }

    /** aihwkit's preset DAC: 7 bits including the sign, bound 1, applied in one pulse. */
    public static DacConfig defaults() {
        return new DacConfig(7, 1.0, false);
    }

    /** No rounding and an effectively unbounded range (±1e30). */
    public static DacConfig ideal() {
        return new DacConfig(0, 1e30, false);
    }

    /** Grid step of the normalized input, or 0 for an ideal converter. */
    public double step() {
        return resolutionBits == 0 ? 0.0 : 2.0 * inputBound / ((1L << resolutionBits) - 2);
    }

    /** Read cycles one analog product takes: the magnitude bits when bit-serial, else 1. */
    public int readCycles() {
        return bitSerial ? resolutionBits - 1 : 1;
    }

    /** A copy with another resolution. */
    public DacConfig withResolutionBits(int newResolutionBits) {
        return new DacConfig(newResolutionBits, inputBound, bitSerial);
    }
}
