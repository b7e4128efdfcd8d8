package org.xbarlab.calibration.pulse;

import org.xbarlab.devices.response.PulseResponseConfig;
import org.xbarlab.devices.response.QuantizedResponseConfig;

/**
 * The devices module's {@code ideal-levels} device: L equally spaced levels across the window, a pulse moving up by
 * u levels and down by d levels. Fitted as a constant step (s+, s-) on the observed window, then snapped to the level
 * grid: level spacing {@code delta = (Gmax - Gmin) / round((Gmax - Gmin) / min(s+, s-))}, {@code u = round(s+ /
 * delta)}, {@code d = round(s- / delta)}; the final statistics use the devices module's quantized map (a reading is
 * rounded to its level, ties up, then moved).
 */
final class QuantizedModel extends ConstantStepModel {

    QuantizedModel() {
        super("ideal-levels");
    }

    @Override
    boolean boundsRelativeToWindow() {
        return true;
    }

    /** {L, u, d} of the steps on a window. */
    static int[] levels(double up, double down, double low, double high) {
        double window = high - low;
        long intervals = Math.max(1, Math.min(999_999, Math.round(window / Math.min(up, down))));
        double spacing = window / intervals;
        long u = Math.max(1, Math.min(intervals, Math.round(up / spacing)));
        long d = Math.max(1, Math.min(intervals, Math.round(down / spacing)));
        return new int[] {(int) intervals + 1, (int) u, (int) d};
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        int[] levels = levels(p[0], p[1], low, high);
        double spacing = (high - low) / (levels[0] - 1);
        return new double[] {levels[1] * spacing, levels[2] * spacing};
    }

    @Override
    Response finalResponse(double[] p, double low, double high) {
        int[] levels = levels(p[0], p[1], low, high);
        long last = levels[0] - 1;
        double width = high - low;
        return (g, isUp) -> {
            if (!(width > 0)) {
                return g;
            }
            long level = (long) Math.floor((clip(g, low, high) - low) / width * last + 0.5);
            level = Math.max(0, Math.min(last, level));
            long moved = Math.max(0, Math.min(last, level + (isUp ? levels[1] : -levels[2])));
            return moved >= last ? high : clip(low + width * moved / last, low, high);
        };
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        int[] levels = levels(p[0], p[1], low, high);
        return new QuantizedResponseConfig(levels[0], levels[1], levels[2]);
    }
}
