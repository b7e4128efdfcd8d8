package org.xbarlab.devices.config;

import org.xbarlab.core.Checks;
import org.xbarlab.devices.noise.NoProgrammingNoiseConfig;
import org.xbarlab.devices.noise.ProgrammingNoiseConfig;

/**
 * Direct programming of target conductances: a one-shot write lands at {@code target + sigma(target) xi} (the
 * programming-noise model), clipped to the device's window; write-verify repeats read-and-rewrite on the devices
 * whose verify read is farther than {@code writeVerifyToleranceSiemens} from the target, at most
 * {@code writeVerifyMaxIterations} writes per device.
 *
 * @param noise the programming-noise model, not null
 * @param writeVerifyToleranceSiemens acceptance band half-width (S), non-negative
 * @param writeVerifyMaxIterations largest number of writes per device in a write-verify, in [1, 1e6]
 */
public record ProgrammingConfig(ProgrammingNoiseConfig noise, double writeVerifyToleranceSiemens,
                                int writeVerifyMaxIterations) {

    /** Validates the fields. */
    public ProgrammingConfig {
        Checks.notNull("noise", noise);
        Checks.nonNegativeFinite("writeVerifyToleranceSiemens", writeVerifyToleranceSiemens);
        Checks.inRange("writeVerifyMaxIterations", writeVerifyMaxIterations, 1, 1_000_000);
    }

    /**
     * Noise-free programming, tolerance 0 S, 10 write-verify iterations.
     *
     * @return the defaults
     */
    public static ProgrammingConfig defaults() {
        return new ProgrammingConfig(NoProgrammingNoiseConfig.defaults(), 0, 10);
    }

    /**
     * @param value the new noise model
     * @return a copy with {@code noise} replaced
     */
    public ProgrammingConfig withNoise(ProgrammingNoiseConfig value) {
        return new ProgrammingConfig(value, writeVerifyToleranceSiemens, writeVerifyMaxIterations);
    }

    /**
     * @param toleranceSiemens the new tolerance (S)
     * @param maxIterations the new iteration cap
     * @return a copy with the write-verify settings replaced
     */
    public ProgrammingConfig withWriteVerify(double toleranceSiemens, int maxIterations) {
        return new ProgrammingConfig(noise, toleranceSiemens, maxIterations);
    }
}
