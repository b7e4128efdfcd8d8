package org.xbarlab.devices.config;

import org.xbarlab.core.Checks;

/**
 * Device-to-device variation (drawn once per device when a population is built, from the
 * {@code devices/construction} stream) and cycle-to-cycle variation (drawn per pulse from the caller's stream).
 * The meaning of each field for each pulse-response model is in {@code docs/devices.md}; in short, following
 * aihwkit's {@code PulsedDevice.populate} (aihwkit.md section 1.1) with xi a standard normal:
 * <ul>
 *   <li>step gain {@code g = 1 + stepDeviceToDeviceRelative xi}, or {@code exp(stepDeviceToDeviceRelative xi)} when
 *   {@code stepDeviceToDeviceLogNormal}; asymmetry {@code r = upDownDeviceToDevice xi}; up step {@code s (g + r +
 *   min(beta, 0))}, down step {@code s (g - r - max(beta, 0))}, both made positive (aihwkit's
 *   {@code enforce_consistency});</li>
 *   <li>bounds: for aihwkit's models {@code b+ = maxWeight (1 + maxBoundDeviceToDeviceRelative xi)} and {@code b- =
 *   minWeight (1 + minBoundDeviceToDeviceRelative xi)} in weight units (relative to weight 0), forced to keep their
 *   sign; for the ideal and NeuroSim models {@code Gmax + maxBoundDeviceToDeviceRelative (Gmax - Gmin) xi} and
 *   {@code Gmin + minBoundDeviceToDeviceRelative (Gmax - Gmin) xi} (NeuroSim's conductance-range variation, here
 *   relative to the window); bounds are clipped at 0 S and swapped if they cross;</li>
 *   <li>{@code nonlinearityDeviceToDevice}: additive spread of the slopes gamma (linear step), relative spread of
 *   the exponent (power step), additive spread of the NL label (NeuroSim's {@code sigmaDtoD}); unused by the other
 *   models;</li>
 *   <li>{@code cycleToCycleRelative}: aihwkit's {@code dw_min_std}, the relative spread of each pulse's step;</li>
 *   <li>{@code cycleToCycleWindowFraction}: NeuroSim's {@code sigmaCtoC}, an additive N(0, sigma (Gmax - Gmin))
 *   per pulse (sqrt(n) sigma for a write of n pulses);</li>
 *   <li>{@code writeNoiseRelative}: aihwkit's {@code write_noise_std}, in units of the nominal step: the visible
 *   conductance of a device is its hidden state plus this noise, redrawn whenever the device is pulsed or drifts.</li>
 * </ul>
 *
 * @param stepDeviceToDeviceRelative aihwkit {@code dw_min_dtod}, non-negative
 * @param stepDeviceToDeviceLogNormal aihwkit {@code dw_min_dtod_log_normal}
 * @param upDownDeviceToDevice aihwkit {@code up_down_dtod}, in units of the step, non-negative
 * @param maxBoundDeviceToDeviceRelative aihwkit {@code w_max_dtod}, non-negative
 * @param minBoundDeviceToDeviceRelative aihwkit {@code w_min_dtod}, non-negative
 * @param nonlinearityDeviceToDevice spread of the model's nonlinearity parameter, non-negative
 * @param cycleToCycleRelative aihwkit {@code dw_min_std}, non-negative
 * @param cycleToCycleWindowFraction NeuroSim {@code sigmaCtoC}, in [0, 1]
 * @param writeNoiseRelative aihwkit {@code write_noise_std}, non-negative
 */
public record VariationConfig(double stepDeviceToDeviceRelative, boolean stepDeviceToDeviceLogNormal,
                              double upDownDeviceToDevice, double maxBoundDeviceToDeviceRelative,
                              double minBoundDeviceToDeviceRelative, double nonlinearityDeviceToDevice,
                              double cycleToCycleRelative, double cycleToCycleWindowFraction,
                              double writeNoiseRelative) {

    /** Validates the fields. */
    public VariationConfig {
        Checks.inClosedRange("stepDeviceToDeviceRelative", stepDeviceToDeviceRelative, 0, 10);
        Checks.inClosedRange("upDownDeviceToDevice", upDownDeviceToDevice, 0, 10);
        Checks.inClosedRange("maxBoundDeviceToDeviceRelative", maxBoundDeviceToDeviceRelative, 0, 10);
        Checks.inClosedRange("minBoundDeviceToDeviceRelative", minBoundDeviceToDeviceRelative, 0, 10);
        Checks.inClosedRange("nonlinearityDeviceToDevice", nonlinearityDeviceToDevice, 0, 100);
        Checks.inClosedRange("cycleToCycleRelative", cycleToCycleRelative, 0, 100);
        Checks.fraction("cycleToCycleWindowFraction", cycleToCycleWindowFraction);
        Checks.inClosedRange("writeNoiseRelative", writeNoiseRelative, 0, 1e4);
    }

    /**
     * No variation at all.
     *
     * @return the defaults (all zero)
     */
    public static VariationConfig defaults() {
        return new VariationConfig(0, false, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * aihwkit's {@code PulsedDevice} Python defaults: dw_min_dtod 0.3, up_down_dtod 0.01, w_max_dtod = w_min_dtod =
     * 0.3, dw_min_std 0.3, no write noise.
     *
     * @return aihwkit's default variation
     */
    public static VariationConfig aihwkitDefaults() {
        return new VariationConfig(0.3, false, 0.01, 0.3, 0.3, 0, 0.3, 0, 0);
    }

    /**
     * Whether every field is zero (a perfectly uniform, noise-free population).
     *
     * @return true when there is no variation
     */
    public boolean isNone() {
        return equals(defaults());
    }

    /**
     * @param relative the new d2d step spread
     * @return a copy with {@code stepDeviceToDeviceRelative} replaced
     */
    public VariationConfig withStepDeviceToDeviceRelative(double relative) {
        return new VariationConfig(relative, stepDeviceToDeviceLogNormal, upDownDeviceToDevice,
                maxBoundDeviceToDeviceRelative, minBoundDeviceToDeviceRelative, nonlinearityDeviceToDevice,
                cycleToCycleRelative, cycleToCycleWindowFraction, writeNoiseRelative);
    }

    /**
     * @param max the new d2d spread of the upper bound
     * @param min the new d2d spread of the lower bound
     * @return a copy with both bound spreads replaced
     */
    public VariationConfig withBoundDeviceToDeviceRelative(double max, double min) {
        return new VariationConfig(stepDeviceToDeviceRelative, stepDeviceToDeviceLogNormal, upDownDeviceToDevice,
                max, min, nonlinearityDeviceToDevice, cycleToCycleRelative, cycleToCycleWindowFraction,
                writeNoiseRelative);
    }

    /**
     * @param value the new nonlinearity spread
     * @return a copy with {@code nonlinearityDeviceToDevice} replaced
     */
    public VariationConfig withNonlinearityDeviceToDevice(double value) {
        return new VariationConfig(stepDeviceToDeviceRelative, stepDeviceToDeviceLogNormal, upDownDeviceToDevice,
                maxBoundDeviceToDeviceRelative, minBoundDeviceToDeviceRelative, value, cycleToCycleRelative,
                cycleToCycleWindowFraction, writeNoiseRelative);
    }

    /**
     * @param relative the new c2c relative spread
     * @return a copy with {@code cycleToCycleRelative} replaced
     */
    public VariationConfig withCycleToCycleRelative(double relative) {
        return new VariationConfig(stepDeviceToDeviceRelative, stepDeviceToDeviceLogNormal, upDownDeviceToDevice,
                maxBoundDeviceToDeviceRelative, minBoundDeviceToDeviceRelative, nonlinearityDeviceToDevice, relative,
                cycleToCycleWindowFraction, writeNoiseRelative);
    }

    /**
     * @param fraction the new c2c window fraction
     * @return a copy with {@code cycleToCycleWindowFraction} replaced
     */
    public VariationConfig withCycleToCycleWindowFraction(double fraction) {
        return new VariationConfig(stepDeviceToDeviceRelative, stepDeviceToDeviceLogNormal, upDownDeviceToDevice,
                maxBoundDeviceToDeviceRelative, minBoundDeviceToDeviceRelative, nonlinearityDeviceToDevice,
                cycleToCycleRelative, fraction, writeNoiseRelative);
    }

    /**
     * @param relative the new write noise in nominal steps
     * @return a copy with {@code writeNoiseRelative} replaced
     */
    public VariationConfig withWriteNoiseRelative(double relative) {
        return new VariationConfig(stepDeviceToDeviceRelative, stepDeviceToDeviceLogNormal, upDownDeviceToDevice,
                maxBoundDeviceToDeviceRelative, minBoundDeviceToDeviceRelative, nonlinearityDeviceToDevice,
                cycleToCycleRelative, cycleToCycleWindowFraction, relative);
    }
}
