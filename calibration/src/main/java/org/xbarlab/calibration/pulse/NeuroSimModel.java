package org.xbarlab.calibration.pulse;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearity;
import org.xbarlab.devices.response.PulseResponseConfig;

/**
 * NeuroSim's nonlinear potentiation and depression curves (devices {@code neurosim-nonlinear}; MLP+NeuroSim V3.0
 * {@code RealDevice}, user manual eq. 1-3; neurosim.md section 1.3): with {@code u = (G - Gmin) / (Gmax - Gmin)}
 * and the branch's curve {@code u = f(x; a)} ({@link NeuroSimNonlinearity#curve}), a pulse moves the position
 * {@code x = f^-1(u)} by {@code 1/P} (potentiation, P levels) or {@code -1/D} (depression), stopping at 0 and 1.
 * Between the ends each branch is an affine map of G (for this exponential family {@code f(f^-1(u) + delta)} is
 * {@code A + B u}), so the window shows only where the curves stop: like the hard-bound models, the window is the
 * observed range. Parameters: {@code potentiationLevelCount} P,
 * {@code depressionLevelCount} D (whole numbers in the preset: fitted as real numbers, then rounded and the rest
 * refitted), {@code potentiationNonlinearity}, {@code depressionNonlinearity} (NeuroSim's NL labels, in [-9.5, 9.5],
 * turned into a by {@link NeuroSimNonlinearity#normalizedA}, the devices module's own conversion). Device-to-device:
 * bounds (relative to the window, NeuroSim's range variation) and the labels' additive spread (NeuroSim's
 * {@code sigmaDtoD}, {@code nonlinearityDeviceToDevice}, pooled over both branches).
 *
 * <p>While fitting, labels below 1e-3 in magnitude use the small-label limit {@code a = K / (8 NL)} (K =
 * {@link NeuroSimNonlinearity#LABEL_SCALE}) so the map stays smooth through NL = 0; the final map is the devices
 * module's, which treats |NL| below {@link NeuroSimNonlinearity#LINEAR_LABEL} as a straight line.
 */
final class NeuroSimModel extends PulseModel {

    private static final String[] NAMES = {"potentiationLevelCount", "depressionLevelCount",
        "potentiationNonlinearity", "depressionNonlinearity"};
    private static final Kind[] KINDS = {Kind.NUMBER, Kind.NUMBER, Kind.NUMBER, Kind.NUMBER};
    private static final double MAX_LEVELS = 1_000_000;
    private static final double SMALL_LABEL = 1e-3;
    private static final double[] LABEL_GRID = {-8, -5, -3, -2, -1, -0.5, 0, 0.5, 1, 2, 3, 5, 8};
    private static final double[] LEVEL_FACTORS = {0.5, 0.7, 1, 1.4, 2};

    NeuroSimModel() {
        super("neurosim-nonlinear", NAMES, KINDS, false, null);
    }

    @Override
    int[] integerParameters() {
        return new int[] {0, 1};
    }

    @Override
    boolean boundsRelativeToWindow() {
        return true;
    }

    /** The fitting map's normalized A of a label: smooth through 0. */
    static double smoothA(double label) {
        double clamped = Math.max(-NeuroSimNonlinearity.MAX_LABEL, Math.min(NeuroSimNonlinearity.MAX_LABEL, label));
        if (clamped == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (Math.abs(clamped) < SMALL_LABEL) {
            return NeuroSimNonlinearity.LABEL_SCALE / (8 * clamped);
        }
        return NeuroSimNonlinearity.normalizedA(clamped);
    }

    @Override
    Response response(double[] p, double low, double high) {
        return map(p, low, high, smoothA(p[2]), smoothA(p[3]));
    }

    @Override
    Response finalResponse(double[] p, double low, double high) {
        return map(p, low, high, NeuroSimNonlinearity.normalizedA(p[2]), NeuroSimNonlinearity.normalizedA(p[3]));
    }

    private static Response map(double[] p, double min, double max, double aUp, double aDown) {
        double width = max - min;
        double stepUp = 1 / p[0];
        double stepDown = 1 / p[1];
        return (g, isUp) -> {
            if (!(width > 0)) {
                return g;
            }
            double x = clip(g, min, max);
            double u = Math.max(0, Math.min(1, (x - min) / width));
            double a = isUp ? aUp : aDown;
            double position = NeuroSimNonlinearity.position(u, a);
            double next = Math.max(0, Math.min(1, position + (isUp ? stepUp : -stepDown)));
            double moved = NeuroSimNonlinearity.curve(next, a);
            return clip(x + (moved - u) * width, min, max);
        };
    }

    @Override
    double[] lower(Pairs pairs) {
        return new double[] {1, 1, -NeuroSimNonlinearity.MAX_LABEL, -NeuroSimNonlinearity.MAX_LABEL};
    }

    @Override
    double[] upper(Pairs pairs) {
        return new double[] {MAX_LEVELS, MAX_LEVELS, NeuroSimNonlinearity.MAX_LABEL, NeuroSimNonlinearity.MAX_LABEL};
    }

    @Override
    double[] typical(Pairs pairs) {
        double[] start = starts(pairs).get(0);
        return new double[] {start[0], start[1], 1, 1};
    }

    @Override
    List<double[]> starts(Pairs pairs) {
        double min = pairs.low;
        double max = pairs.high;
        double range = pairs.range();
        double[] steps = ConstantStepModel.meanSteps(pairs);
        double levelsUp = range / steps[0];
        double levelsDown = range / steps[1];
        double[] up = bestBranch(pairs, true, min, max, levelsUp);
        double[] down = bestBranch(pairs, false, min, max, levelsDown);
        List<double[]> starts = new ArrayList<>();
        starts.add(new double[] {up[0], down[0], up[1], down[1]});
        return starts;
    }

    /** Grid search of {levels, label} for one branch on the observed window. */
    private static double[] bestBranch(Pairs pairs, boolean up, double min, double max, double levels) {
        double[] best = {Math.max(1, Math.min(MAX_LEVELS, levels)), 0};
        double bestRss = Double.POSITIVE_INFINITY;
        double[] p = {1, 1, 0, 0};
        for (double factor : LEVEL_FACTORS) {
            double count = Math.max(1, Math.min(MAX_LEVELS, levels * factor));
            for (double label : LABEL_GRID) {
                p[0] = count;
                p[1] = count;
                p[2] = label;
                p[3] = label;
                double a = smoothA(label);
                Response map = map(p, min, max, a, a);
                double rss = 0;
                for (int i = 0; i < pairs.size(); i++) {
                    if (pairs.up[i] == up) {
                        double r = pairs.after[i] - map.next(pairs.before[i], up);
                        rss += r * r;
                    }
                }
                if (rss < bestRss) {
                    bestRss = rss;
                    best = new double[] {count, label};
                }
            }
        }
        return best;
    }

    @Override
    double[] legalize(double[] p, double low, double high) {
        double[] legal = p.clone();
        legal[0] = Math.max(1, Math.min(MAX_LEVELS, Math.rint(p[0])));
        legal[1] = Math.max(1, Math.min(MAX_LEVELS, Math.rint(p[1])));
        legal[2] = Math.max(-NeuroSimNonlinearity.MAX_LABEL, Math.min(NeuroSimNonlinearity.MAX_LABEL, p[2]));
        legal[3] = Math.max(-NeuroSimNonlinearity.MAX_LABEL, Math.min(NeuroSimNonlinearity.MAX_LABEL, p[3]));
        return legal;
    }

    @Override
    PulseResponseConfig responseConfig(double[] p, double low, double high) {
        return new NeuroSimNonlinearResponseConfig((int) p[0], (int) p[1], p[2], p[3]);
    }

    @Override
    double nonlinearitySpread(List<UnitFit> fits, double[] nominal) {
        return Spread.pooled(fits, 2, 3);
    }
}
