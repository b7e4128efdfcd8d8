package org.xbarlab.devices.drift;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Power-law drift of a population of devices, vectorized over flat {@code float[]} arrays: each device gets a
 * drift exponent ν when it is programmed ({@link #sampleExponents}), and its conductance {@code s} seconds later is
 * {@code G_prog·((s + t0)/t0)^(−ν)} ({@link #apply}). Built from a {@link DriftConfig} by
 * {@link #from(DriftConfig, double)}.
 *
 * <p>{@link #apply} is a pure function of the programmed conductance, the exponent and the time: it gives the
 * state at time {@code s} on a continuous, deterministic trajectory, so a caller may evaluate any sequence of times
 * (unlike aihwkit, which redraws read noise and recomputes conductances from the weights at every
 * {@code drift_weights(t)} call). Read noise is separate ({@code org.xbarlab.devices.noise.ReadNoise}).
 *
 * <p><b>Random numbers.</b> {@link #sampleExponents} draws {@code count} standard normals in one bulk call
 * ({@link org.xbarlab.core.random.RandomFill#normal}); how many numbers it takes depends only on {@code count}, and
 * none when {@link #isNone()} is true. {@link #apply} takes none.
 *
 * <p><b>Thread-safety.</b> Implementations are immutable and may be shared between threads, as long as the threads
 * do not share a generator, a scratch array or overlapping output ranges.
 */
public interface Drift {

    /**
     * Builds the drift model of a config for devices whose maximum conductance is {@code maxConductanceSiemens}
     * (it normalizes the target in the PCM model; the other models ignore it).
     *
     * @param config the config, not null
     * @param maxConductanceSiemens maximum conductance of the devices (S), positive and finite
     * @return the model, immutable
     * @throws NullPointerException if {@code config} is null
     * @throws IllegalArgumentException if {@code maxConductanceSiemens} is not positive and finite
     */
    static Drift from(DriftConfig config, double maxConductanceSiemens) {
        Objects.requireNonNull(config, "config must not be null");
        BulkArguments.maxConductance(maxConductanceSiemens);
        if (config instanceof PowerLawDriftConfig powerLaw) {
            return new PowerLawDrift(powerLaw);
        }
        if (config instanceof PcmDriftConfig pcm) {
            return new PcmDrift(pcm, maxConductanceSiemens);
        }
        if (config instanceof NoDriftConfig) {
            return NoDrift.INSTANCE;
        }
        // Unreachable while the config family is sealed and every member is handled above.
        throw new IllegalStateException("no model for " + config);
    }

    /**
     * Whether conductances never drift: true for {@code "none"} and for configs whose exponents are all 0. Then
     * {@link #sampleExponents} writes zeros and takes no random numbers, and {@link #apply} copies.
     *
     * @return true if {@link #apply} never changes a value
     */
    boolean isNone();

    /**
     * The reference time {@code t0} of the law (s); 0 for {@code "none"}.
     *
     * @return {@code t0} (s)
     */
    double referenceTimeSeconds();

    /**
     * Draws each device's drift exponent at programming time. The PCM model makes the exponent's distribution
     * depend on the target conductance (as aihwkit does: the target, not the programmed value); the power law
     * ignores {@code target}.
     *
     * @param target target conductances of the programming (S); not modified; may be null for models other than
     *        {@code "pcm"}
     * @param offset index of the first device in {@code target}
     * @param count number of devices, {@code >= 0}
     * @param exponentsOut receives the exponents ν (dimensionless); must not overlap {@code target} or
     *        {@code scratch}
     * @param outOffset index of the first exponent in {@code exponentsOut}
     * @param random generator the normals are drawn from; advanced unless {@link #isNone()}
     * @param scratch work array of at least {@code count} elements; {@code scratch[0, count)} may be overwritten
     * @throws NullPointerException if a required array or {@code random} is null
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws IllegalArgumentException if {@code scratch} is too short
     */
    void sampleExponents(float[] target, int offset, int count, float[] exponentsOut, int outOffset,
                         UniformRandomProvider random, float[] scratch);

    /**
     * The drifted conductances: {@code out[outOffset + i] = programmed[offset + i]·((s + t0)/t0)^(−exponents[offset
     * + i])} with {@code s = secondsSinceProgramming}; at {@code s = 0} this is a copy.
     *
     * @param programmed conductances right after the last programming (S); not modified unless it is {@code out}
     * @param exponents drift exponents from {@link #sampleExponents}, at the same offsets as {@code programmed}; may
     *        be null when {@link #isNone()}
     * @param offset index of the first device in {@code programmed} and {@code exponents}
     * @param count number of devices, {@code >= 0}
     * @param secondsSinceProgramming {@code s} (s), finite and {@code >= 0}
     * @param out receives the drifted conductances (S); may be the same array and range as {@code programmed}, must
     *        not otherwise overlap it
     * @param outOffset index of the first result in {@code out}
     * @throws NullPointerException if a required array is null
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws IllegalArgumentException if {@code secondsSinceProgramming} is negative or not finite
     */
    void apply(float[] programmed, float[] exponents, int offset, int count, double secondsSinceProgramming,
               float[] out, int outOffset);
}
