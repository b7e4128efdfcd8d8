package org.xbarlab.calibration.fit;

import java.util.Arrays;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.EvaluationRmsChecker;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Solves {@link LeastSquaresProblem}s by Levenberg-Marquardt (Apache Commons Math's
 * {@code LevenbergMarquardtOptimizer}, a translation of MINPACK's lmder, Moré 1978, with its default tolerances of
 * 1e-10 on the relative cost and parameter changes). The Jacobian is computed by central differences with step
 * {@code h_j = 1e-6 max(|p_j|, typical_j)} (one-sided at a bound), which is accurate to about 1e-10 relative for the
 * smooth double-precision models of this module. Box constraints are enforced by projecting every trial point onto
 * the box (Commons Math's parameter validator).
 *
 * <p>The covariance {@code s^2 (J^T W J)^-1} is computed from the column-scaled Jacobian by a singular value
 * decomposition; a reciprocal condition number below {@value #SINGULAR_CONDITION} marks the problem as singular
 * (standard errors NaN).
 *
 * <p>Thread-safety: stateless; problems may be solved concurrently if their models are thread-safe.
 */
public final class LeastSquares {

    /** Reciprocal condition number of the scaled normal matrix below which the covariance is not reported. */
    public static final double SINGULAR_CONDITION = 1e-13;

    /** Relative change of the RMS residual between accepted iterations below which the fit has converged. */
    public static final double RMS_RELATIVE_TOLERANCE = 1e-12;

    /** Relative finite-difference step. */
    private static final double DIFFERENCE_STEP = 1e-6;

    private LeastSquares() {
    }

    /**
     * Fits a problem.
     *
     * @param problem the problem, not null
     * @return the optimum with standard errors
     * @throws FitFailedException if the optimizer stops without a result (too many evaluations) or the model returns a
     *         non-finite value; reaching the iteration cap is not an error: the result's {@code converged()} is false
     */
    public static LeastSquaresResult fit(LeastSquaresProblem problem) {
        int n = problem.observationCount();
        int p = problem.parameterCount();
        int[] evaluations = {0};
        double[] scratch = new double[n];
        boolean[] capped = {false};
        EvaluationRmsChecker rms = new EvaluationRmsChecker(RMS_RELATIVE_TOLERANCE, 0);
        LeastSquaresBuilder builder = new LeastSquaresBuilder()
                .start(problem.start())
                .target(problem.observations())
                .model(point -> {
                    evaluations[0]++;
                    double[] values = new double[n];
                    predict(problem, point, values);
                    return values;
                }, point -> jacobian(problem, point, scratch))
                .lazyEvaluation(true)
                .parameterValidator(vector -> new ArrayRealVector(clamp(problem, vector.toArray()), false))
                // Besides MINPACK's own tests, stop when an accepted step changes the RMS residual by less than 1e-12
                // relative, and at the iteration cap: in a flat valley (a parameter the data barely determine)
                // Levenberg-Marquardt otherwise creeps for thousands of iterations without changing the fit. A fit
                // stopped by the cap returns its last point with converged() false.
                .checker((iteration, previous, current) -> {
                    if (iteration >= problem.maxIterations()) {
                        capped[0] = true;
                        return true;
                    }
                    return rms.converged(iteration, previous, current);
                })
                .maxIterations(problem.maxIterations() + 10)
                .maxEvaluations(Math.max(1000, 20 * problem.maxIterations()));
        if (problem.weights() != null) {
            builder.weight(new DiagonalMatrix(problem.weights()));
        }
        LeastSquaresOptimizer.Optimum optimum;
        try {
            optimum = new LevenbergMarquardtOptimizer().optimize(builder.build());
        } catch (TooManyIterationsException | TooManyEvaluationsException e) {
            throw new FitFailedException("no convergence within " + problem.maxIterations() + " iterations", e);
        } catch (MathIllegalStateException e) {
            throw new FitFailedException("the optimizer stopped: " + e.getMessage(), e);
        }
        double[] estimate = clamp(problem, optimum.getPoint().toArray());
        double[] predictions = new double[n];
        predict(problem, estimate, predictions);
        double weightedRss = 0;
        for (int i = 0; i < n; i++) {
            double r = problem.observations()[i] - predictions[i];
            weightedRss += problem.weight(i) * r * r;
        }
        // Observations of weight 0 are left out: they count neither as data nor as degrees of freedom.
        int used = 0;
        for (int i = 0; i < n; i++) {
            used += problem.weight(i) > 0 ? 1 : 0;
        }
        double variance = used > p ? weightedRss / (used - p) : Double.NaN;
        double[][] covariance = covariance(problem, estimate, variance, scratch);
        double[] errors = new double[p];
        for (int j = 0; j < p; j++) {
            errors[j] = Math.sqrt(covariance[j][j]);
        }
        return new LeastSquaresResult(estimate, errors, covariance, predictions, weightedRss, variance,
                optimum.getIterations(), evaluations[0], !capped[0]);
    }

    private static void predict(LeastSquaresProblem problem, double[] point, double[] values) {
        problem.model().predict(point, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new FitFailedException("the model gave " + values[i] + " for observation " + i + " at "
                        + describe(problem, point), null);
            }
        }
    }

    private static String describe(LeastSquaresProblem problem, double[] point) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < point.length; j++) {
            text.append(j == 0 ? "" : ", ").append(problem.names()[j]).append(" = ").append(point[j]);
        }
        return text.toString();
    }

    private static double[] clamp(LeastSquaresProblem problem, double[] point) {
        double[] clamped = point.clone();
        for (int j = 0; j < clamped.length; j++) {
            if (Double.isNaN(clamped[j])) {
                clamped[j] = problem.start()[j];
            }
            clamped[j] = Math.max(problem.lower()[j], Math.min(problem.upper()[j], clamped[j]));
        }
        return clamped;
    }

    /** Central-difference Jacobian of the (unweighted) model, n x p. */
    static double[][] jacobian(LeastSquaresProblem problem, double[] point, double[] scratch) {
        int n = problem.observationCount();
        int p = problem.parameterCount();
        double[][] jacobian = new double[n][p];
        double[] shifted = point.clone();
        double[] plus = new double[n];
        double[] minus = scratch;
        for (int j = 0; j < p; j++) {
            double h = DIFFERENCE_STEP * Math.max(Math.abs(point[j]), problem.typicalMagnitudes()[j]);
            double up = Math.min(problem.upper()[j], point[j] + h);
            double down = Math.max(problem.lower()[j], point[j] - h);
            shifted[j] = up;
            predict(problem, shifted, plus);
            shifted[j] = down;
            predict(problem, shifted, minus);
            shifted[j] = point[j];
            double width = up - down;
            for (int i = 0; i < n; i++) {
                jacobian[i][j] = (plus[i] - minus[i]) / width;
            }
        }
        return jacobian;
    }

    /** {@code s^2 (J^T W J)^-1} from the column-scaled normal matrix; NaN when singular. */
    private static double[][] covariance(LeastSquaresProblem problem, double[] point, double variance,
                                         double[] scratch) {
        int n = problem.observationCount();
        int p = problem.parameterCount();
        double[][] jacobian = jacobian(problem, point, scratch);
        double[][] normal = new double[p][p];
        for (int i = 0; i < n; i++) {
            double w = problem.weight(i);
            double[] row = jacobian[i];
            for (int a = 0; a < p; a++) {
                double wa = w * row[a];
                for (int b = a; b < p; b++) {
                    normal[a][b] += wa * row[b];
                }
            }
        }
        double[] scale = new double[p];
        for (int a = 0; a < p; a++) {
            scale[a] = normal[a][a] > 0 ? 1 / Math.sqrt(normal[a][a]) : 0;
        }
        double[][] scaled = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                scaled[a][b] = normal[a][b] * scale[a] * scale[b];
                scaled[b][a] = scaled[a][b];
            }
        }
        double[][] result = new double[p][p];
        boolean singular = Double.isNaN(variance);
        for (double s : scale) {
            singular |= s == 0;
        }
        SingularValueDecomposition svd = singular ? null
                : new SingularValueDecomposition(new Array2DRowRealMatrix(scaled, false));
        if (svd == null || !(svd.getInverseConditionNumber() >= SINGULAR_CONDITION)) {
            for (double[] row : result) {
                Arrays.fill(row, Double.NaN);
            }
            return result;
        }
        RealMatrix inverse = svd.getSolver().getInverse();
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                result[a][b] = variance * inverse.getEntry(a, b) * scale[a] * scale[b];
            }
        }
        return result;
    }
}
