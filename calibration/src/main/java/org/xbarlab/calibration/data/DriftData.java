package org.xbarlab.calibration.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.xbarlab.calibration.CalibrationDataException;

/**
 * Conductance drift of one or many devices after programming (docs/calibration.md, "Drift format"). Columns (looked
 * up by name, others ignored): {@code device} (integer, non-negative), {@code timeSeconds} (time since the end of
 * programming, finite, non-negative), {@code conductanceSiemens} (finite, positive: the fit works on its logarithm),
 * and optionally {@code targetConductanceSiemens} (the target the device was programmed to, finite, non-negative,
 * the same on every row of a device).
 * Each device's rows must come in strictly increasing time (rows of different devices may interleave); a time that
 * repeats or goes backward fails with a {@link CalibrationDataException} naming both rows.
 *
 * <p>Immutable; thread-safe.
 */
public final class DriftData {

    /** The required columns, in their documented order. */
    public static final List<String> COLUMNS = List.of("device", "timeSeconds", "conductanceSiemens");

    /** The optional column with each device's programming target. */
    public static final String TARGET_COLUMN = "targetConductanceSiemens";

    private static final CsvReader.Format<Map<Integer, GrowableColumns>, DriftData> FORMAT = new CsvReader.Format<>(
            COLUMNS, TreeMap::new, DriftData::add, DriftData::build);

    private final String source;
    private final List<DriftSeries> devices;

    private DriftData(String source, List<DriftSeries> devices) {
        this.source = source;
        this.devices = List.copyOf(devices);
    }

    /**
     * Reads and validates a drift file.
     *
     * @param file the file, not null; messages name it as given
     * @return the data, devices in increasing id order
     * @throws CalibrationDataException if a row is malformed or time does not increase
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static DriftData read(Path file) {
        return FORMAT.read(file);
    }

    /**
     * Parses and validates drift text.
     *
     * @param text the CSV text, not null
     * @param source the name used in messages, not null
     * @return the data
     * @throws CalibrationDataException if a row is malformed or time does not increase
     */
    public static DriftData parse(String text, String source) {
        return FORMAT.parse(text, source);
    }

    private static void add(Map<Integer, GrowableColumns> byDevice, CsvReader.Row row) {
        int device = row.integer("device", 0, Integer.MAX_VALUE);
        double time = row.decimal("timeSeconds");
        if (!(time >= 0)) {
            throw row.error("timeSeconds", "time since programming must not be negative, got " + time + " s");
        }
        double conductance = row.decimal("conductanceSiemens");
        if (!(conductance > 0)) {
            throw row.error("conductanceSiemens", "must be positive (the drift law is fitted to its logarithm), got "
                    + conductance + " S");
        }
        double target = Double.NaN;
        if (row.has(TARGET_COLUMN)) {
            target = row.decimal(TARGET_COLUMN);
            if (!(target >= 0)) {
                throw row.error(TARGET_COLUMN, "a conductance must not be negative, got " + target + " S");
            }
        }
        GrowableColumns columns = byDevice.computeIfAbsent(device, d -> new GrowableColumns());
        if (columns.size > 0 && row.has(TARGET_COLUMN) && columns.doubles2[0] != target) {
            throw row.error(TARGET_COLUMN, "the target of device " + device + " changes: " + target + " S after "
                    + columns.doubles2[0] + " S (row " + columns.rows[0] + "); a device has one programming target");
        }
        if (columns.size > 0) {
            int last = columns.size - 1;
            double previous = columns.doubles0[last];
            if (!(time > previous)) {
                throw row.error("timeSeconds", "time " + (time == previous ? "repeats" : "goes backward")
                        + " for device " + device + ": " + time + " s after " + previous + " s (row "
                        + columns.rows[last] + "); each device's rows must come in increasing time");
            }
        }
        int i = columns.add();
        columns.doubles0[i] = time;
        columns.doubles1[i] = conductance;
        columns.doubles2[i] = target;
        columns.rows[i] = row.row();
    }

    private static DriftData build(String source, Map<Integer, GrowableColumns> byDevice) {
        if (byDevice.isEmpty()) {
            throw new CalibrationDataException(source, "no data rows after the header");
        }
        List<DriftSeries> devices = new ArrayList<>(byDevice.size());
        for (Map.Entry<Integer, GrowableColumns> entry : byDevice.entrySet()) {
            GrowableColumns c = entry.getValue();
            devices.add(new DriftSeries(entry.getKey(), Arrays.copyOf(c.doubles0, c.size),
                    Arrays.copyOf(c.doubles1, c.size), Arrays.copyOf(c.rows, c.size), c.doubles2[0]));
        }
        return new DriftData(source, devices);
    }

    /**
     * @return the name used in messages (the file as given)
     */
    public String source() {
        return source;
    }

    /**
     * @return the devices, in increasing id order
     */
    public List<DriftSeries> devices() {
        return devices;
    }
}
