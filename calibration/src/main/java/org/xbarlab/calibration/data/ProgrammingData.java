package org.xbarlab.calibration.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.xbarlab.calibration.CalibrationDataException;

/**
 * Programming results (docs/calibration.md, "Programming format"): for each one-shot write, the device, the target
 * conductance and the conductance reached. Columns (looked up by name, others ignored): {@code device} (integer,
 * non-negative), {@code targetConductanceSiemens} and {@code achievedConductanceSiemens} (finite, non-negative
 * decimals). Rows may come in any order; a device may appear in many rows. The arrays returned are owned by this
 * object and must not be modified.
 *
 * <p>Immutable; thread-safe.
 */
public final class ProgrammingData {

    /** The required columns, in their documented order. */
    public static final List<String> COLUMNS = List.of("device", "targetConductanceSiemens",
            "achievedConductanceSiemens");

    private static final CsvReader.Format<GrowableColumns, ProgrammingData> FORMAT = new CsvReader.Format<>(COLUMNS,
            GrowableColumns::new, ProgrammingData::add, ProgrammingData::build);

    private final String source;
    private final int[] device;
    private final double[] targetSiemens;
    private final double[] achievedSiemens;
    private final int[] row;

    private ProgrammingData(String source, GrowableColumns c) {
        this.source = source;
        this.device = Arrays.copyOf(c.ints0, c.size);
        this.targetSiemens = Arrays.copyOf(c.doubles0, c.size);
        this.achievedSiemens = Arrays.copyOf(c.doubles1, c.size);
        this.row = Arrays.copyOf(c.rows, c.size);
    }

    /**
     * Reads and validates a programming file.
     *
     * @param file the file, not null; messages name it as given
     * @return the data
     * @throws CalibrationDataException if a row is malformed
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public static ProgrammingData read(Path file) {
        return FORMAT.read(file);
    }

    /**
     * Parses and validates programming text.
     *
     * @param text the CSV text, not null
     * @param source the name used in messages, not null
     * @return the data
     * @throws CalibrationDataException if a row is malformed
     */
    public static ProgrammingData parse(String text, String source) {
        return FORMAT.parse(text, source);
    }

    private static void add(GrowableColumns columns, CsvReader.Row row) {
        int device = row.integer("device", 0, Integer.MAX_VALUE);
        double target = row.decimal("targetConductanceSiemens");
        if (!(target >= 0)) {
            throw row.error("targetConductanceSiemens", "a conductance must not be negative, got " + target + " S");
        }
        double achieved = row.decimal("achievedConductanceSiemens");
        if (!(achieved >= 0)) {
            throw row.error("achievedConductanceSiemens", "a conductance must not be negative, got " + achieved
                    + " S");
        }
        int i = columns.add();
        columns.ints0[i] = device;
        columns.doubles0[i] = target;
        columns.doubles1[i] = achieved;
        columns.rows[i] = row.row();
    }

    private static ProgrammingData build(String source, GrowableColumns columns) {
        if (columns.size == 0) {
            throw new CalibrationDataException(source, "no data rows after the header");
        }
        return new ProgrammingData(source, columns);
    }

    /**
     * @return the name used in messages (the file as given)
     */
    public String source() {
        return source;
    }

    /**
     * @return the number of writes (rows)
     */
    public int size() {
        return row.length;
    }

    /**
     * @return the device of each write
     */
    public int[] device() {
        return device;
    }

    /**
     * @return the target of each write (S)
     */
    public double[] targetSiemens() {
        return targetSiemens;
    }

    /**
     * @return the conductance reached by each write (S)
     */
    public double[] achievedSiemens() {
        return achievedSiemens;
    }

    /**
     * @return the data row of each write (line = row + 1)
     */
    public int[] row() {
        return row;
    }
}
