package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/**
 * Ideal continuous device: every potentiation pulse adds {@code (Gmax - Gmin) / stepCount * (1 + min(beta, 0))}
 * and every depression pulse removes {@code (Gmax - Gmin) / stepCount * (1 - max(beta, 0))}, clipped to the window;
 * direct programming sets any conductance in the window exactly (before programming noise). The asymmetry follows
 * aihwkit's convention ({@code up_down}, see {@link WeightUnitResponseConfig#upDownAsymmetry()}).
 *
 * @param stepCount pulses that take the device across its window, in [1, 1e6]
 * @param upDownAsymmetry beta in (-1, 1); 0 is symmetric
 */
public record IdealResponseConfig(int stepCount, double upDownAsymmetry) implements PulseResponseConfig {

    /** Validates the fields. */
    public IdealResponseConfig {
        Checks.inRange("stepCount", stepCount, 1, (int) ResponseChecks.MAX_STEPS_ACROSS_WINDOW);
        Checks.finite("upDownAsymmetry", upDownAsymmetry);
        Checks.isTrue(upDownAsymmetry > -1 && upDownAsymmetry < 1, "upDownAsymmetry must be in (-1, 1), got %s",
                Checks.number(upDownAsymmetry));
    }

    /**
     * 1000 symmetric steps across the window.
     *
     * @return the defaults
     */
    public static IdealResponseConfig defaults() {
        return new IdealResponseConfig(1000, 0);
    }

    /**
     * @param value the new step count
     * @return a copy with {@code stepCount} replaced
     */
    public IdealResponseConfig withStepCount(int value) {
        return new IdealResponseConfig(value, upDownAsymmetry);
    }

    /**
     * @param value the new asymmetry
     * @return a copy with {@code upDownAsymmetry} replaced
     */
    public IdealResponseConfig withUpDownAsymmetry(double value) {
        return new IdealResponseConfig(stepCount, value);
    }

    @Override
    public double nominalStepsAcrossWindow() {
        return stepCount;
    }
}
