package org.xbarlab.calibration.fit;

/**
 * The optimum of a {@link LeastSquaresProblem}. The arrays are owned by the record (not copied).
 *
 * <p>Standard errors come from the Jacobian J of the weighted residuals at the optimum: the covariance of the
 * estimates is {@code s^2 (J^T W J)^-1} with {@code s^2 = sum w_i r_i^2 / (n - p)} (the residual variance, for
 * weights known up to a common factor), the usual asymptotic result (Seber and Wild, Nonlinear Regression, 1989,
 * section 2.1) and what NIST StRD certifies as "standard deviation" of each estimate. Observations of weight 0 are
 * left out of n. When {@code J^T W J} is
 * singular (a parameter the data do not determine) the standard errors and the covariance are NaN.
 *
 * @param parameters the estimates
 * @param standardErrors their standard errors, or NaN when not determined
 * @param covariance {@code s^2 (J^T W J)^-1}, p x p, or NaN when singular
 * @param predictions the model at the estimates, one per observation
 * @param weightedResidualSumOfSquares {@code sum w_i r_i^2} at the estimates
 * @param residualVariance {@code s^2}, or NaN when {@code n <= p} (n counting the observations of positive weight)
 * @param iterations Levenberg-Marquardt iterations used
 * @param evaluations model evaluations used (Jacobians not counted)
 * @param converged whether a convergence test stopped the iterations (false: the iteration cap did, and the result
 *        is the last point reached)
 */
public record LeastSquaresResult(double[] parameters, double[] standardErrors, double[][] covariance,
                                 double[] predictions, double weightedResidualSumOfSquares, double residualVariance,
                                 int iterations, int evaluations, boolean converged) {

    /**
     * @return whether the standard errors are known (the Jacobian had full rank)
     */
    public boolean determined() {
        for (double error : standardErrors) {
            if (Double.isNaN(error)) {
                return false;
            }
        }
        return true;
    }
}
