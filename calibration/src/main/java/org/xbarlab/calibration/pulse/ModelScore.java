package org.xbarlab.calibration.pulse;

import org.xbarlab.calibration.FitQuality;
import org.xbarlab.core.Checks;

/**
 * One candidate of a model choice: its fit quality, or why it could not be fitted.
 *
 * @param model the model name, not empty
 * @param quality the quality (AIC, BIC, ...), or null when the fit failed
 * @param failure why the fit failed, or null when it succeeded
 */
public record ModelScore(String model, FitQuality quality, String failure) {

    /** Validates that exactly one of quality and failure is given. */
    public ModelScore {
        Checks.notEmpty("model", model);
        Checks.isTrue((quality == null) != (failure == null), "exactly one of quality and failure must be given");
    }
}
