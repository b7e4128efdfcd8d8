package org.xbarlab.calibration.pulse;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.devices.response.PulseResponseConfig;
import org.xbarlab.devices.response.SoftBoundsResponseConfig;

/**
 * aihwkit's {@code SoftBoundsDevice} (devices {@code soft-bounds}; aihwkit.md section 1.3): the step shrinks
 * linearly to 0 at each bound, up {@code G + s+ (Gmax - G) / (W/2)}, down {@code G - s- (G - Gmin) / (W/2)} with
 * W = Gmax - Gmin. Parameters: {@code minConductanceSiemens} Gmin and {@code maxConductanceSiemens} Gmax (the
 * asymptotes), {@code potentiationStepSiemens} s+ and {@code depressionStepSiemens} s- (the steps in the middle of
 * the window). Device-to-device: steps and bounds.
 */
final class SoftBoundsModel extends PulseModel {

    private static final String[] NAMES = {"minConductanceSiemens", "maxConductanceSiemens",
        "potentiationStepSiemens", "depressionStepSiemens"};
    private static final Kind[] KINDS = {Kind.CONDUCTANCE, Kind.CONDUCTANCE, Kind.STEP, Kind.STEP};

    SoftBoundsModel() {
        super("soft-bounds", NAMES, KINDS, true, new int[] {2, 3});
    }

    @Override
    Response response(double[] p, double low, double high) {
        double min = p[0];
        double max = p[1];
        double half = 0.5 * (max - min);
        double up = half > 0 ? p[2] / half : 0;
        double down = half > 0 ? p[3] / half : 0;
        return (g, isUp) -> {
            if (!(half > 0)) {
                return g;
            }
            double x = clip(g, min, max);
            double next = isUp ? x + up * (max - x) : x - down * (x - min);
            return clip(next, min, max);
        };
    }

    static double[] windowLower(Pairs pairs) {
        double range = pairs.range();
        return new double[] {Math.max(pairs.zero, pairs.low - 10 * range), pairs.high - 0.5 * range};
    }

    static double[] windowUpper(Pairs pairs) {
        double range = pairs.range();
        return new double[] {pairs.low + 0.5 * range, pairs.high + 10 * range};
    }

    @Override
    double[] lower(Pairs pairs) {
        double[] window = windowLower(pairs);
        return new double[] {window[0], window[1], 1e-7 * pairs.range(), 1e-7 * pairs.range()};
    }

    @Override
    double[] upper(Pairs pairs) {
        double[] window = windowUpper(pairs);
        return new double[] {window[0], window[1], 2 * pairs.range(), 2 * pairs.range()};
    }

    @Override
    double[] typical(Pairs pairs) {
        double[] constant = ConstantStepModel.meanSteps(pairs);
        return new double[] {pairs.range(), pairs.range(), constant[0], constant[1]};
    }

    @Override
    List<double[]> starts(Pairs pairs) {
        List<double[]> starts = new ArrayList<>();
        double range = pairs.range();
        double[] constant = ConstantStepModel.meanSteps(pairs);
        double min = Math.max(pairs.zero, pairs.low - 0.05 * range);
        double max = pairs.high + 0.05 * range;
        starts.add(new double[] {min, max, constant[0], constant[1]});
        // Lines: up step = rate+ (Gmax - G) = rate+ Gmax - rate+ G; down |step| = rate- (G - Gmin).
        double[] up = pairs.line(true, g -> g);
        double[] down = pairs.line(false, g -> g);
        if (up != null && down != null && up[1] < 0 && down[1] < 0) {
            double rateUp = -up[1];
            double rateDown = -down[1];
            double fittedMax = up[0] / rateUp;
            double fittedMin = -down[0] / rateDown;
            double[] lower = lower(pairs);
            double[] upper = upper(pairs);
            if (fittedMax > fittedMin && Double.isFinite(fittedMax) && Double.isFinite(fittedMin)) {
                double a = Math.max(lower[0], Math.min(upper[0], fittedMin));
                double b = Math.max(lower[1], Math.min(upper[1], fittedMax));
                double half = 0.5 * (b - a);
                if (half > 0) {
                    starts.add(new double[] {a, b, Math.max(lower[2], Math.min(upper[2], rateUp * half)),
                        Math.max(lower[3], Math.min(upper[3], rateDown * half))});
                }
            }
        }
        return starts;
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        double[] steps = legalSteps(p[2], p[3], p[0], p[1]);
        return new double[] {p[0], p[1], steps[0], steps[1]};
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        return new SoftBoundsResponseConfig(stepSize(p[2], p[3], p[0], p[1]), -1, 1, asymmetry(p[2], p[3]), true);
    }
}
