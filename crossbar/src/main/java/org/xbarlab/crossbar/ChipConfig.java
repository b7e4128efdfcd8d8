package org.xbarlab.crossbar;

import org.xbarlab.core.Checks;
import org.xbarlab.crossbar.energy.TechnologyConfig;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.presets.DevicePresets;

/**
 * The hardware of a simulated chip: the device of every cell (a named preset or a full device config), the tiles
 * and their periphery, and the technology constants of the energy and latency model.
 *
 * @param devicePreset name of a device preset ({@code xbarlab devices list}), or null when {@code device} is given
 * @param device a full device config, or null when {@code devicePreset} is given
 * @param tile tile size, mapping, periphery, update and programming methods
 * @param technology energy and latency constants
 */
public record ChipConfig(String devicePreset, DeviceConfig device, TileConfig tile, TechnologyConfig technology) {

    /** Validates that exactly one device source is given, and the rest. */
    public ChipConfig {
        Checks.isTrue((devicePreset == null) != (device == null),
                "exactly one of devicePreset and device must be given, got devicePreset = %s and device %s",
                devicePreset, device == null ? "absent" : "present");
        if (devicePreset != null) {
            Checks.isTrue(DevicePresets.names().contains(devicePreset),
                    "devicePreset must be one of %s, got '%s'", DevicePresets.names(), devicePreset);
        }
        Checks.notNull("tile", tile);
        Checks.notNull("technology", technology);
    }

    /** The ideal device, ideal periphery and programmed updates: exact software training, with cost estimates. */
    public static ChipConfig ideal() {
        return new ChipConfig("ideal", null, TileConfig.ideal(), TechnologyConfig.defaults());
    }

    /** A preset device with the default tiles (256 × 256, aihwkit's preset periphery, pulsed updates). */
    public static ChipConfig of(String preset) {
        return new ChipConfig(preset, null, TileConfig.defaults(), TechnologyConfig.defaults());
    }

    /** The device config: the preset's, or the one given. */
    public DeviceConfig resolvedDevice() {
        return device != null ? device : DevicePresets.load(devicePreset);
    }

    /** A copy with the device given in full (the preset resolved), as recorded in results. */
    public ChipConfig resolved() {
        return new ChipConfig(null, resolvedDevice(), tile, technology);
    }

    /** A copy with another tile config. */
    public ChipConfig withTile(TileConfig newTile) {
        return new ChipConfig(devicePreset, device, newTile, technology);
    }
}
