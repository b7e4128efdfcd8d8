package org.xbarlab.devices.drift;

import java.util.function.DoubleUnaryOperator;

/**
 * Expectations {@code E[f(ξ)]} over a standard normal ξ by composite Simpson integration on
 * [{@value #LIMIT_SIGMAS}σ either side], for the closed-form checks of the drift models (not API). The integrand may
 * have one kink (a derivative jump, from {@code |·|} or a clip); the range is split there so that Simpson's rule
 * keeps its fourth-order accuracy on both sides.
 */
final class StandardNormalExpectation {

    /** Integration half-range in standard deviations: the normal tail beyond 12σ is below 1e-32. */
    static final double LIMIT_SIGMAS = 12.0;

    /** Simpson intervals per unit of ξ: step 1/400; with smooth integrands the error is far below 1e-12. */
    private static final int INTERVALS_PER_UNIT = 400;

    private static final double INVERSE_SQRT_TWO_PI = 1.0 / Math.sqrt(2 * Math.PI);

    private StandardNormalExpectation() {
    }

    /**
     * {@code E[f(ξ)]} for a standard normal ξ.
     *
     * @param f the function, smooth except possibly at {@code kink}
     * @param kink where {@code f} has a derivative jump, or NaN if nowhere
     * @return the expectation
     */
    static double of(DoubleUnaryOperator f, double kink) {
        if (kink > -LIMIT_SIGMAS && kink < LIMIT_SIGMAS) {
            return simpson(f, -LIMIT_SIGMAS, kink) + simpson(f, kink, LIMIT_SIGMAS);
        }
        return simpson(f, -LIMIT_SIGMAS, LIMIT_SIGMAS);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b) {
        int n = Math.max(2, 2 * (int) Math.ceil((b - a) * INTERVALS_PER_UNIT / 2));
        double h = (b - a) / n;
        double sum = weighted(f, a) + weighted(f, b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * weighted(f, a + i * h);
        }
        return sum * h / 3;
    }

    private static double weighted(DoubleUnaryOperator f, double xi) {
        return f.applyAsDouble(xi) * Math.exp(-0.5 * xi * xi) * INVERSE_SQRT_TWO_PI;
    }
}
