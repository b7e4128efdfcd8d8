/**
 * Conductance drift after programming, vectorized over flat {@code float[]} populations: the power law
 * {@code G(t) = G(t0)·(t/t0)^(−ν)} with a drift exponent ν drawn per device at programming time
 * ({@link org.xbarlab.devices.drift.Drift}), chosen by the sealed config family
 * {@link org.xbarlab.devices.drift.DriftConfig} keyed by {@code "model"}: none, a generic power law, and the
 * conductance-dependent exponent distribution of aihwkit's statistical PCM model (Nandakumar et al., ICECS 2019).
 *
 * <p>What does not belong here: read noise and programming noise ({@code org.xbarlab.devices.noise}), retention
 * decay toward a rest conductance during training and faults (the device models), drift compensation (an
 * array-level technique, {@code org.xbarlab.crossbar}).
 */
package org.xbarlab.devices.drift;
