package org.xbarlab.devices.presets;

import java.util.List;
import java.util.Objects;

import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.devices.config.DeviceConfig;

/**
 * The cited device presets, stored as JSON resources {@code org/xbarlab/devices/presets/NAME.json} (each with a
 * {@code citation} field) and read through {@link ConfigMapper}, so they pass the same validation as user files.
 *
 * <table>
 *   <caption>Presets</caption>
 *   <tr><th>name</th><th>model</th><th>source</th></tr>
 *   <tr><td>{@code ideal}</td><td>ideal, 1000 steps, 0 to 25 µS</td><td>reference point</td></tr>
 *   <tr><td>{@code pcm}</td><td>exp-step + PCM programming noise, read noise and drift, g_max 25 µS</td>
 *   <td>aihwkit {@code PCMLikeNoiseModel} (Nandakumar et al., ICECS 2019) and {@code PCMPresetDevice}
 *   (Nandakumar et al. 2020)</td></tr>
 *   <tr><td>{@code reram-hfo2}</td><td>exp-step</td><td>aihwkit {@code ReRamESPreset}, Gong et al., Nat. Commun.
 *   2018</td></tr>
 *   <tr><td>{@code reram-soft-bounds}</td><td>soft-bounds</td><td>aihwkit {@code ReRamSBPreset}</td></tr>
 *   <tr><td>{@code ecram}</td><td>linear-step</td><td>aihwkit {@code EcRamPreset}, Tang et al., IEDM 2018</td></tr>
 *   <tr><td>{@code capacitor}</td><td>linear-step</td><td>aihwkit {@code CapacitorPreset}, Li et al., VLSI 2018
 *   </td></tr>
 *   <tr><td>{@code ag-a-si}, {@code taox-hfox}, {@code pcmo}, {@code alox-hfo2}, {@code epiram}</td>
 *   <td>neurosim-nonlinear</td><td>MLP+NeuroSim V3.0 user manual, Table II</td></tr>
 * </table>
 *
 * <p>Thread-safety: stateless; every call reads the resource again.
 */
public final class DevicePresets {

    private static final List<String> NAMES = List.of("ideal", "pcm", "reram-hfo2", "reram-soft-bounds", "ecram",
            "capacitor", "ag-a-si", "taox-hfox", "pcmo", "alox-hfo2", "epiram");

    private DevicePresets() {
    }

    /**
     * The preset names, in documentation order.
     *
     * @return an immutable list
     */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The resource name of a preset, relative to this class.
     *
     * @param name a preset name
     * @return {@code NAME.json}
     */
    public static String resourceName(String name) {
        return name + ".json";
    }

    /**
     * Loads a preset.
     *
     * @param name one of {@link #names()}, not null
     * @return the validated device config
     * @throws IllegalArgumentException if there is no such preset (the message lists the names)
     * @throws ConfigException if the resource is unreadable or invalid (a packaging error)
     */
    public static DeviceConfig load(String name) {
        Objects.requireNonNull(name, "name must not be null");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown device preset '" + name + "'; the presets are " + NAMES);
        }
        return ConfigMapper.readResource(DevicePresets.class, resourceName(name), DeviceConfig.class);
    }

    /**
     * The preset's JSON text as stored (for {@code xbarlab devices show}), re-written by {@link ConfigMapper} so it
     * is normalized.
     *
     * @param name one of {@link #names()}
     * @return the JSON text
     */
    public static String json(String name) {
        return ConfigMapper.writeJson(load(name));
    }

    /** @return the ideal preset */
    public static DeviceConfig ideal() {
        return load("ideal");
    }

    /** @return aihwkit's statistical PCM model (Nandakumar et al., ICECS 2019), g_max 25 µS */
    public static DeviceConfig pcm() {
        return load("pcm");
    }

    /** @return aihwkit's ReRamESPreset, fitted to Gong et al., Nat. Commun. 2018 */
    public static DeviceConfig reramGong2018() {
        return load("reram-hfo2");
    }

    /** @return aihwkit's ReRamSBPreset */
    public static DeviceConfig reramSoftBounds() {
        return load("reram-soft-bounds");
    }

    /** @return aihwkit's EcRamPreset (Tang et al., IEDM 2018) */
    public static DeviceConfig ecram() {
        return load("ecram");
    }

    /** @return aihwkit's CapacitorPreset (Li et al., VLSI 2018) */
    public static DeviceConfig capacitor() {
        return load("capacitor");
    }
}
