package org.xbarlab.algorithms.network;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.ProgrammingResult;

/**
 * Xavier (Glorot) uniform initialisation {@code W ~ U(−a, a)}, {@code a = gain·√(6/(fan_in + fan_out))}
 * (Glorot and Bengio 2010; the seed paper uses gain 0.5, seed-algorithm.md §2.6), programmed into the crossbar.
 */
public final class XavierInitializer {

    private XavierInitializer() {
    }

    /**
     * The bound {@code a} of the uniform distribution.
     *
     * @param inputs fan-in
     * @param outputs fan-out
     * @param gain the gain, positive
     * @return {@code gain·√(6/(inputs + outputs))}
     */
    public static double bound(int inputs, int outputs, double gain) {
        Checks.positiveFinite("gain", gain);
        return gain * Math.sqrt(6.0 / (inputs + outputs));
    }

    /**
     * Draws the weights and programs them into the crossbar.
     *
     * @param crossbar the weights' crossbar
     * @param gain the gain, positive
     * @param random the stream
     * @return what programming did
     */
    public static ProgrammingResult initialize(Crossbar crossbar, double gain, UniformRandomProvider random) {
        float a = (float) bound(crossbar.columns(), crossbar.rows(), gain);
        float[] weights = new float[crossbar.rows() * crossbar.columns()];
        RandomFill.uniform(random, weights, 0, weights.length, -a, a);
        return crossbar.program(weights);
    }

    /**
     * Draws weights uniform in {@code [−bound, bound]} and programs them into the crossbar.
     *
     * @param crossbar the weights' crossbar
     * @param bound the bound, positive
     * @param random the stream
     * @return what programming did
     */
    public static ProgrammingResult initializeUniform(Crossbar crossbar, double bound, UniformRandomProvider random) {
        Checks.positiveFinite("initialWeightBound", bound);
        float[] weights = new float[crossbar.rows() * crossbar.columns()];
        RandomFill.uniform(random, weights, 0, weights.length, (float) -bound, (float) bound);
        return crossbar.program(weights);
    }
}
