package org.xbarlab.devices.config;

import org.xbarlab.core.Checks;
import org.xbarlab.devices.drift.DriftConfig;
import org.xbarlab.devices.drift.NoDriftConfig;
import org.xbarlab.devices.noise.NoReadNoiseConfig;
import org.xbarlab.devices.noise.ReadNoiseConfig;
import org.xbarlab.devices.response.IdealResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * Everything about one kind of synaptic device: its conductance window, its pulse response, its variation, how it
 * is programmed, its read noise, drift, faults, retention and write cost. Presets
 * ({@code org.xbarlab.devices.presets.DevicePresets}) are instances of this record stored as JSON with a citation.
 * Immutable; validated on construction (messages name the field); the JSON names are the component names.
 *
 * @param name short identifier, not empty (for presets, the preset name)
 * @param citation source of the numbers (paper, peer simulator and file), not null; may be empty for a user device
 * @param minConductanceSiemens lower end of the nominal window (S), non-negative
 * @param maxConductanceSiemens upper end of the nominal window (S), above the lower end and at most 1 S
 * @param response the pulse-response model, not null
 * @param variation device-to-device and cycle-to-cycle variation, not null
 * @param programming direct programming and write-verify, not null
 * @param readNoise read noise applied on every read, not null
 * @param drift conductance drift after a write, not null
 * @param faults stuck-at faults and endurance, not null
 * @param retention decay toward a rest conductance, not null
 * @param writeCost energy and duration of a write pulse, not null
 */
public record DeviceConfig(String name, String citation, double minConductanceSiemens, double maxConductanceSiemens,
                           PulseResponseConfig response, VariationConfig variation, ProgrammingConfig programming,
                           ReadNoiseConfig readNoise, DriftConfig drift, FaultsConfig faults,
                           RetentionConfig retention, WriteCostConfig writeCost) {

    /** Validates the fields. */
    public DeviceConfig {
        Checks.notEmpty("name", name);
        Checks.notNull("citation", citation);
        Checks.inClosedRange("minConductanceSiemens", minConductanceSiemens, 0, 1);
        Checks.inClosedRange("maxConductanceSiemens", maxConductanceSiemens, 0, 1);
        Checks.isTrue(maxConductanceSiemens > minConductanceSiemens,
                "maxConductanceSiemens (%s S) must be above minConductanceSiemens (%s S)",
                Checks.number(maxConductanceSiemens), Checks.number(minConductanceSiemens));
        Checks.notNull("response", response);
        Checks.notNull("variation", variation);
        Checks.notNull("programming", programming);
        Checks.notNull("readNoise", readNoise);
        Checks.notNull("drift", drift);
        Checks.notNull("faults", faults);
        Checks.notNull("retention", retention);
        Checks.notNull("writeCost", writeCost);
    }

    /**
     * An ideal device: window [0, 25 µS] (aihwkit's default g_min and g_max), 1000 equal symmetric steps, no
     * variation, noise, drift, faults or decay, no known write cost.
     *
     * @return the defaults
     */
    public static DeviceConfig defaults() {
        return new DeviceConfig("ideal", "", 0, 25e-6, IdealResponseConfig.defaults(), VariationConfig.defaults(),
                ProgrammingConfig.defaults(), NoReadNoiseConfig.defaults(), NoDriftConfig.defaults(),
                FaultsConfig.defaults(), RetentionConfig.defaults(), WriteCostConfig.defaults());
    }

    /**
     * The window's width.
     *
     * @return {@code maxConductanceSiemens - minConductanceSiemens} (S)
     */
    public double windowSiemens() {
        return maxConductanceSiemens - minConductanceSiemens;
    }

    /**
     * The nominal conductance change of one pulse, {@code window / response.nominalStepsAcrossWindow()}.
     *
     * @return the nominal step (S)
     */
    public double nominalStepSiemens() {
        return windowSiemens() / response.nominalStepsAcrossWindow();
    }

    /**
     * @param value the new name
     * @return a copy with {@code name} replaced
     */
    public DeviceConfig withName(String value) {
        return new DeviceConfig(value, citation, minConductanceSiemens, maxConductanceSiemens, response, variation,
                programming, readNoise, drift, faults, retention, writeCost);
    }

    /**
     * @param value the new citation
     * @return a copy with {@code citation} replaced
     */
    public DeviceConfig withCitation(String value) {
        return new DeviceConfig(name, value, minConductanceSiemens, maxConductanceSiemens, response, variation,
                programming, readNoise, drift, faults, retention, writeCost);
    }

    /**
     * @param minSiemens the new lower end (S)
     * @param maxSiemens the new upper end (S)
     * @return a copy with the window replaced
     */
    public DeviceConfig withWindow(double minSiemens, double maxSiemens) {
        return new DeviceConfig(name, citation, minSiemens, maxSiemens, response, variation, programming, readNoise,
                drift, faults, retention, writeCost);
    }

    /**
     * @param value the new pulse response
     * @return a copy with {@code response} replaced
     */
    public DeviceConfig withResponse(PulseResponseConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, value, variation,
                programming, readNoise, drift, faults, retention, writeCost);
    }

    /**
     * @param value the new variation
     * @return a copy with {@code variation} replaced
     */
    public DeviceConfig withVariation(VariationConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, response, value,
                programming, readNoise, drift, faults, retention, writeCost);
    }

    /**
     * @param value the new programming settings
     * @return a copy with {@code programming} replaced
     */
    public DeviceConfig withProgramming(ProgrammingConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, response, variation,
                value, readNoise, drift, faults, retention, writeCost);
    }

    /**
     * @param value the new read noise
     * @return a copy with {@code readNoise} replaced
     */
    public DeviceConfig withReadNoise(ReadNoiseConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, response, variation,
                programming, value, drift, faults, retention, writeCost);
    }

    /**
     * @param value the new drift
     * @return a copy with {@code drift} replaced
     */
    public DeviceConfig withDrift(DriftConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, response, variation,
                programming, readNoise, value, faults, retention, writeCost);
    }

    /**
     * @param value the new faults
     * @return a copy with {@code faults} replaced
     */
    public DeviceConfig withFaults(FaultsConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, response, variation,
                programming, readNoise, drift, value, retention, writeCost);
    }

    /**
     * @param value the new retention
     * @return a copy with {@code retention} replaced
     */
    public DeviceConfig withRetention(RetentionConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, response, variation,
                programming, readNoise, drift, faults, value, writeCost);
    }

    /**
     * @param value the new write cost
     * @return a copy with {@code writeCost} replaced
     */
    public DeviceConfig withWriteCost(WriteCostConfig value) {
        return new DeviceConfig(name, citation, minConductanceSiemens, maxConductanceSiemens, response, variation,
                programming, readNoise, drift, faults, retention, value);
    }
}
