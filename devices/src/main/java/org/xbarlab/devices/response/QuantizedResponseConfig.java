package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/**
 * Ideal device with {@code levelCount} equally spaced conductance levels {@code Gmin + k (Gmax - Gmin) /
 * (levelCount - 1)}, k = 0 .. levelCount - 1 (the quantization of MemTorch's FiniteConductanceStates and CrossSim's
 * {@code cell_bits}, without their silent failure modes). A potentiation pulse moves up by {@code upLevelsPerPulse}
 * levels, a depression pulse down by {@code downLevelsPerPulse} (the asymmetry), saturating at the end levels; direct
 * programming rounds the target to the nearest level (ties upward) before programming noise, and the result is
 * rounded to a level again. Device-to-device bound variation shifts each device's end levels; its levels stay evenly
 * spaced between them.
 *
 * @param levelCount number of levels, in [2, 1e6]
 * @param upLevelsPerPulse levels gained per potentiation pulse, in [1, levelCount - 1]
 * @param downLevelsPerPulse levels lost per depression pulse, in [1, levelCount - 1]
 */
public record QuantizedResponseConfig(int levelCount, int upLevelsPerPulse, int downLevelsPerPulse)
        implements PulseResponseConfig {

    /** Validates the fields. */
    public QuantizedResponseConfig {
        Checks.inRange("levelCount", levelCount, 2, (int) ResponseChecks.MAX_STEPS_ACROSS_WINDOW);
        Checks.inRange("upLevelsPerPulse", upLevelsPerPulse, 1, levelCount - 1);
        Checks.inRange("downLevelsPerPulse", downLevelsPerPulse, 1, levelCount - 1);
    }

    /**
     * 64 levels (6 bits, NeuroSim's IdealDevice), one level per pulse each way.
     *
     * @return the defaults
     */
    public static QuantizedResponseConfig defaults() {
        return new QuantizedResponseConfig(64, 1, 1);
    }

    /**
     * @param value the new level count
     * @return a copy with {@code levelCount} replaced
     */
    public QuantizedResponseConfig withLevelCount(int value) {
        return new QuantizedResponseConfig(value, upLevelsPerPulse, downLevelsPerPulse);
    }

    /**
     * @param up levels per potentiation pulse
     * @param down levels per depression pulse
     * @return a copy with both replaced
     */
    public QuantizedResponseConfig withLevelsPerPulse(int up, int down) {
        return new QuantizedResponseConfig(levelCount, up, down);
    }

    @Override
    public double nominalStepsAcrossWindow() {
        return levelCount - 1;
    }
}
