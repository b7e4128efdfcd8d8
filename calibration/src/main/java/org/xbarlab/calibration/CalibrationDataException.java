package org.xbarlab.calibration;

/**
 * Measured data that cannot be used: a malformed or missing field, a value that is not allowed (NaN, a negative
 * conductance, time going backward), too few points, or data that cannot determine what was asked (one device when a
 * device-to-device spread is wanted, a fit that does not converge). The message names the file, then the row (data
 * rows count from 1 after the header, with the file line in parentheses) and the column when there is one, then the
 * problem:
 * <pre>
 * pulses.csv, row 16 (line 17), column conductanceSiemens: not a finite decimal number: 'NaN'
 * drift.csv, row 9 (line 10), column timeSeconds: time goes backward for device 2: 50 s after 100 s (row 8)
 * pulses.csv: only one device (device 0, rows 1 to 801); a device-to-device spread needs at least 2 devices
 * </pre>
 * The command line maps it to its "invalid input" exit code. Instances are immutable.
 */
public final class CalibrationDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** See {@link #source()}. */
    private final String source;
    /** See {@link #row()}. */
    private final int row;
    /** See {@link #column()}. */
    private final String column;
    /** See {@link #problem()}. */
    private final String problem;

    /**
     * An error about one field of one row.
     *
     * @param source the file name (as given by the user), not null
     * @param row the 1-based data row (the line after the header is row 1), or 0 when the error is not about one
     *        row
     * @param column the column name, or null when the error is about the whole row or file
     * @param problem what is wrong, in words meant for the user, not null
     */
    public CalibrationDataException(String source, int row, String column, String problem) {
        super(format(source, row, column, problem));
        this.source = source;
        this.row = Math.max(0, row);
        this.column = column;
        this.problem = problem;
    }

    /**
     * An error about the data as a whole (no row, no column).
     *
     * @param source the file name, not null
     * @param problem what is wrong, not null
     */
    public CalibrationDataException(String source, String problem) {
        this(source, 0, null, problem);
    }

    private static String format(String source, int row, String column, String problem) {
        StringBuilder text = new StringBuilder(source == null ? "<data>" : source);
        if (row > 0) {
            text.append(", row ").append(row).append(" (line ").append(row + 1).append(')');
        }
        if (column != null) {
            text.append(", column ").append(column);
        }
        return text.append(": ").append(problem).toString();
    }

    /**
     * @return the file name as given by the user
     */
    public String source() {
        return source;
    }

    /**
     * @return the 1-based data row (line = row + 1), or 0 when the error is not about one row
     */
    public int row() {
        return row;
    }

    /**
     * @return the column name, or null
     */
    public String column() {
        return column;
    }

    /**
     * @return the problem without the location
     */
    public String problem() {
        return problem;
    }
}
