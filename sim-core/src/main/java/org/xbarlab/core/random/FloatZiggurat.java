package org.xbarlab.core.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Tables and rare paths of the float-precision ziggurat behind {@link RandomFill#normal}: 256 layers, one 32-bit
 * half of a 64-bit generator output per candidate deviate.
 *
 * <p>The method is Marsaglia and Tsang's ziggurat (G. Marsaglia, W. W. Tsang, "The Ziggurat Method for Generating
 * Random Variables", Journal of Statistical Software 5(8), 2000, doi:10.18637/jss.v005.i08), with the tables laid
 * out as in their {@code RNOR} code but with {@value #LAYERS} layers. As recommended by J. A. Doornik ("An Improved
 * Ziggurat Method to Generate Normal Random Samples", University of Oxford, 2005), the layer index and the uniform
 * value come from disjoint bits, so they are independent; Marsaglia and Tsang's original reused the low bits of
 * the value as the index.
 *
 * <p>Layout of one 32-bit word {@code h}: bits 0-7 select the layer {@code i}; bits 8-31, read as a signed 24-bit
 * integer {@code m}, give the odd integer {@code j = 2m + 1} in {@code [-(2^24 - 1), 2^24 - 1]}, which is symmetric
 * about zero and never zero. The candidate is {@code x = j * W[i]} with {@code W[i] = x_i / 2^24}; it is accepted
 * at once when {@code |j| < K[i]} with {@code K[i] = floor(2^24 x_{i-1} / x_i)}, that is when it lies in the part
 * of the layer that is entirely under the density. 98.5 % of candidates take this path.
 *
 * <p>Every table is computed with {@link StrictMath} and every rare path uses {@link StrictMath}, so the output is
 * bit-for-bit the same on every platform and JVM (Java 17 float and double arithmetic is strict).
 */
final class FloatZiggurat {

    /** Number of layers (a power of two; the index takes the low 8 bits of a 32-bit word). */
    static final int LAYERS = 256;

    /** Mask selecting the layer index from a 32-bit word. */
    static final int LAYER_MASK = LAYERS - 1;

    /**
     * Right edge {@code r} of the base layer for 256 layers, where the tail starts. Solved in 50-digit arithmetic
     * (mpmath) so that the recursion below closes: the top layer then has the same area {@link #LAYER_AREA} as
     * all the others. Marsaglia and Tsang (2000) print 3.6541528853610088.
     */
    static final double TAIL_START = 3.654152885361009;

    /**
     * Common area {@code v} of each layer under the unnormalised density {@code f(x) = exp(-x^2/2)}:
     * {@code v = r f(r) + sqrt(pi/2) erfc(r / sqrt 2)}, evaluated in 50-digit arithmetic for {@link #TAIL_START}.
     */
    static final double LAYER_AREA = 0.004928673233974655;

    /** 2^24: scale of the odd integer {@code j} in a 32-bit word. */
    private static final double TWO_POW_24 = 0x1.0p24;

    /** Acceptance limits on {@code |j|}, one per layer. */
    static final int[] K = new int[LAYERS];

    /** Layer widths divided by 2^24, so that {@code j * W[i]} is the candidate deviate. */
    static final float[] W = new float[LAYERS];

    /** {@code F[i] = f(x_i)}, the density at the right edge of layer {@code i}; {@code F[0] = 1}. */
    static final double[] F = new double[LAYERS];

    /** Right edges {@code x_i} of the layers ({@code X[0] = 0}, {@code X[255] = r}), kept for tests. */
    static final double[] X = new double[LAYERS];

    static {
        final double r = TAIL_START;
        final double v = LAYER_AREA;
        X[LAYERS - 1] = r;
        for (int i = LAYERS - 1; i >= 2; i--) {
            // x_{i-1} solves x_i (f(x_{i-1}) - f(x_i)) = v: each layer above the base has area v.
            X[i - 1] = StrictMath.sqrt(-2.0 * StrictMath.log(v / X[i] + density(X[i])));
        }
        X[0] = 0.0;
        // Base layer: the rectangle [0, r] x [0, f(r)] plus the tail, drawn as one strip of pseudo-width q.
        final double q = v / density(r);
        K[0] = (int) StrictMath.floor(r / q * TWO_POW_24);
        W[0] = (float) (q / TWO_POW_24);
        F[0] = 1.0;
        for (int i = 1; i < LAYERS; i++) {
            K[i] = (int) StrictMath.floor(X[i - 1] / X[i] * TWO_POW_24);
            W[i] = (float) (X[i] / TWO_POW_24);
            F[i] = density(X[i]);
        }
    }

    private FloatZiggurat() {
    }

    /**
     * Unnormalised standard normal density.
     *
     * @param x abscissa
     * @return {@code exp(-x^2/2)}, computed with {@link StrictMath}
     */
    static double density(double x) {
        return StrictMath.exp(-0.5 * x * x);
    }

    /**
     * Layer index encoded in a 32-bit word.
     *
     * @param word 32 random bits
     * @return bits 0-7
     */
    static int layer(int word) {
        return word & LAYER_MASK;
    }

    /**
     * Odd signed integer encoded in a 32-bit word.
     *
     * @param word 32 random bits
     * @return {@code 2m + 1} where {@code m} is bits 8-31 read as a signed 24-bit integer
     */
    static int oddValue(int word) {
        return (word >> 7) | 1;
    }

    /**
     * One standard normal deviate from a 32-bit word: the fast test, and {@link #slowPath} when it fails.
     *
     * @param word 32 random bits (layer in bits 0-7, value in bits 8-31)
     * @param rng generator for the slow path, if needed
     * @return a standard normal deviate
     */
    static float sample(int word, UniformRandomProvider rng) {
        final int i = layer(word);
        final int j = oddValue(word);
        return Math.abs(j) < K[i] ? j * W[i] : slowPath(rng, i, j);
    }

    /**
     * Completes a candidate that failed the fast test {@code |j| < K[layer]}: the wedge test for layers 1-255, the
     * tail for layer 0, and new candidates after rejections. Consumes further 64-bit outputs of {@code rng}, in
     * this order: for a wedge, one output for the vertical uniform; after a rejected wedge, one output whose low
     * 32 bits form the next candidate (its high 32 bits are discarded); for the tail, two outputs per attempt.
     *
     * @param rng generator to draw the extra outputs from
     * @param layer layer of the failed candidate, {@code 0..255}
     * @param j odd value of the failed candidate
     * @return a standard normal deviate
     */
    static float slowPath(UniformRandomProvider rng, int layer, int j) {
        int i = layer;
        int value = j;
        while (true) {
            if (i == 0) {
                return tail(rng, value);
            }
            final float x = value * W[i];
            // Vertical position uniform in [f(x_i), f(x_{i-1})): accept when under the density.
            final double y = F[i] + unitInterval(rng.nextLong()) * (F[i - 1] - F[i]);
            if (y < density(x)) {
                return x;
            }
            final int word = (int) rng.nextLong();
            i = layer(word);
            value = oddValue(word);
            if (Math.abs(value) < K[i]) {
                return value * W[i];
            }
        }
    }

    /**
     * Deviate from the tail beyond {@link #TAIL_START} by Marsaglia's method (Marsaglia and Tsang 2000, section
     * "The tail"): {@code x = -ln(U1) / r}, {@code y = -ln(U2)}, repeated until {@code 2y >= x^2}; the result is
     * {@code r + x} with the sign of {@code j}.
     *
     * @param rng generator; two outputs per attempt
     * @param j odd value whose sign gives the side
     * @return a deviate with {@code |z| > r}
     */
    private static float tail(UniformRandomProvider rng, int j) {
        double x;
        double y;
        do {
            x = -StrictMath.log(unitIntervalOpenAtZero(rng.nextLong())) / TAIL_START;
            y = -StrictMath.log(unitIntervalOpenAtZero(rng.nextLong()));
        } while (y + y < x * x);
        return (float) (j > 0 ? TAIL_START + x : -(TAIL_START + x));
    }

    /**
     * Uniform double in {@code [0, 1)} from the top 53 bits.
     *
     * @param bits 64 random bits
     * @return {@code (bits >>> 11) * 2^-53}
     */
    private static double unitInterval(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /**
     * Uniform double in {@code (0, 1]} from the top 53 bits, so that its logarithm is finite.
     *
     * @param bits 64 random bits
     * @return {@code ((bits >>> 11) + 1) * 2^-53}
     */
    private static double unitIntervalOpenAtZero(long bits) {
        return ((bits >>> 11) + 1) * 0x1.0p-53;
    }
}
