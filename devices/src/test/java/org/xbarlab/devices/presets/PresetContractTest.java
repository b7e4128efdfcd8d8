package org.xbarlab.devices.presets;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.devices.DeviceContractAccess;

/** Every preset passes the device contract. */
class PresetContractTest extends XbarlabTestBase {

    static Stream<String> presets() {
        return DevicePresets.names().stream();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void staysInWindow(String name) {
        DeviceContractAccess.staysInWindow(DevicePresets.load(name), TEST_SEED);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void zeroPulsesAreIdentity(String name) {
        DeviceContractAccess.zeroPulsesAreIdentity(DevicePresets.load(name), TEST_SEED);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void noiseFreeResponseIsMonotone(String name) {
        DeviceContractAccess.noiseFreeResponseIsMonotone(DevicePresets.load(name), TEST_SEED);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void sameSeedSameResult(String name) {
        DeviceContractAccess.sameSeedSameResult(DevicePresets.load(name), TEST_SEED);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void jsonRoundTrip(String name) {
        DeviceContractAccess.jsonRoundTrip(DevicePresets.load(name));
    }

    @ParameterizedTest
    @MethodSource("presets")
    void validationNamesTheField(String name) {
        DeviceContractAccess.validationNamesTheField(DevicePresets.load(name));
    }
}
