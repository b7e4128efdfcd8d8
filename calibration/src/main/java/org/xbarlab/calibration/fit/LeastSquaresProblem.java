package org.xbarlab.calibration.fit;

import java.util.Arrays;

import org.xbarlab.core.Checks;

/**
 * A weighted nonlinear least-squares problem: minimize {@code sum_i w_i (y_i - f_i(p))^2} over the parameters
 * {@code p} inside a box {@code lower <= p <= upper}. Immutable (the arrays are copied).
 *
 * @param names parameter names, one per parameter, for messages
 * @param model the model f, not null; it must accept any point of the box
 * @param observations y, finite, at least one
 * @param weights w, one per observation, finite and non-negative; null means all 1
 * @param start the starting point, inside the box
 * @param typicalMagnitudes a typical magnitude of each parameter (positive), which sets the finite-difference step
 *        {@code 1e-6 max(|p_j|, typical_j)}
 * @param lower lower bounds (may be {@code -infinity})
 * @param upper upper bounds (may be {@code +infinity}), above the lower bounds
 * @param maxIterations the largest number of Levenberg-Marquardt iterations, positive
 */
public record LeastSquaresProblem(String[] names, LeastSquaresModel model, double[] observations, double[] weights,
                                  double[] start, double[] typicalMagnitudes, double[] lower, double[] upper,
                                  int maxIterations) {

    /** Default iteration cap: generous for the few-parameter models of this module. */
    public static final int DEFAULT_MAX_ITERATIONS = 2000;

    /** Validates shapes and values; copies the arrays. */
    public LeastSquaresProblem {
        Checks.notNull("names", names);
        Checks.notNull("model", model);
        Checks.notNull("observations", observations);
        Checks.notNull("start", start);
        int p = names.length;
        Checks.positive("parameter count", p);
        Checks.positive("observation count", observations.length);
        Checks.isTrue(start.length == p && typicalMagnitudes.length == p && lower.length == p && upper.length == p,
                "start, typicalMagnitudes, lower and upper must have one value per parameter (%s)", p);
        Checks.isTrue(weights == null || weights.length == observations.length,
                "weights must have one value per observation (%s), got %s", observations.length,
                weights == null ? 0 : weights.length);
        for (int i = 0; i < observations.length; i++) {
            Checks.finite("observations[" + i + "]", observations[i]);
            if (weights != null) {
                Checks.nonNegativeFinite("weights[" + i + "]", weights[i]);
            }
        }
        for (int j = 0; j < p; j++) {
            Checks.positiveFinite("typicalMagnitudes[" + j + "]", typicalMagnitudes[j]);
            Checks.isTrue(lower[j] < upper[j], "lower bound of %s (%s) must be below its upper bound (%s)", names[j],
                    Checks.number(lower[j]), Checks.number(upper[j]));
            Checks.isTrue(start[j] >= lower[j] && start[j] <= upper[j], "start of %s (%s) must be in [%s, %s]",
                    names[j], Checks.number(start[j]), Checks.number(lower[j]), Checks.number(upper[j]));
        }
        Checks.positive("maxIterations", maxIterations);
        names = names.clone();
        observations = observations.clone();
        weights = weights == null ? null : weights.clone();
        start = start.clone();
        typicalMagnitudes = typicalMagnitudes.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /**
     * An unweighted, unbounded problem with the default iteration cap.
     *
     * @param names parameter names
     * @param model the model
     * @param observations y
     * @param start the starting point
     * @param typicalMagnitudes typical magnitudes of the parameters
     * @return the problem
     */
    public static LeastSquaresProblem of(String[] names, LeastSquaresModel model, double[] observations,
                                         double[] start, double[] typicalMagnitudes) {
        double[] lower = new double[start.length];
        double[] upper = new double[start.length];
        Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        return new LeastSquaresProblem(names, model, observations, null, start, typicalMagnitudes, lower, upper,
                DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param value the new weights (one per observation), or null for all 1
     * @return a copy with the weights replaced
     */
    public LeastSquaresProblem withWeights(double[] value) {
        return new LeastSquaresProblem(names, model, observations, value, start, typicalMagnitudes, lower, upper,
                maxIterations);
    }

    /**
     * @param value the new starting point
     * @return a copy starting there
     */
    public LeastSquaresProblem withStart(double[] value) {
        return new LeastSquaresProblem(names, model, observations, weights, value, typicalMagnitudes, lower, upper,
                maxIterations);
    }

    /**
     * @return the number of parameters
     */
    public int parameterCount() {
        return names.length;
    }

    /**
     * @return the number of observations
     */
    public int observationCount() {
        return observations.length;
    }

    /**
     * The weight of one observation.
     *
     * @param i observation index
     * @return {@code weights[i]}, or 1 when unweighted
     */
    public double weight(int i) {
        return weights == null ? 1 : weights[i];
    }
}
