/**
 * Noise of single-device operations, vectorized over flat {@code float[]} populations: programming noise (once per
 * direct write: {@link org.xbarlab.devices.noise.ProgrammingNoise}) and read noise (fresh at every read:
 * {@link org.xbarlab.devices.noise.ReadNoise}), each chosen by a sealed config family keyed by {@code "model"}
 * ({@link org.xbarlab.devices.noise.ProgrammingNoiseConfig}, {@link org.xbarlab.devices.noise.ReadNoiseConfig}).
 * {@link org.xbarlab.devices.noise.PcmModel} gives the per-conductance closed forms of aihwkit's statistical PCM
 * model (Nandakumar et al., ICECS 2019) so that tests and docs can compare simulations against them.
 *
 * <p>What does not belong here: conductance drift ({@code org.xbarlab.devices.drift}), pulse responses and
 * cycle-to-cycle write noise of pulsed updates (the device models), array-level noise such as ADC or output noise
 * ({@code org.xbarlab.crossbar}). Random numbers always come from a caller-provided stream, in bulk through
 * {@link org.xbarlab.core.random.RandomFill}; nothing here owns a generator.
 */
package org.xbarlab.devices.noise;
