package org.xbarlab.calibration.pulse;

import java.util.Locale;

/**
 * How the cycle-to-cycle noise of a pulse is modelled (docs/devices.md, "c2c noise"), and so how the fit weighs the
 * observations.
 */
public enum NoiseModel {

    /** Choose {@link #RELATIVE} or {@link #WINDOW} by the larger Gaussian likelihood of the first-pass residuals. */
    AUTO,
    /**
     * Relative to the step (aihwkit's {@code dw_min_std}, the variation's {@code cycleToCycleRelative}): a pulse
     * changes G by {@code dG (1 + sigma xi)}. The fit weighs each observation by {@code 1 / (|dG| + delta)^2}.
     */
    RELATIVE,
    /**
     * Additive, relative to the window (NeuroSim's {@code sigmaCtoC}, the variation's
     * {@code cycleToCycleWindowFraction}): a pulse adds {@code sigma (Gmax - Gmin) xi}. Unweighted fit.
     */
    WINDOW;

    /**
     * @return the name used on the command line and in reports ({@code "relative"})
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code auto}, {@code relative} or {@code window} (any case)
     * @return the noise model
     * @throws IllegalArgumentException for another label
     */
    public static NoiseModel of(String label) {
        for (NoiseModel model : values()) {
            if (model.label().equalsIgnoreCase(label)) {
                return model;
            }
        }
        throw new IllegalArgumentException("noise must be auto, relative or window, got '" + label + "'");
    }
}
