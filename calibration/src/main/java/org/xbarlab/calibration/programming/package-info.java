/**
 * Fitting the programming noise of one-shot writes (docs/calibration.md, "Fitting programming noise"): the standard
 * deviation of the written conductance as a polynomial of the target, aihwkit's form for PCM (Nandakumar et al.,
 * ICECS 2019). What does not belong here: the programming simulation (devices).
 */
package org.xbarlab.calibration.programming;
