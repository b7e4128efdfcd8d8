package org.xbarlab.calibration.fit;

/**
 * A least-squares fit that did not reach an optimum (too many iterations, a model that gave a non-finite value).
 * Callers that know the data set turn it into a {@link org.xbarlab.calibration.CalibrationDataException}.
 */
public final class FitFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, for the user
     * @param cause the optimizer's exception, or null
     */
    public FitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
