package org.xbarlab.calibration.data;

import org.xbarlab.core.Checks;

/**
 * The pulse-response readings of one device in chronological order: reading k is the conductance after the pulse
 * {@code direction[k]} (+1 potentiation, -1 depression), or the initial state before any pulse when
 * {@code direction[k] == 0} (only possible for k = 0). Reading k (k >= 1) was taken one pulse after reading k - 1,
 * which makes the pair (k - 1, k) one observation of the pulse response. The arrays are owned by the record (not
 * copied) and must not be modified.
 *
 * @param device the device id of the file, non-negative
 * @param conductanceSiemens the readings (S), finite and non-negative
 * @param direction the pulse before each reading: +1, -1, or 0 for the initial state
 * @param cycle the cycle of each reading (file column {@code cycle})
 * @param pulse the pulse within its phase (file column {@code pulse}; 0 for the initial state)
 * @param row the data row of each reading in the file (line = row + 1), for messages
 */
public record DeviceTrace(int device, double[] conductanceSiemens, int[] direction, int[] cycle, int[] pulse,
                          int[] row) {

    /** Validates the shapes. */
    public DeviceTrace {
        Checks.nonNegative("device", device);
        Checks.notNull("conductanceSiemens", conductanceSiemens);
        int n = conductanceSiemens.length;
        Checks.isTrue(n > 0 && direction.length == n && cycle.length == n && pulse.length == n && row.length == n,
                "the arrays of device %s must have the same positive length", device);
    }

    /**
     * @return the number of readings
     */
    public int readingCount() {
        return conductanceSiemens.length;
    }

    /**
     * @return the number of pulse observations (pairs of consecutive readings), {@code readingCount() - 1}
     */
    public int pairCount() {
        return conductanceSiemens.length - 1;
    }

    /**
     * @param direction +1 (potentiation) or -1 (depression)
     * @return the number of pairs whose pulse has that direction
     */
    public int pairCount(int direction) {
        int count = 0;
        for (int k = 1; k < this.direction.length; k++) {
            if (this.direction[k] == direction) {
                count++;
            }
        }
        return count;
    }

    /**
     * @return the smallest reading (S)
     */
    public double minSiemens() {
        double min = Double.POSITIVE_INFINITY;
        for (double g : conductanceSiemens) {
            min = Math.min(min, g);
        }
        return min;
    }

    /**
     * @return the largest reading (S)
     */
    public double maxSiemens() {
        double max = Double.NEGATIVE_INFINITY;
        for (double g : conductanceSiemens) {
            max = Math.max(max, g);
        }
        return max;
    }

    /**
     * @return a short description for messages: {@code device 3 (rows 402 to 802)}
     */
    public String describe() {
        int first = Integer.MAX_VALUE;
        int last = 0;
        for (int r : row) {
            first = Math.min(first, r);
            last = Math.max(last, r);
        }
        return "device " + device + " (rows " + first + " to " + last + ")";
    }
}
