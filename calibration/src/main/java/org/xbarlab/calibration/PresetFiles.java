package org.xbarlab.calibration;

import java.nio.file.Path;
import java.util.Objects;

import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.devices.config.DeviceConfig;

/**
 * Device preset files: a {@link DeviceConfig} as JSON, the same text an experiment embeds as {@code chip.device} and
 * the devices module stores as a built-in preset. Reading goes through {@link ConfigMapper}, so a preset passes the
 * same validation as any config.
 *
 * <p>Thread-safety: stateless.
 */
public final class PresetFiles {

    private PresetFiles() {
    }

    /**
     * Reads a preset file.
     *
     * @param file a {@code .json} (or YAML) file holding one device config, not null
     * @return the validated device
     * @throws ConfigException if the file cannot be read or is not a valid device config (the message names the
     *         path and the line)
     */
    public static DeviceConfig read(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        return ConfigMapper.read(file, DeviceConfig.class);
    }

    /**
     * The JSON text of a device config, as {@link #write} stores it (pretty-printed, ending with a newline).
     *
     * @param device the device, not null
     * @return the JSON text
     */
    public static String json(DeviceConfig device) {
        Objects.requireNonNull(device, "device must not be null");
        return ConfigMapper.writeJson(device) + "\n";
    }

    /**
     * Writes a preset file, replacing it atomically (a reader never sees half a file).
     *
     * @param file the target, not null; missing parent directories are created
     * @param device the device, not null
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, DeviceConfig device) {
        Objects.requireNonNull(file, "file must not be null");
        AtomicFiles.writeString(file, json(device));
    }
}
