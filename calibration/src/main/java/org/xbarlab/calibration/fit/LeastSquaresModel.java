package org.xbarlab.calibration.fit;

/** The model of a least-squares problem: its prediction of every observation at a parameter point. */
@FunctionalInterface
public interface LeastSquaresModel {

    /**
     * Predicts the observations.
     *
     * @param parameters the parameter point (inside the problem's box); not modified
     * @param predictions receives one prediction per observation; every element must be written
     */
    void predict(double[] parameters, double[] predictions);
}
