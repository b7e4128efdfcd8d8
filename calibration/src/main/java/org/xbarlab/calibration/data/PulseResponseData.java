package org.xbarlab.calibration.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.xbarlab.calibration.CalibrationDataException;

/**
 * Pulse-response cycles of one or many devices (docs/calibration.md, "Pulse-response format"): the file that
 * {@code xbarlab devices pulse-response} writes, or measurements in the same format. Columns (looked up by name,
 * others ignored): {@code device} (integer, non-negative), {@code cycle} (integer, non-negative), {@code pulse}
 * (integer, 1-based within its phase; 0 only for the initial state, which must be cycle 0 and {@code up}),
 * {@code direction} ({@code up} or {@code down}), {@code conductanceSiemens} (finite, non-negative decimal).
 *
 * <p>Rows may come in any order: each device's rows are put in the order (cycle, direction with {@code up} first,
 * pulse). Within a phase (a cycle and a direction) the pulses must be 1, 2, 3, ... without gaps or repeats: each row
 * is one pulse after the row before it in that order, which is what the fit uses. Violations fail with a
 * {@link CalibrationDataException} naming the row, the column and the problem.
 *
 * <p>Immutable; thread-safe.
 */
public final class PulseResponseData {

    /** The required columns, in their documented order (the header {@code xbarlab devices pulse-response} writes). */
    public static final List<String> COLUMNS = List.of("device", "cycle", "pulse", "direction",
            "conductanceSiemens");

    /** Largest cycle and pulse number accepted (keeps the sort key in 64 bits). */
    static final int MAX_INDEX = 1_000_000_000;

    private static final CsvReader.Format<GrowableColumns, PulseResponseData> FORMAT = new CsvReader.Format<>(
            COLUMNS, GrowableColumns::new, PulseResponseData::add, PulseResponseData::build);

    private final String source;
    private final List<DeviceTrace> devices;

    private PulseResponseData(String source, List<DeviceTrace> devices) {
        this.source = source;
        this.devices = List.copyOf(devices);
    }

    /**
     * Reads and validates a pulse-response file.
     *
     * @param file the file, not null; messages name it as given
     * @return the data, devices in increasing id order
     * @throws CalibrationDataException if a row is malformed or breaks the format's rules
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static PulseResponseData read(Path file) {
        return FORMAT.read(file);
    }

    /**
     * Parses and validates pulse-response text.
     *
     * @param text the CSV text, not null
     * @param source the name used in messages, not null
     * @return the data
     * @throws CalibrationDataException if a row is malformed or breaks the format's rules
     */
    public static PulseResponseData parse(String text, String source) {
        return FORMAT.parse(text, source);
    }

    private static void add(GrowableColumns columns, CsvReader.Row row) {
        int device = row.integer("device", 0, Integer.MAX_VALUE);
        int cycle = row.integer("cycle", 0, MAX_INDEX);
        int pulse = row.integer("pulse", 0, MAX_INDEX);
        String direction = row.text("direction");
        int sign;
        if (direction.equals("up")) {
            sign = 1;
        } else if (direction.equals("down")) {
            sign = -1;
        } else {
            throw row.error("direction", "must be 'up' or 'down', got '" + direction + "'");
        }
        double conductance = row.decimal("conductanceSiemens");
        if (!(conductance >= 0)) {
            throw row.error("conductanceSiemens", "a conductance must not be negative, got " + conductance + " S");
        }
        if (pulse == 0 && !(cycle == 0 && sign == 1)) {
            throw row.error("pulse", "pulse 0 (the initial state, before any pulse) must be cycle 0 and 'up', got "
                    + "cycle " + cycle + " and '" + direction + "'");
        }
        int i = columns.add();
        columns.ints0[i] = device;
        columns.ints1[i] = cycle;
        columns.ints2[i] = sign * (pulse + 1); // sign carries the direction; +1 keeps pulse 0 distinguishable
        columns.doubles0[i] = conductance;
        columns.rows[i] = row.row();
    }

    private static PulseResponseData build(String source, GrowableColumns columns) {
        if (columns.size == 0) {
            throw new CalibrationDataException(source, "no data rows after the header");
        }
        Map<Integer, List<Integer>> byDevice = new TreeMap<>();
        for (int i = 0; i < columns.size; i++) {
            byDevice.computeIfAbsent(columns.ints0[i], d -> new ArrayList<>()).add(i);
        }
        List<DeviceTrace> devices = new ArrayList<>(byDevice.size());
        for (Map.Entry<Integer, List<Integer>> entry : byDevice.entrySet()) {
            devices.add(trace(source, entry.getKey(), entry.getValue(), columns));
        }
        return new PulseResponseData(source, devices);
    }

    /** Sort key: cycle, then up before down, then pulse. */
    private static long key(GrowableColumns c, int i) {
        int signedPulse = c.ints2[i];
        long direction = signedPulse > 0 ? 0 : 1;
        long pulse = Math.abs(signedPulse) - 1L;
        return ((long) c.ints1[i] << 32) | (direction << 31) | pulse;
    }

    private static DeviceTrace trace(String source, int device, List<Integer> indices, GrowableColumns c) {
        int n = indices.size();
        Integer[] order = indices.toArray(new Integer[0]);
        boolean sorted = true;
        for (int k = 1; k < n && sorted; k++) {
            sorted = key(c, order[k - 1]) < key(c, order[k]);
        }
        if (!sorted) {
            Arrays.sort(order, Comparator.comparingLong((Integer i) -> key(c, i)).thenComparingInt(i -> c.rows[i]));
        }
        double[] conductance = new double[n];
        int[] direction = new int[n];
        int[] cycle = new int[n];
        int[] pulse = new int[n];
        int[] row = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            conductance[k] = c.doubles0[i];
            int signedPulse = c.ints2[i];
            pulse[k] = Math.abs(signedPulse) - 1;
            direction[k] = pulse[k] == 0 ? 0 : Integer.signum(signedPulse);
            cycle[k] = c.ints1[i];
            row[k] = c.rows[i];
            if (k == 0) {
                if (pulse[k] > 1) {
                    throw new CalibrationDataException(source, row[k], "pulse", "device " + device
                            + " starts at pulse " + pulse[k] + " of cycle " + cycle[k] + " '" + name(direction[k])
                            + "'; a phase's pulses are numbered from 1 and every pulse must be read");
                }
                continue;
            }
            boolean samePhase = cycle[k] == cycle[k - 1] && direction[k] == direction[k - 1];
            if (samePhase && pulse[k] == pulse[k - 1] || direction[k] == 0) {
                throw new CalibrationDataException(source, row[k], "pulse", "device " + device + ", cycle "
                        + cycle[k] + " '" + name(direction[k]) + "', pulse " + pulse[k] + " appears twice (also row "
                        + row[k - 1] + ")");
            }
            int expected = samePhase ? pulse[k - 1] + 1 : 1;
            if (pulse[k] != expected) {
                String before = samePhase ? "follows pulse " + pulse[k - 1] + " (row " + row[k - 1] + ")"
                        : "is the first pulse read in its phase";
                throw new CalibrationDataException(source, row[k], "pulse", "device " + device + ", cycle "
                        + cycle[k] + " '" + name(direction[k]) + "': pulse " + pulse[k] + " " + before
                        + "; within a phase every pulse must be read, numbered 1, 2, 3, ...");
            }
        }
        return new DeviceTrace(device, conductance, direction, cycle, pulse, row);
    }

    private static String name(int direction) {
        return direction < 0 ? "down" : "up";
    }

    /**
     * @return the name used in messages (the file as given)
     */
    public String source() {
        return source;
    }

    /**
     * @return the devices, in increasing id order, each with at least one reading
     */
    public List<DeviceTrace> devices() {
        return devices;
    }

    /**
     * @return the number of readings over all devices
     */
    public int readingCount() {
        int count = 0;
        for (DeviceTrace device : devices) {
            count += device.readingCount();
        }
        return count;
    }

    /**
     * @return the number of pulse observations (pairs of consecutive readings) over all devices
     */
    public int pairCount() {
        int count = 0;
        for (DeviceTrace device : devices) {
            count += device.pairCount();
        }
        return count;
    }
}
