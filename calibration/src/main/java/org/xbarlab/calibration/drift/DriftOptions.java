package org.xbarlab.calibration.drift;

import org.xbarlab.core.Checks;

/**
 * What a drift fit is asked to do.
 *
 * @param model which drift model to write, not null
 * @param referenceTimeSeconds t0 of the law {@code G(s) = G_prog ((s + t0) / t0)^-nu} (s), positive and finite;
 *        aihwkit's PCM model uses 20 s
 * @param maxConductanceSiemens the device's maximum conductance gMax (S), which normalizes the conductance of the
 *        {@code pcm} model ({@code x = G / gMax}); positive and finite; the preset the result is written into must
 *        have this maximum
 */
public record DriftOptions(DriftModelChoice model, double referenceTimeSeconds, double maxConductanceSiemens) {

    /** aihwkit's PCM reference time (s). */
    public static final double DEFAULT_REFERENCE_TIME_SECONDS = 20;

    /** Validates the fields. */
    public DriftOptions {
        Checks.notNull("model", model);
        Checks.positiveFinite("referenceTimeSeconds", referenceTimeSeconds);
        Checks.positiveFinite("maxConductanceSiemens", maxConductanceSiemens);
    }

    /**
     * Automatic model choice, t0 = 20 s.
     *
     * @param maxConductanceSiemens the device's maximum conductance (S)
     * @return the options
     */
    public static DriftOptions of(double maxConductanceSiemens) {
        return new DriftOptions(DriftModelChoice.AUTO, DEFAULT_REFERENCE_TIME_SECONDS, maxConductanceSiemens);
    }

    /**
     * @param value the model choice
     * @return a copy with {@code model} replaced
     */
    public DriftOptions withModel(DriftModelChoice value) {
        return new DriftOptions(value, referenceTimeSeconds, maxConductanceSiemens);
    }
}
