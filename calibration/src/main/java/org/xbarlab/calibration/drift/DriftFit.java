package org.xbarlab.calibration.drift;

import java.util.List;

import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.FitQuality;
import org.xbarlab.core.Checks;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.drift.DriftConfig;

/**
 * The result of {@link DriftCalibration#fit}: each device's exponent, the distribution of the exponent across
 * devices with standard errors, the drift config to write and what a figure needs.
 *
 * @param source the data file, as given
 * @param model the chosen model's JSON name ({@code "power-law"} or {@code "pcm"})
 * @param parameters the distribution's parameters with standard errors: {@code meanExponent},
 *        {@code exponentSigma} (power law) or {@code meanExponentLogSlope}, {@code meanExponentIntercept},
 *        {@code exponentSigmaLogSlope}, {@code exponentSigmaIntercept} (PCM)
 * @param devices each device's power-law fit
 * @param drift the drift config for the preset
 * @param quality quality of the exponent distribution over the devices (n = devices; R² of the exponents against
 *        the mean model, 0 for a constant mean)
 * @param readingsRSquared R² of ln G of every reading against its device's power law, relative to each device's mean
 *        ln G
 * @param comparison the candidates with their quality (one entry when the model was given)
 * @param warnings things the user should know
 * @param curves what the figure of the fit shows
 */
public record DriftFit(String source, String model, List<FitParameter> parameters, List<DeviceDrift> devices,
                       DriftConfig drift, FitQuality quality, double readingsRSquared, List<DriftScore> comparison,
                       List<String> warnings, FitCurves curves) {

    /** Validates the fields and copies the lists. */
    public DriftFit {
        Checks.notNull("source", source);
        Checks.notEmpty("model", model);
        parameters = List.copyOf(parameters);
        devices = List.copyOf(devices);
        Checks.notNull("drift", drift);
        Checks.notNull("quality", quality);
        comparison = List.copyOf(comparison);
        warnings = List.copyOf(warnings);
        Checks.notNull("curves", curves);
    }

    /**
     * A parameter by name.
     *
     * @param name the name
     * @return the parameter
     * @throws IllegalArgumentException if there is none
     */
    public FitParameter parameter(String name) {
        return FitParameter.named(parameters, name);
    }

    /**
     * {@code base} with this drift (everything else kept).
     *
     * @param base the device, not null
     * @return the device with the fitted drift
     */
    public DeviceConfig applyTo(DeviceConfig base) {
        Checks.notNull("base", base);
        return base.withDrift(drift);
    }

    /**
     * One candidate drift model and its quality.
     *
     * @param model the model's JSON name
     * @param quality its quality (AIC, BIC over the devices' exponents)
     */
    public record DriftScore(String model, FitQuality quality) {
        /** Validates the fields. */
        public DriftScore {
            Checks.notEmpty("model", model);
            Checks.notNull("quality", quality);
        }
    }
}
