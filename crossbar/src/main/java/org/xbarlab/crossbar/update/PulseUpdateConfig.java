package org.xbarlab.crossbar.update;

import org.xbarlab.core.Checks;

/**
 * Settings of the pulsed outer-product update.
 *
 * @param scheme deterministic pulse counts or stochastic pulse trains
 * @param desiredBitLength stochastic trains: the number of time slots {@code BL} (aihwkit's {@code desired_bl},
 *     31), in [1, 1024]; with {@code bitLengthManagement} the maximum
 * @param bitLengthManagement stochastic trains: use only as many slots as the largest update needs (aihwkit's
 *     {@code update_bl_management})
 * @param updateManagement stochastic trains: balance the row and column probabilities (aihwkit's
 *     {@code update_management})
 * @param maxPulsesPerUpdate deterministic scheme: the largest pulse count a device receives in one update (larger
 *     changes are clipped, as a real pulse generator has a finite count), in [1, 65535]
 */
public record PulseUpdateConfig(PulseScheme scheme, int desiredBitLength, boolean bitLengthManagement,
                                boolean updateManagement, int maxPulsesPerUpdate) {

    /** Validates every field. */
    public PulseUpdateConfig {
        Checks.notNull("scheme", scheme);
        Checks.inRange("desiredBitLength", desiredBitLength, 1, 1024);
        Checks.inRange("maxPulsesPerUpdate", maxPulsesPerUpdate, 1, 65535);
    }

    /** Deterministic pulse counts, at most 255 pulses per device and update. */
    public static PulseUpdateConfig defaults() {
        return new PulseUpdateConfig(PulseScheme.DETERMINISTIC, 31, true, true, 255);
    }

    /** aihwkit's preset update: stochastic trains of up to 31 slots with both managements on. */
    public static PulseUpdateConfig stochastic() {
        return new PulseUpdateConfig(PulseScheme.STOCHASTIC, 31, true, true, 255);
    }
}
