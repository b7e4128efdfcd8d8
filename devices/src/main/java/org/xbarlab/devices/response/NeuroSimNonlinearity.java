package org.xbarlab.devices.response;

import org.xbarlab.core.Checks;

/**
 * NeuroSim's nonlinearity label and the normalized curve it stands for (MLP+NeuroSim V3.0, user manual eq. 1-3 and
 * its table {@code Nonlinearity-NormA}; neurosim.md section 1.3).
 *
 * <p><b>Curve.</b> With the pulse position {@code x} in [0, 1] (pulse number over the number of levels) and the
 * normalized conductance {@code u = (G - Gmin) / (Gmax - Gmin)}: {@code u = f(x; a) = (1 - exp(-x / a)) / (1 -
 * exp(-1 / a))}, where {@code a} is NeuroSim's normalized A (A divided by the number of levels). A positive {@code a}
 * gives a concave (saturating) curve, a negative one the mirrored convex curve (NeuroSim applies its LTP formula with
 * a negative A for the depression branch), and {@code a = infinity} the straight line {@code u = x}.
 *
 * <p><b>Label.</b> NeuroSim quotes devices by a label NL (0.01 to 9 in its table, the sign giving the curvature),
 * not by A. The table is reproduced, to the 4 to 6 significant digits it prints, by
 * {@code |NL| = K * D(|a|)}, where {@code D(a) = max over x of (f(x; a) - x) = B - a - a ln(B / a)} with
 * {@code B = 1 / (1 - exp(-1 / a))} is the largest deviation of the normalized curve from the straight line, and
 * {@code K = 10.10153} was fitted to the table's six-digit entries (NL 0.01 to 0.1 give K between 10.10152 and
 * 10.10154; checked entries up to NL 7.67 agree within their rounding). {@code D} falls monotonically from 1 (a to 0)
 * to 0 (a to infinity), so each label in (0, K) has exactly one A, found here by bisection on {@code ln a}. For small
 * labels {@code a ~ 1.2627 / NL}, as NeuroSim's table shows. Labels with {@code |NL| < }{@link #LINEAR_LABEL} count
 * as linear.
 *
 * <p>Thread-safety: stateless.
 */
public final class NeuroSimNonlinearity {

    /** Scale between the curve's largest deviation from linear and NeuroSim's label; fitted, see class doc. */
    public static final double LABEL_SCALE = 10.10153;

    /** Largest label magnitude accepted: NeuroSim's table ends at 9 (the label tends to {@link #LABEL_SCALE}). */
    public static final double MAX_LABEL = 9.5;

    /** Labels of smaller magnitude are treated as a linear curve ({@code a = infinity}). */
    public static final double LINEAR_LABEL = 1e-4;

    private static final double MIN_A = 1e-3;
    private static final double MAX_A = 1e7;
    private static final int BISECTION_STEPS = 200;

    private NeuroSimNonlinearity() {
    }

    /**
     * The largest deviation {@code D(a)} of the normalized curve from the straight line, for {@code a > 0}.
     *
     * @param normalizedA positive and finite
     * @return in (0, 1)
     */
    public static double maxDeviation(double normalizedA) {
        Checks.positiveFinite("normalizedA", normalizedA);
        double a = normalizedA;
        double b = 1.0 / -Math.expm1(-1.0 / a);
        return b - a - a * Math.log1p((b - a) / a);
    }

    /**
     * NeuroSim's label for a normalized A.
     *
     * @param normalizedA non-zero, may be infinite (linear, label 0); the sign is kept
     * @return the label
     */
    public static double label(double normalizedA) {
        if (Double.isInfinite(normalizedA)) {
            return 0;
        }
        Checks.isTrue(normalizedA != 0 && !Double.isNaN(normalizedA), "normalizedA must be non-zero, got %s",
                Checks.number(normalizedA));
        return Math.signum(normalizedA) * LABEL_SCALE * maxDeviation(Math.abs(normalizedA));
    }

    /**
     * The normalized A of a label, solving {@code |NL| = K D(|a|)} (see the class documentation).
     *
     * @param label NeuroSim's NL, in [-{@link #MAX_LABEL}, {@link #MAX_LABEL}]
     * @return a with the label's sign, or {@link Double#POSITIVE_INFINITY} for a linear curve
     * @throws IllegalArgumentException if the label is out of range
     */
    public static double normalizedA(double label) {
        Checks.inClosedRange("nonlinearity", label, -MAX_LABEL, MAX_LABEL);
        double target = Math.abs(label);
        if (target < LINEAR_LABEL) {
            return Double.POSITIVE_INFINITY;
        }
        double lo = Math.log(MIN_A);
        double hi = Math.log(MAX_A);
        for (int i = 0; i < BISECTION_STEPS && hi - lo > 1e-13; i++) {
            double mid = 0.5 * (lo + hi);
            // D decreases with a: a deviation above target means a is too small.
            if (LABEL_SCALE * maxDeviation(Math.exp(mid)) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.signum(label) * Math.exp(0.5 * (lo + hi));
    }

    /**
     * The normalized curve {@code f(x; a)}.
     *
     * @param position pulse position x, normally in [0, 1]
     * @param normalizedA a, non-zero; infinite for the straight line
     * @return the normalized conductance u
     */
    public static double curve(double position, double normalizedA) {
        if (Double.isInfinite(normalizedA)) {
            return position;
        }
        return Math.expm1(-position / normalizedA) / Math.expm1(-1.0 / normalizedA);
    }

    /**
     * The inverse of {@link #curve}: the pulse position of a normalized conductance.
     *
     * @param normalizedConductance u, normally in [0, 1]
     * @param normalizedA a, non-zero; infinite for the straight line
     * @return the position x
     */
    public static double position(double normalizedConductance, double normalizedA) {
        if (Double.isInfinite(normalizedA)) {
            return normalizedConductance;
        }
        return -normalizedA * Math.log1p(normalizedConductance * Math.expm1(-1.0 / normalizedA));
    }
}
