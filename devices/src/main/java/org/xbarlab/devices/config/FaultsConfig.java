package org.xbarlab.devices.config;

import org.xbarlab.core.Checks;

/**
 * Hard faults. A fraction of devices is stuck at the lower end of its window and another fraction at the upper end
 * from construction on (MemTorch's HRS/LRS faults; aihwkit's corrupt devices); they never move (pulses, programming,
 * drift and retention leave them; read noise still applies). A device that has received more than
 * {@code enduranceLimitPulses} pulses (programming writes count as one pulse each) sticks at the conductance it has
 * then. Which devices are stuck is drawn once per device from the construction stream.
 *
 * @param stuckAtMinFraction fraction stuck at the window's minimum, in [0, 1]
 * @param stuckAtMaxFraction fraction stuck at the window's maximum, in [0, 1 - stuckAtMinFraction]
 * @param enduranceLimitPulses pulses after which a device sticks; 0 means unlimited
 */
public record FaultsConfig(double stuckAtMinFraction, double stuckAtMaxFraction, long enduranceLimitPulses) {

    /** Validates the fields. */
    public FaultsConfig {
        Checks.fraction("stuckAtMinFraction", stuckAtMinFraction);
        Checks.fraction("stuckAtMaxFraction", stuckAtMaxFraction);
        Checks.isTrue(stuckAtMinFraction + stuckAtMaxFraction <= 1,
                "stuckAtMaxFraction (%s) plus stuckAtMinFraction (%s) must not exceed 1",
                Checks.number(stuckAtMaxFraction), Checks.number(stuckAtMinFraction));
        Checks.nonNegative("enduranceLimitPulses", enduranceLimitPulses);
    }

    /**
     * No faults, unlimited endurance.
     *
     * @return the defaults
     */
    public static FaultsConfig defaults() {
        return new FaultsConfig(0, 0, 0);
    }

    /**
     * @param atMin the new stuck-at-min fraction
     * @param atMax the new stuck-at-max fraction
     * @return a copy with both fractions replaced
     */
    public FaultsConfig withStuckFractions(double atMin, double atMax) {
        return new FaultsConfig(atMin, atMax, enduranceLimitPulses);
    }

    /**
     * @param pulses the new endurance limit (0 = unlimited)
     * @return a copy with {@code enduranceLimitPulses} replaced
     */
    public FaultsConfig withEnduranceLimitPulses(long pulses) {
        return new FaultsConfig(stuckAtMinFraction, stuckAtMaxFraction, pulses);
    }
}
