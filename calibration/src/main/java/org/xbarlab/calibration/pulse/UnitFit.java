package org.xbarlab.calibration.pulse;

/**
 * The fit of one unit (one device, or all devices pooled), in siemens. Arrays are owned (not copied).
 *
 * @param device the device id, or -1 for a pooled fit
 * @param parameters the legal parameters (S for conductances and steps)
 * @param standardErrors their standard errors (NaN when not determined)
 * @param covariance their covariance (NaN when singular)
 * @param windowLow the window's lower end (S): fitted, or the smallest reading for hard-bound models
 * @param windowHigh the window's upper end (S)
 * @param weights the final least-squares weights of the unit's pairs (relative noise: inverse squared predicted
 *        step; window noise: 1; 0 for pairs a bound may have clipped)
 * @param predictions the devices module's deterministic reading after each pulse (S), from the legal parameters
 * @param iterations Levenberg-Marquardt iterations of the last pass
 */
record UnitFit(int device, double[] parameters, double[] standardErrors, double[][] covariance, double windowLow,
               double windowHigh, double[] weights, double[] predictions, int iterations) {

    double covariance(int a, int b) {
        return covariance[a][b];
    }
}
