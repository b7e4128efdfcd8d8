/**
 * Weighted nonlinear least squares by Levenberg-Marquardt (Apache Commons Math 3.6.1,
 * {@code LevenbergMarquardtOptimizer}, after Moré 1978), with box constraints, a central-difference Jacobian and
 * standard errors from the Jacobian at the optimum. Used by every calibration fit; checked against NIST StRD
 * nonlinear-regression problems with certified values. What does not belong here: device models.
 */
package org.xbarlab.calibration.fit;
