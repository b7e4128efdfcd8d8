package org.xbarlab.calibration.drift;

import java.util.Locale;

/** Which drift model a drift fit writes. */
public enum DriftModelChoice {

    /** The smaller BIC of {@link #POWER_LAW} and {@link #PCM} (PCM only with at least 6 devices). */
    AUTO,
    /** The devices module's {@code power-law}: one normal distribution of the exponent for every device. */
    POWER_LAW,
    /** The devices module's {@code pcm}: mean and spread of the exponent log-linear in the conductance. */
    PCM;

    /**
     * @return the command-line name ({@code "power-law"})
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param label {@code auto}, {@code power-law} or {@code pcm} (any case)
     * @return the choice
     * @throws IllegalArgumentException for another label
     */
    public static DriftModelChoice of(String label) {
        for (DriftModelChoice choice : values()) {
            if (choice.label().equalsIgnoreCase(label)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("drift model must be auto, power-law or pcm, got '" + label + "'");
    }
}
