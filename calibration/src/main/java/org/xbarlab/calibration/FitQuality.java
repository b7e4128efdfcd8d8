package org.xbarlab.calibration;

import org.xbarlab.core.Checks;

/**
 * Goodness of a fit, with the information criteria used to choose between models.
 *
 * <p>With n observations, k estimated quantities (the model's parameters of every device fitted, plus the noise
 * scale) and the maximized Gaussian log-likelihood ln L: {@code AIC = 2 k - 2 ln L} (Akaike 1974) and
 * {@code BIC = k ln n - 2 ln L} (Schwarz 1978). Smaller is better; only differences between models fitted to the
 * same observations mean anything.
 *
 * @param observationCount n, positive
 * @param parameterCount k, non-negative
 * @param residualSumOfSquares sum of squared (unweighted) residuals, in the squared unit of the fitted quantity
 *        (S² for conductances), non-negative
 * @param rootMeanSquareError {@code sqrt(residualSumOfSquares / n)}, in the unit of the fitted quantity
 * @param rSquared coefficient of determination as defined by the fit that reports it (its Javadoc says against
 *        which reference), at most 1 (may be negative for a fit worse than the reference)
 * @param logLikelihood ln L, finite
 * @param aic Akaike's information criterion
 * @param bic Schwarz's Bayesian information criterion
 */
public record FitQuality(int observationCount, int parameterCount, double residualSumOfSquares,
                         double rootMeanSquareError, double rSquared, double logLikelihood, double aic,
                         double bic) {

    /** Validates the fields. */
    public FitQuality {
        Checks.positive("observationCount", observationCount);
        Checks.nonNegative("parameterCount", parameterCount);
        Checks.nonNegativeFinite("residualSumOfSquares", residualSumOfSquares);
        Checks.nonNegativeFinite("rootMeanSquareError", rootMeanSquareError);
        Checks.isTrue(rSquared <= 1 + 1e-12 && !Double.isNaN(rSquared), "rSquared must be at most 1, got %s",
                Checks.number(rSquared));
        Checks.finite("logLikelihood", logLikelihood);
        Checks.finite("aic", aic);
        Checks.finite("bic", bic);
    }

    /**
     * Builds the quality of a fit from its residual sum of squares, log-likelihood and R².
     *
     * @param observations n, positive
     * @param parameters k, non-negative
     * @param residualSumOfSquares the unweighted residual sum of squares
     * @param rSquared R² against the fit's reference
     * @param logLikelihood ln L at the optimum
     * @return the quality, with {@code AIC = 2k - 2 ln L} and {@code BIC = k ln n - 2 ln L}
     */
    public static FitQuality of(int observations, int parameters, double residualSumOfSquares, double rSquared,
                                double logLikelihood) {
        return new FitQuality(observations, parameters, residualSumOfSquares,
                Math.sqrt(residualSumOfSquares / observations), rSquared, logLikelihood,
                2.0 * parameters - 2 * logLikelihood, parameters * Math.log(observations) - 2 * logLikelihood);
    }
}
