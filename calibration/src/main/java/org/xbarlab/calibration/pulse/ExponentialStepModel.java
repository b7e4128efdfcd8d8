package org.xbarlab.calibration.pulse;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.devices.response.ExponentialStepResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * aihwkit's {@code ExpStepDevice} (devices {@code exp-step}; aihwkit.md section 1.3), with its scale a = +1 or -1 (a
 * variant, chosen on the pooled data) and offset b = 0: {@code z = a (G - G0) / (W/2)},
 * {@code y+ = max(0, 1 - A+ exp(gamma+ z))}, {@code y- = max(0, 1 - A- exp(-gamma- z))}; up {@code G + s+ y+}, down
 * {@code G - s- y-}, clipped to the window. Any (a, b) of aihwkit maps onto this form ({@code A' = A exp(gamma b)},
 * {@code gamma' = gamma |a|}), so nothing is lost. Parameters: {@code potentiationStepSiemens} s+,
 * {@code depressionStepSiemens} s-, {@code amplitudeUp} A+, {@code amplitudeDown} A-, {@code gammaUp},
 * {@code gammaDown} (in [0, 100]). Hard bounds: the window is the observed range. Device-to-device: steps and bounds
 * (aihwkit draws no spread of A or gamma).
 */
final class ExponentialStepModel extends PulseModel {

    private static final String[] NAMES = {"potentiationStepSiemens", "depressionStepSiemens", "amplitudeUp",
        "amplitudeDown", "gammaUp", "gammaDown"};
    private static final Kind[] KINDS = {Kind.STEP, Kind.STEP, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER};
    private static final double MAX_AMPLITUDE = 1e6;
    /** Grid of gamma for the starting point (variable projection: for fixed gamma the step is linear in s, sA). */
    private static final double[] GAMMA_GRID = {0.1, 0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32};

    private final double scale;

    /**
     * @param scale aihwkit's a, +1 or -1
     */
    ExponentialStepModel(double scale) {
        super("exp-step", NAMES, KINDS, false, new int[] {0, 1});
        this.scale = scale;
    }

    ExponentialStepModel() {
        this(1);
    }

    @Override
    String variant() {
        return scale > 0 ? "a = +1" : "a = -1";
    }

    @Override
    List<PulseModel> variants() {
        return List.of(new ExponentialStepModel(1), new ExponentialStepModel(-1));
    }

    @Override
    Response response(double[] p, double low, double high) {
        double middle = 0.5 * (low + high);
        double half = 0.5 * (high - low);
        return (g, isUp) -> {
            if (!(half > 0)) {
                return g;
            }
            double x = clip(g, low, high);
            double z = scale * (x - middle) / half;
            double next;
            if (isUp) {
                next = x + p[0] * Math.max(0, 1 - p[2] * Math.exp(p[4] * z));
            } else {
                next = x - p[1] * Math.max(0, 1 - p[3] * Math.exp(-p[5] * z));
            }
            return clip(next, low, high);
        };
    }

    @Override
    double[] lower(Pairs pairs) {
        return new double[] {1e-7 * pairs.range(), 1e-7 * pairs.range(), -MAX_AMPLITUDE, -MAX_AMPLITUDE, 0, 0};
    }

    @Override
    double[] upper(Pairs pairs) {
        return new double[] {pairs.range(), pairs.range(), MAX_AMPLITUDE, MAX_AMPLITUDE, MAX_GAMMA,
            MAX_GAMMA};
    }

    @Override
    double[] typical(Pairs pairs) {
        double[] constant = ConstantStepModel.meanSteps(pairs);
        return new double[] {constant[0], constant[1], 0.1, 0.1, 1, 1};
    }

    @Override
    List<double[]> starts(Pairs pairs) {
        double middle = 0.5 * (pairs.low + pairs.high);
        double half = 0.5 * pairs.range();
        double[] up = bestBranch(pairs, true, middle, half);
        double[] down = bestBranch(pairs, false, middle, half);
        List<double[]> starts = new ArrayList<>();
        double[] lower = lower(pairs);
        double[] upper = upper(pairs);
        double[] start = {up[0], down[0], up[1], down[1], up[2], down[2]};
        for (int j = 0; j < start.length; j++) {
            start[j] = Math.max(lower[j], Math.min(upper[j], start[j]));
        }
        starts.add(start);
        return starts;
    }

    /**
     * For each gamma of the grid, the least-squares {s, sA} of {@code step = s - sA exp(+-gamma z)} over the
     * direction's pairs away from the observed edges; returns the best {s, A, gamma}.
     */
    private double[] bestBranch(Pairs pairs, boolean up, double middle, double half) {
        double sign = up ? 1 : -1;
        double[] best = {ConstantStepModel.positive(sign * pairs.meanStep(up), pairs), 0, 1};
        double bestRss = Double.POSITIVE_INFINITY;
        for (double gamma : GAMMA_GRID) {
            double[] line = pairs.line(up, g -> Math.exp(sign * gamma * scale * (g - middle) / half));
            if (line == null) {
                continue;
            }
            double s = sign * line[0];
            double sa = -sign * line[1];
            if (s > 0 && line[2] < bestRss) {
                bestRss = line[2];
                best = new double[] {s, sa / s, gamma};
            }
        }
        return best;
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        double[] steps = legalSteps(p[0], p[1], low, high);
        return new double[] {steps[0], steps[1], p[2], p[3], clampGamma(p[4]), clampGamma(p[5])};
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        return new ExponentialStepResponseConfig(stepSize(p[0], p[1], low, high), -1, 1, asymmetry(p[0], p[1]),
                p[2], p[3], p[4], p[5], scale, 0, 0, 0);
    }
}
