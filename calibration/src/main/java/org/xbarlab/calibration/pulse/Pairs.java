package org.xbarlab.calibration.pulse;

import java.util.List;

import org.xbarlab.calibration.data.DeviceTrace;

/**
 * The pulse observations of one fit unit (a device, or all devices pooled), in normalized conductance units
 * {@code x = (G - offset) / scale}: reading before the pulse, reading after it, and the pulse's direction. Also the
 * observed window of the unit (the smallest and largest reading). Arrays are owned (not copied).
 */
final class Pairs {

    final double[] before;
    final double[] after;
    final boolean[] up;
    /** Data row of the reading after the pulse, for messages. */
    final int[] row;
    /** Smallest and largest reading of the unit (normalized). */
    final double low;
    final double high;
    /** The normalized value of 0 S: no conductance bound may go below it. */
    final double zero;

    Pairs(double[] before, double[] after, boolean[] up, int[] row, double low, double high, double zero) {
        this.before = before;
        this.after = after;
        this.up = up;
        this.row = row;
        this.low = low;
        this.high = high;
        this.zero = zero;
    }

    /** The pairs of some devices, normalized. */
    static Pairs of(List<DeviceTrace> devices, double offset, double scale) {
        int n = 0;
        for (DeviceTrace device : devices) {
            n += device.pairCount();
        }
        double[] before = new double[n];
        double[] after = new double[n];
        boolean[] up = new boolean[n];
        int[] row = new int[n];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (DeviceTrace device : devices) {
            double[] g = device.conductanceSiemens();
            for (int k = 0; k < g.length; k++) {
                double x = (g[k] - offset) / scale;
                low = Math.min(low, x);
                high = Math.max(high, x);
                if (k > 0) {
                    before[i] = (g[k - 1] - offset) / scale;
                    after[i] = x;
                    up[i] = device.direction()[k] > 0;
                    row[i] = device.row()[k];
                    i++;
                }
            }
        }
        return new Pairs(before, after, up, row, low, high, -offset / scale);
    }

    /** The observed range {@code high - low} (positive for a fit unit). */
    double range() {
        return high - low;
    }

    int size() {
        return before.length;
    }

    int count(boolean direction) {
        int count = 0;
        for (boolean u : up) {
            if (u == direction) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether the reading after pulse i sits exactly on the unit's observed lowest or highest reading: a reading
     * clipped at a bound of the device (simulated data repeat the bound exactly). Such residuals are truncated, so
     * they are left out of the cycle-to-cycle estimate.
     */
    boolean atObservedEdge(int i) {
        return after[i] == low || after[i] == high;
    }

    /** Mean observed step of one direction over pairs away from the observed edges (signed), or NaN if none. */
    double meanStep(boolean direction) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < before.length; i++) {
            if (up[i] == direction && !atObservedEdge(i) && before[i] != low && before[i] != high) {
                sum += after[i] - before[i];
                count++;
            }
        }
        if (count == 0) {
            for (int i = 0; i < before.length; i++) {
                if (up[i] == direction) {
                    sum += after[i] - before[i];
                    count++;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Least-squares line {@code step = c0 + c1 f(G)} through the observed steps of one direction away from the
     * observed edges, for a regressor {@code f}.
     *
     * @return {c0, c1, rss}, or null when fewer than 3 pairs or a degenerate regressor
     */
    double[] line(boolean direction, java.util.function.DoubleUnaryOperator f) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        int n = 0;
        for (int i = 0; i < before.length; i++) {
            if (up[i] != direction || atObservedEdge(i)) {
                continue;
            }
            double x = f.applyAsDouble(before[i]);
            double y = after[i] - before[i];
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
            n++;
        }
        if (n < 3) {
            return null;
        }
        double det = n * sxx - sx * sx;
        if (!(Math.abs(det) > 1e-300) || !(det > 1e-12 * n * sxx)) {
            return null;
        }
        double c1 = (n * sxy - sx * sy) / det;
        double c0 = (sy - c1 * sx) / n;
        double rss = syy - c0 * sy - c1 * sxy;
        return new double[] {c0, c1, Math.max(0, rss)};
    }
}
