package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * How the inputs and outputs of one analog product are converted, as the cost model needs it.
 *
 * <p>An input is applied either in one read cycle through a multi-bit DAC ({@link #parallel(int, int)}), or bit by
 * bit over as many read cycles as it has magnitude bits, each cycle driving a line fully or not at all and each
 * cycle's outputs converted and shift-added ({@link #bitSerial(int, int)}, NeuroSim's scheme for multi-bit inputs,
 * neurosim.md section 2). The sign of an input is carried by the polarity of the drive in the same cycle, which
 * costs the same {@code V²} energy.
 *
 * <p>A resolution of 0 stands for an ideal converter (the periphery's "no quantization" setting): it has no
 * physical cost model, so the cost model charges nothing for it.
 *
 * @param inputCycleCount read cycles per product: 1 for a multi-bit DAC, the number of magnitude bits when
 *     bit-serial; in [1, 32]
 * @param dacResolutionBits resolution of each input conversion: 1 when bit-serial, the DAC's bits otherwise; 0 for
 *     an ideal DAC (not charged); in [0, 32]
 * @param adcResolutionBits resolution of each output conversion; 0 for an ideal ADC (not charged); in [0, 32]
 */
public record MvmPrecision(int inputCycleCount, int dacResolutionBits, int adcResolutionBits) {

    /** Largest resolution and cycle count accepted. */
    public static final int MAX_BITS = 32;

    /** Validates the fields. */
    public MvmPrecision {
        Checks.inRange("inputCycleCount", inputCycleCount, 1, MAX_BITS);
        Checks.inRange("dacResolutionBits", dacResolutionBits, 0, MAX_BITS);
        Checks.inRange("adcResolutionBits", adcResolutionBits, 0, MAX_BITS);
        Checks.isTrue(inputCycleCount == 1 || dacResolutionBits == 1,
                "dacResolutionBits must be 1 when inputs are bit-serial (inputCycleCount = %d), got %d",
                inputCycleCount, dacResolutionBits);
    }

    /**
     * Inputs converted by a multi-bit DAC and applied in one read cycle.
     *
     * @param dacResolutionBits DAC resolution, 0 (ideal) to 32
     * @param adcResolutionBits ADC resolution, 0 (ideal) to 32
     * @return the precision
     */
    public static MvmPrecision parallel(int dacResolutionBits, int adcResolutionBits) {
        return new MvmPrecision(1, dacResolutionBits, adcResolutionBits);
    }

    /**
     * Inputs applied one magnitude bit per read cycle, outputs converted every cycle and shift-added.
     *
     * @param magnitudeBits input magnitude bits, which is the number of read cycles, 1 to 32
     * @param adcResolutionBits ADC resolution, 0 (ideal) to 32
     * @return the precision
     */
    public static MvmPrecision bitSerial(int magnitudeBits, int adcResolutionBits) {
        return new MvmPrecision(magnitudeBits, 1, adcResolutionBits);
    }

    /**
     * Whether inputs are applied bit by bit over several cycles.
     *
     * @return true when {@code inputCycleCount > 1}
     */
    public boolean isBitSerial() {
        return inputCycleCount > 1;
    }
}
