package org.xbarlab.devices.noise;

import org.xbarlab.devices.internal.BulkArguments;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Programming noise of a population of devices, vectorized over flat {@code float[]} arrays of conductances in
 * siemens. Built from a {@link ProgrammingNoiseConfig} by {@link #from(ProgrammingNoiseConfig, double)}.
 *
 * <p><b>Random numbers.</b> {@link #apply} fills {@code scratch[0, count)} with standard normals in one bulk call
 * ({@link org.xbarlab.core.random.RandomFill#normal}) and uses one per device. How many numbers it takes from
 * {@code random} depends only on {@code count}, never on the parameter values; when {@link #isNone()} is true it
 * takes none.
 *
 * <p><b>Thread-safety.</b> Implementations are immutable and may be shared between threads, as long as the threads
 * do not share a generator, a scratch array or overlapping output ranges.
 */
public interface ProgrammingNoise {

    /**
     * Builds the programming-noise model of a config for devices whose maximum conductance is
     * {@code maxConductanceSiemens} (it normalizes the target in the polynomial model; the other models ignore it).
     *
     * @param config the config, not null
     * @param maxConductanceSiemens maximum conductance of the devices (S), positive and finite
     * @return the model, immutable
     * @throws NullPointerException if {@code config} is null
     * @throws IllegalArgumentException if {@code maxConductanceSiemens} is not positive and finite
     */
    static ProgrammingNoise from(ProgrammingNoiseConfig config, double maxConductanceSiemens) {
        Objects.requireNonNull(config, "config must not be null");
        BulkArguments.maxConductance(maxConductanceSiemens);
        if (config instanceof GaussianProgrammingNoiseConfig gaussian) {
            return new GaussianProgrammingNoise(gaussian);
        }
        if (config instanceof PolynomialProgrammingNoiseConfig polynomial) {
            return new PolynomialProgrammingNoise(polynomial, maxConductanceSiemens);
        }
        if (config instanceof NoProgrammingNoiseConfig) {
            return NoProgrammingNoise.INSTANCE;
        }
        // Unreachable while the config family is sealed and every member is handled above.
        throw new IllegalStateException("no model for " + config);
    }

    /**
     * Whether writes are exact: true for {@code "none"} and for configs whose noise is zero. Callers may then skip
     * {@link #apply}; calling it copies the targets and takes no random numbers.
     *
     * @return true if {@link #apply} never changes a value
     */
    boolean isNone();

    /**
     * The standard deviation of a write to {@code targetConductanceSiemens}, before the clamp at 0.
     *
     * @param targetConductanceSiemens the target (S)
     * @return sigma (S), {@code >= 0}
     */
    double sigmaSiemens(double targetConductanceSiemens);

    /**
     * Programs {@code count} devices: {@code out[outOffset + i] = max(0, target[offset + i] + sigma(target)·ξ)}.
     *
     * @param target target conductances (S); not modified unless it is {@code out}
     * @param offset index of the first target
     * @param count number of devices, {@code >= 0}
     * @param out receives the programmed conductances (S); may be the same array and range as {@code target}, must
     *        not otherwise overlap it
     * @param outOffset index of the first result in {@code out}
     * @param random generator the normals are drawn from; advanced unless {@link #isNone()}
     * @param scratch work array of at least {@code count} elements; {@code scratch[0, count)} is overwritten; must
     *        not be {@code target} or {@code out}
     * @throws NullPointerException if an array or {@code random} is null
     * @throws IndexOutOfBoundsException if a range lies outside its array
     * @throws IllegalArgumentException if {@code scratch} is too short
     */
    void apply(float[] target, int offset, int count, float[] out, int outOffset, UniformRandomProvider random,
               float[] scratch);
}
