package org.xbarlab.calibration.data;

import org.xbarlab.core.Checks;

/**
 * The drift readings of one device, in increasing time. The arrays are owned by the record (not copied) and must not
 * be modified.
 *
 * @param device the device id of the file, non-negative
 * @param timeSeconds time since the end of programming (s), finite, non-negative, strictly increasing
 * @param conductanceSiemens the readings (S), finite and positive
 * @param row the data row of each reading (line = row + 1), for messages
 * @param targetConductanceSiemens the target the device was programmed to (S), from the optional column
 *        {@code targetConductanceSiemens}, or NaN when the file has no such column
 */
public record DriftSeries(int device, double[] timeSeconds, double[] conductanceSiemens, int[] row,
                          double targetConductanceSiemens) {

    /** Validates the shapes. */
    public DriftSeries {
        Checks.nonNegative("device", device);
        Checks.notNull("timeSeconds", timeSeconds);
        Checks.isTrue(timeSeconds.length > 0 && conductanceSiemens.length == timeSeconds.length
                && row.length == timeSeconds.length, "the arrays of device %s must have the same positive length",
                device);
    }

    /**
     * @return the number of readings
     */
    public int readingCount() {
        return timeSeconds.length;
    }

    /**
     * @return a short description for messages: {@code device 3 (rows 12 to 20)}
     */
    public String describe() {
        return "device " + device + " (rows " + row[0] + " to " + row[row.length - 1] + ")";
    }
}
