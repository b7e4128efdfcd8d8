package org.xbarlab.calibration.pulse;

import java.util.List;

import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.FitQuality;
import org.xbarlab.core.Checks;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * The result of {@link PulseResponseCalibration#fit}: the chosen model, its nominal parameters with standard errors,
 * each device's fit, the device-to-device and cycle-to-cycle variation, the fit quality, the comparison of models
 * (for {@code --model auto}) and what a figure needs. {@link #preset} turns it into a device preset.
 *
 * <p><b>Nominal parameters.</b> With several devices fitted separately, each nominal parameter is the mean over the
 * devices and its standard error is the standard deviation across devices over sqrt(D) (the uncertainty of the
 * population mean, which includes the device-to-device spread); with one pooled fit, they are that fit's estimate
 * and its standard error from the Jacobian.
 *
 * <p><b>Quality.</b> {@code quality.rSquared()} is {@code 1 - sum r^2 / sum dG^2} over all pulse observations, r the
 * one-pulse residual and dG the observed change: the share of the observed steps the model explains (the rest is
 * cycle-to-cycle noise and misfit); {@code rootMeanSquareError} is in siemens; the log-likelihood, AIC and BIC are
 * those of the fitted noise model. {@link #trajectoryRSquared()} compares whole traces instead: each device's readings
 * against the trace the devices module simulates from the first reading with the fitted parameters and no noise,
 * {@code 1 - sum (G - G_sim)^2 / sum (G - mean_device G)^2}.
 *
 * @param source the data file, as given
 * @param model the chosen model's name ({@code "soft-bounds"})
 * @param variant the model's variant ({@code "a = -1"} for an exponential step), or the empty string
 * @param noise the cycle-to-cycle noise model used, {@link NoiseModel#RELATIVE} or {@link NoiseModel#WINDOW}
 * @param deviceCount number of devices in the data, positive
 * @param parameters the nominal parameters, in the model's order, then (for models whose window is the observed range)
 *        the window ends
 * @param devices each device's fit (one entry with device -1 for a pooled fit)
 * @param cycleToCycle the cycle-to-cycle spread: relative to the step ({@code cycleToCycleRelative}) or to the window
 *        ({@code cycleToCycleWindowFraction}), as {@link #noise} says; non-negative
 * @param minConductanceSiemens the nominal window's lower end (S)
 * @param maxConductanceSiemens the nominal window's upper end (S)
 * @param response the nominal response record of the devices module
 * @param variation device-to-device and cycle-to-cycle variation for the preset
 * @param quality fit quality over all observations
 * @param trajectoryRSquared R² of the noise-free simulated traces against the readings
 * @param comparison the candidates of a model choice with their scores (one entry when the model was given)
 * @param warnings things the user should know (a parameter clamped to its allowed range, a spread the model cannot
 *        carry)
 * @param curves what the figure of the fit shows
 */
public record PulseResponseFit(String source, String model, String variant, NoiseModel noise, int deviceCount,
                               List<FitParameter> parameters, List<DeviceFit> devices, double cycleToCycle,
                               double minConductanceSiemens, double maxConductanceSiemens,
                               PulseResponseConfig response, VariationConfig variation, FitQuality quality,
                               double trajectoryRSquared, List<ModelScore> comparison, List<String> warnings,
                               FitCurves curves) {

    /** Validates the fields and copies the lists. */
    public PulseResponseFit {
        Checks.notNull("source", source);
        Checks.notEmpty("model", model);
        Checks.notNull("variant", variant);
        Checks.isTrue(noise == NoiseModel.RELATIVE || noise == NoiseModel.WINDOW,
                "noise must be relative or window, got %s", noise);
        Checks.positive("deviceCount", deviceCount);
        parameters = List.copyOf(parameters);
        devices = List.copyOf(devices);
        Checks.nonNegativeFinite("cycleToCycle", cycleToCycle);
        Checks.nonNegativeFinite("minConductanceSiemens", minConductanceSiemens);
        Checks.isTrue(maxConductanceSiemens > minConductanceSiemens,
                "maxConductanceSiemens (%s S) must be above minConductanceSiemens (%s S)",
                Checks.number(maxConductanceSiemens), Checks.number(minConductanceSiemens));
        Checks.notNull("response", response);
        Checks.notNull("variation", variation);
        Checks.notNull("quality", quality);
        comparison = List.copyOf(comparison);
        warnings = List.copyOf(warnings);
        Checks.notNull("curves", curves);
    }

    /**
     * Whether each device was fitted separately (device-to-device spread reported).
     *
     * @return true unless the devices were pooled into one fit
     */
    public boolean deviceToDevice() {
        return devices.size() > 1;
    }

    /**
     * A nominal parameter by name.
     *
     * @param name the parameter's name
     * @return the parameter
     * @throws IllegalArgumentException if there is none of that name
     */
    public FitParameter parameter(String name) {
        return FitParameter.named(parameters, name);
    }

    /**
     * The device preset of this fit: {@code base} with the fitted window, response and variation, the given name and
     * citation; its programming, read noise, drift, faults, retention and write cost are kept from {@code base} (so a
     * drift or programming calibration already in {@code base} stays).
     *
     * @param base the device to start from (for example {@code DeviceConfig.defaults()} or a preset file), not null
     * @param name the preset's name, not empty
     * @param citation the preset's citation (where the data came from and how it was fitted), not null
     * @return the preset
     */
    public DeviceConfig preset(DeviceConfig base, String name, String citation) {
        Checks.notNull("base", base);
        return base.withName(name).withCitation(citation).withWindow(minConductanceSiemens, maxConductanceSiemens)
                .withResponse(response).withVariation(variation);
    }
}
