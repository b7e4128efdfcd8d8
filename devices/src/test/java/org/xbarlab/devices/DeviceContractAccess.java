package org.xbarlab.devices;

import org.xbarlab.devices.config.DeviceConfig;

/** Public entry to the contract checks for tests in other packages. */
public final class DeviceContractAccess {

    private DeviceContractAccess() {
    }

    /** @param config device @param seed seed */
    public static void staysInWindow(DeviceConfig config, long seed) {
        DeviceContractChecks.staysInWindow(config, seed);
    }

    /** @param config device @param seed seed */
    public static void zeroPulsesAreIdentity(DeviceConfig config, long seed) {
        DeviceContractChecks.zeroPulsesAreIdentity(config, seed);
    }

    /** @param config device @param seed seed */
    public static void noiseFreeResponseIsMonotone(DeviceConfig config, long seed) {
        DeviceContractChecks.noiseFreeResponseIsMonotone(config, seed);
    }

    /** @param config device @param seed seed */
    public static void sameSeedSameResult(DeviceConfig config, long seed) {
        DeviceContractChecks.sameSeedSameResult(config, seed);
    }

    /** @param config device */
    public static void jsonRoundTrip(DeviceConfig config) {
        DeviceContractChecks.jsonRoundTrip(config);
    }

    /** @param config device */
    public static void validationNamesTheField(DeviceConfig config) {
        DeviceContractChecks.validationNamesTheField(config);
    }
}
