package org.xbarlab.devices.config;

import org.xbarlab.core.Checks;

/**
 * Retention loss: exponential decay toward a rest conductance, aihwkit's {@code lifetime}/{@code reset} decay
 * (aihwkit.md section 1.2) written in seconds instead of mini-batches: {@code G(t) = b + (G_w - b) exp(-t / tau)}
 * after a write to {@code G_w} (after drift, when both are on). Per device, {@code tau = timeConstantSeconds (1 +
 * timeConstantDeviceToDeviceRelative xi)} (devices with {@code tau <= 0} do not decay) and {@code b = Gmin +
 * (restWindowFraction + restDeviceToDeviceWindowFraction xi) (Gmax - Gmin)}, clipped to the device's window
 * (additive, as aihwkit's code does; its docstring says multiplicative).
 *
 * @param timeConstantSeconds mean decay time constant (s); 0 switches retention off
 * @param timeConstantDeviceToDeviceRelative relative d2d spread of the time constant, non-negative
 * @param restWindowFraction mean rest conductance as a position in the window, in [0, 1]
 * @param restDeviceToDeviceWindowFraction d2d spread of the rest position, in [0, 1]
 */
public record RetentionConfig(double timeConstantSeconds, double timeConstantDeviceToDeviceRelative,
                              double restWindowFraction, double restDeviceToDeviceWindowFraction) {

    /** Validates the fields. */
    public RetentionConfig {
        Checks.nonNegativeFinite("timeConstantSeconds", timeConstantSeconds);
        Checks.inClosedRange("timeConstantDeviceToDeviceRelative", timeConstantDeviceToDeviceRelative, 0, 10);
        Checks.fraction("restWindowFraction", restWindowFraction);
        Checks.fraction("restDeviceToDeviceWindowFraction", restDeviceToDeviceWindowFraction);
    }

    /**
     * No retention loss.
     *
     * @return the defaults
     */
    public static RetentionConfig defaults() {
        return new RetentionConfig(0, 0, 0, 0);
    }

    /**
     * Whether retention is switched off.
     *
     * @return true when {@code timeConstantSeconds} is 0
     */
    public boolean isNone() {
        return timeConstantSeconds == 0;
    }

    /**
     * @param seconds the new time constant (s)
     * @param restFraction the new rest position in the window
     * @return a copy with both replaced
     */
    public RetentionConfig withDecay(double seconds, double restFraction) {
        return new RetentionConfig(seconds, timeConstantDeviceToDeviceRelative, restFraction,
                restDeviceToDeviceWindowFraction);
    }
}
