package org.xbarlab.calibration.pulse;

import org.xbarlab.core.Checks;

/**
 * What a pulse-response fit is asked to do.
 *
 * @param model a model name of {@link PulseResponseCalibration#MODELS}, or {@code "auto"} to choose among
 *        {@link PulseResponseCalibration#AUTO_CANDIDATES} by the Bayesian information criterion
 * @param deviceToDevice whether to fit each device separately and report the spread across devices (needs at least
 *        2 devices); when false, all devices are pooled into one fit and no spread is reported
 * @param noise the cycle-to-cycle noise model, not null
 */
public record PulseResponseOptions(String model, boolean deviceToDevice, NoiseModel noise) {

    /** The name that asks for a model choice by information criterion. */
    public static final String AUTO = "auto";

    /** Validates the fields. */
    public PulseResponseOptions {
        Checks.notEmpty("model", model);
        Checks.isTrue(model.equals(AUTO) || PulseResponseCalibration.MODELS.contains(model),
                "model must be auto or one of %s, got '%s'", PulseResponseCalibration.MODELS, model);
        Checks.notNull("noise", noise);
    }

    /**
     * Automatic model and noise choice, with device-to-device spread.
     *
     * @return the defaults
     */
    public static PulseResponseOptions defaults() {
        return new PulseResponseOptions(AUTO, true, NoiseModel.AUTO);
    }

    /**
     * @param value the model name
     * @return a copy with {@code model} replaced
     */
    public PulseResponseOptions withModel(String value) {
        return new PulseResponseOptions(value, deviceToDevice, noise);
    }

    /**
     * @param value whether to fit device by device
     * @return a copy with {@code deviceToDevice} replaced
     */
    public PulseResponseOptions withDeviceToDevice(boolean value) {
        return new PulseResponseOptions(model, value, noise);
    }

    /**
     * @param value the noise model
     * @return a copy with {@code noise} replaced
     */
    public PulseResponseOptions withNoise(NoiseModel value) {
        return new PulseResponseOptions(model, deviceToDevice, value);
    }
}
