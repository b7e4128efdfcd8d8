package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Read noise of a population of devices, vectorized over flat {@code float[]} arrays of conductances in siemens.
 * Built from a {@link ReadNoiseConfig} by {@link #from(ReadNoiseConfig, double)}.
 *
 * <p><b>Random numbers.</b> {@link #apply} fills {@code scratch[0, count)} with standard normals in one bulk call
 * ({@link org.xbarlab.core.random.RandomFill#normal}) and uses one per device. How many numbers it takes from
 * {@code random} depends only on {@code count}, never on the parameter values, so that sweeping a noise level keeps
 * common random numbers. When {@link #isNone()} is true it takes none.
 *
 * <p><b>Thread-safety.</b> Implementations are immutable and may be shared between threads, as long as the threads
 * do not share a generator, a scratch array or overlapping output ranges.
 */
public interface ReadNoise {

    /**
     * Builds the read-noise model of a config for devices whose maximum conductance is {@code maxConductanceSiemens}
     * (the {@code gMax} that normalizes conductances in the PCM model; the other models ignore it).
     *
     * @param config the config, not null
     * @param maxConductanceSiemens maximum conductance of the devices (S), positive and finite
     * @return the model, immutable
     * @throws NullPointerException if {@code config} is null
     * @throws IllegalArgumentException if {@code maxConductanceSiemens} is not positive and finite
     */
    static ReadNoise from(ReadNoiseConfig config, double maxConductanceSiemens) {
        Objects.requireNonNull(config, "config must not be null");
        BulkArguments.maxConductance(maxConductanceSiemens);
        if (config instanceof GaussianReadNoiseConfig gaussian) {
            return new GaussianReadNoise(gaussian);
        }
        if (config instanceof PcmReadNoiseConfig pcm) {
            return new PcmReadNoise(pcm, maxConductanceSiemens);
        }
        if (config instanceof NoReadNoiseConfig) {
            return NoReadNoise.INSTANCE;
        }
        // Unreachable while the config family is sealed and every member is handled above.
        throw new IllegalStateException("no model for " + config);
    }

    /**
     * Whether reads are exact: true for {@code "none"} and for configs whose noise is zero (both sigmas zero, or a
     * zero scale). Callers may then skip {@link #apply} altogether; calling it copies the values and takes no
     * random numbers.
     *
     * @return true if {@link #apply} never changes a value
     */
    boolean isNone();

    /**
     * Reads {@code count} devices: {@code out[outOffset + i]} becomes a noisy read of {@code conductance[offset + i]}.
     * The result is never negative (a read current does not change sign).
     *
     * @param conductance conductances to read (S); not modified unless it is {@code out}
     * @param programmed conductance of each device right after its last programming (S), at the same offsets as
     *        {@code conductance}; PCM read noise depends on it, the other models ignore it and accept null
     * @param offset index of the first device in {@code conductance} and {@code programmed}
     * @param count number of devices, {@code >= 0}
     * @param secondsSinceProgramming time since the end of the last programming (s), finite and {@code >= 0}
     * @param out receives the reads (S); may be the same array and range as {@code conductance} (in place), must
     *        not otherwise overlap it
     * @param outOffset index of the first result in {@code out}
     * @param random generator the normals are drawn from; advanced unless {@link #isNone()}
     * @param scratch work array of at least {@code count} elements; {@code scratch[0, count)} is overwritten; must
     *        not be {@code conductance}, {@code programmed} or {@code out}
     * @throws NullPointerException if a required array or {@code random} is null
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws IllegalArgumentException if {@code scratch} is too short or {@code secondsSinceProgramming} is negative
     *         or not finite
     */
    void apply(float[] conductance, float[] programmed, int offset, int count, double secondsSinceProgramming,
               float[] out, int outOffset, UniformRandomProvider random, float[] scratch);
}
