/**
 * Fitting the drift exponent's distribution to drift measurements (docs/calibration.md, "Fitting drift"): the power
 * law of PCM drift (Ielmini et al. 2007; Boybat et al. 2018; Le Gallo et al. 2018) per device, then the mean and
 * spread of the exponent across devices, constant ({@code power-law}) or as aihwkit's log-linear functions of the
 * conductance ({@code pcm}, Nandakumar et al. 2019). What does not belong here: the drift simulation (devices).
 */
package org.xbarlab.calibration.drift;
