package org.xbarlab.core.random;

import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Bulk filling of {@code float} arrays with uniform and normal deviates: the hot-path way to get random numbers
 * (STYLE.md B7). The methods allocate nothing and box nothing; each 64-bit generator output yields two deviates.
 *
 * <p><b>Normal deviates</b> come from a float-precision ziggurat with 256 layers (G. Marsaglia, W. W. Tsang, "The
 * Ziggurat Method for Generating Random Variables", Journal of Statistical Software 5(8), 2000,
 * doi:10.18637/jss.v005.i08), with layer index and value taken from disjoint bits as recommended by J. A. Doornik,
 * "An Improved Ziggurat Method to Generate Normal Random Samples", University of Oxford, 2005. Output element
 * {@code e} and {@code e + 1} (counted from {@code offset}, {@code e} even) come from the low and the high 32 bits
 * of one generator output; a candidate that fails the fast test (1.5 % of them) draws further outputs at once,
 * before the next element. When {@code length} is odd, the high half of the last output is discarded. The standard
 * deviate {@code z} is an odd multiple of {@code x_i / 2^24} inside layer {@code i} (a grid as fine as float
 * precision at the layer's edge), or is computed in double precision in the tail beyond 3.654. The stored value is
 * {@code mean + sigma * z} in float arithmetic. Tables and rare paths use {@link StrictMath}, so the output is
 * bit-for-bit identical on every platform. JMH ({@code RandomBenchmark}) measured it 1.2 to 1.5 times as fast as
 * Commons RNG's {@code ZigguratSampler.NormalizedGaussian} called per element, and 3 to 6 times as fast as the
 * polar and Box-Muller methods; see {@code docs/reproducibility.md}.
 *
 * <p><b>Uniform deviates</b> use 24 random bits each (the upper 24 bits of each 32-bit half of an output):
 * {@code u = m * 2^-24} in {@code [0, 1)} and the stored value is {@code (float) (low + (high - low) * u)}
 * computed in double; a value that rounds up to {@code high} is replaced by the largest float below {@code high},
 * so every value lies in {@code [low, high)}.
 *
 * <p><b>Chunked variants</b> ({@link #normalChunked}, {@link #uniformChunked}) split the range into fixed chunks of
 * {@link #CHUNK_LENGTH} elements and fill chunk {@code c} (elements {@code offset + c * CHUNK_LENGTH} onwards) from
 * its own stream {@code streams.stream(name, index, c)}. Their result therefore does not depend on how chunks are
 * assigned to threads: {@link ParallelRandomFill} gives bit-identical results for any thread count.
 *
 * <p>All methods are thread-safe as long as callers do not share a generator or write overlapping array ranges.
 */
public final class RandomFill {

    /**
     * Elements per chunk in the chunked and parallel fills: 64 Ki floats (256 KiB), large enough that deriving a
     * chunk's stream (about 1 microsecond) costs well under 1 % of filling it, small enough to balance work over a
     * few threads for arrays of a few hundred thousand elements. Part of the results format: changing it changes
     * the numbers of every chunked fill.
     */
    public static final int CHUNK_LENGTH = 1 << 16;

    /** 2^-24 as a double: scale of a 24-bit integer to [0, 1). */
    private static final double TWO_POW_MINUS_24 = 0x1.0p-24;

    /** Largest 24-bit integer. */
    private static final int MAX_24_BITS = (1 << 24) - 1;

    private RandomFill() {
    }

    /**
     * Fills {@code out[offset, offset + length)} with uniform deviates in {@code [low, high)}.
     *
     * @param rng generator, advanced by {@code ceil(length / 2)} outputs; not shared with other threads
     * @param out array to fill; only elements {@code offset .. offset + length - 1} are modified
     * @param offset first element to fill, {@code >= 0}
     * @param length number of elements to fill, {@code >= 0}, with {@code offset + length <= out.length}
     * @param low inclusive lower bound, finite
     * @param high exclusive upper bound, finite and greater than {@code low}
     * @throws NullPointerException if {@code rng} or {@code out} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code out}
     * @throws IllegalArgumentException if {@code low} or {@code high} is not finite or {@code low >= high}
     */
    public static void uniform(UniformRandomProvider rng, float[] out, int offset, int length, float low, float high) {
        Objects.requireNonNull(rng, "rng must not be null");
        checkRange(out, offset, length);
        checkUniformBounds(low, high);
        fillUniform(rng, out, offset, length, low, high);
    }

    /**
     * Fills {@code out[offset, offset + length)} with normal deviates of mean {@code mean} and standard deviation
     * {@code sigma} (the ziggurat described in the class documentation).
     *
     * @param rng generator, advanced by about {@code 0.52 * length} outputs (half an output per element plus the
     *        slow path's draws); not shared with other threads
     * @param out array to fill; only elements {@code offset .. offset + length - 1} are modified
     * @param offset first element to fill, {@code >= 0}
     * @param length number of elements to fill, {@code >= 0}, with {@code offset + length <= out.length}
     * @param mean mean of the deviates, finite
     * @param sigma standard deviation, finite and {@code >= 0} ({@code 0} stores {@code mean} everywhere but still
     *        advances {@code rng})
     * @throws NullPointerException if {@code rng} or {@code out} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code out}
     * @throws IllegalArgumentException if {@code mean} is not finite or {@code sigma} is negative or not finite
     */
    public static void normal(UniformRandomProvider rng, float[] out, int offset, int length, float mean,
                              float sigma) {
        Objects.requireNonNull(rng, "rng must not be null");
        checkRange(out, offset, length);
        checkNormalParameters(mean, sigma);
        fillNormal(rng, out, offset, length, mean, sigma);
    }

    /**
     * Fills {@code out[offset, offset + length)} with uniform deviates in {@code [low, high)}, chunk by chunk on
     * the calling thread; chunk {@code c} comes from {@code streams.stream(name, index, c)}. The result equals that
     * of {@link ParallelRandomFill#uniform} with the same arguments for any thread count, and does not depend on
     * {@code offset} other than being shifted by it.
     *
     * @param streams streams of the run; non-null
     * @param name stream name, normally a {@link StreamNames} constant; non-null and not empty
     * @param index first index of the chunk streams (for example a tile or step index); the chunk number is the second
     * @param out array to fill; only elements {@code offset .. offset + length - 1} are modified
     * @param offset first element to fill, {@code >= 0}
     * @param length number of elements to fill, {@code >= 0}, with {@code offset + length <= out.length}
     * @param low inclusive lower bound, finite
     * @param high exclusive upper bound, finite and greater than {@code low}
     * @throws NullPointerException if {@code streams}, {@code name} or {@code out} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code out}
     * @throws IllegalArgumentException if {@code name} is empty, or the bounds are invalid as for {@link #uniform}
     */
    public static void uniformChunked(RngStreams streams, String name, long index, float[] out, int offset,
                                      int length, float low, float high) {
        checkKey(streams, name);
        checkRange(out, offset, length);
        checkUniformBounds(low, high);
        final int chunks = chunkCount(length);
        for (int c = 0; c < chunks; c++) {
            uniformChunk(streams, name, index, c, out, offset, length, low, high);
        }
    }

    /**
     * Fills {@code out[offset, offset + length)} with normal deviates, chunk by chunk on the calling thread; chunk
     * {@code c} comes from {@code streams.stream(name, index, c)}. The result equals that of
     * {@link ParallelRandomFill#normal} with the same arguments for any thread count, and does not depend on
     * {@code offset} other than being shifted by it.
     *
     * @param streams streams of the run; non-null
     * @param name stream name, normally a {@link StreamNames} constant; non-null and not empty
     * @param index first index of the chunk streams (for example a tile or step index); the chunk number is the second
     * @param out array to fill; only elements {@code offset .. offset + length - 1} are modified
     * @param offset first element to fill, {@code >= 0}
     * @param length number of elements to fill, {@code >= 0}, with {@code offset + length <= out.length}
     * @param mean mean of the deviates, finite
     * @param sigma standard deviation, finite and {@code >= 0}
     * @throws NullPointerException if {@code streams}, {@code name} or {@code out} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code out}
     * @throws IllegalArgumentException if {@code name} is empty, or the parameters are invalid as for
     *         {@link #normal(UniformRandomProvider, float[], int, int, float, float)}
     */
    public static void normalChunked(RngStreams streams, String name, long index, float[] out, int offset,
                                     int length, float mean, float sigma) {
        checkKey(streams, name);
        checkRange(out, offset, length);
        checkNormalParameters(mean, sigma);
        final int chunks = chunkCount(length);
        for (int c = 0; c < chunks; c++) {
            normalChunk(streams, name, index, c, out, offset, length, mean, sigma);
        }
    }

    // ---- chunk helpers shared with ParallelRandomFill (arguments already validated) ----

    /**
     * Number of chunks covering {@code length} elements.
     *
     * @param length elements, {@code >= 0}
     * @return {@code ceil(length / CHUNK_LENGTH)}
     */
    static int chunkCount(int length) {
        return (int) (((long) length + CHUNK_LENGTH - 1) / CHUNK_LENGTH);
    }

    /** Fills chunk {@code chunk} of a chunked uniform fill from {@code streams.stream(name, index, chunk)}. */
    static void uniformChunk(RngStreams streams, String name, long index, int chunk, float[] out, int offset,
                             int length, float low, float high) {
        final int start = chunk * CHUNK_LENGTH;
        fillUniform(streams.stream(name, index, chunk), out, offset + start,
                Math.min(CHUNK_LENGTH, length - start), low, high);
    }

    /** Fills chunk {@code chunk} of a chunked normal fill from {@code streams.stream(name, index, chunk)}. */
    static void normalChunk(RngStreams streams, String name, long index, int chunk, float[] out, int offset,
                            int length, float mean, float sigma) {
        final int start = chunk * CHUNK_LENGTH;
        fillNormal(streams.stream(name, index, chunk), out, offset + start,
                Math.min(CHUNK_LENGTH, length - start), mean, sigma);
    }

    // ---- validation ----

    /** Checks the stream key of a chunked fill; the messages name the argument. */
    static void checkKey(RngStreams streams, String name) {
        Objects.requireNonNull(streams, "streams must not be null");
        Objects.requireNonNull(name, "stream name must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("stream name must not be empty");
        }
    }

    /** Checks that {@code [offset, offset + length)} lies inside a non-null {@code out}. */
    static void checkRange(float[] out, int offset, int length) {
        Objects.requireNonNull(out, "out must not be null");
        Objects.checkFromIndexSize(offset, length, out.length);
    }

    /** Checks that {@code low} and {@code high} are finite with {@code low < high}. */
    static void checkUniformBounds(float low, float high) {
        // Negated comparisons so that NaN fails.
        if (!(Float.isFinite(low) && Float.isFinite(high) && low < high)) {
            throw new IllegalArgumentException(String.format(
                    "uniform bounds must be finite with low < high, got low = %s, high = %s", low, high));
        }
    }

    /** Checks that {@code mean} is finite and {@code sigma} finite and non-negative. */
    static void checkNormalParameters(float mean, float sigma) {
        if (!Float.isFinite(mean)) {
            throw new IllegalArgumentException("mean must be finite, got " + mean);
        }
        if (!(sigma >= 0 && sigma <= Float.MAX_VALUE)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
    }

    // ---- kernels (arguments already validated) ----

    private static void fillUniform(UniformRandomProvider rng, float[] out, int offset, int length, float low,
                                    float high) {
        final double base = low;
        final double width = (double) high - (double) low;
        final int end = offset + length;
        int e = offset;
        // The mapping is monotone in the 24 random bits, so only the largest value can round up to high. For all
        // but very narrow ranges it cannot, and the loop without the clamp runs; the clamp cost about 20 % of the
        // throughput in JMH (docs/reproducibility.md, section 8).
        if ((float) (base + width * (MAX_24_BITS * TWO_POW_MINUS_24)) < high) {
            for (; e < end - 1; e += 2) {
                final long bits = rng.nextLong();
                out[e] = (float) (base + width * (((int) bits >>> 8) * TWO_POW_MINUS_24));
                out[e + 1] = (float) (base + width * ((int) (bits >>> 40) * TWO_POW_MINUS_24));
            }
        } else {
            final float belowHigh = Math.nextDown(high);
            for (; e < end - 1; e += 2) {
                final long bits = rng.nextLong();
                out[e] = clampedUniform((int) bits >>> 8, base, width, high, belowHigh);
                out[e + 1] = clampedUniform((int) (bits >>> 40), base, width, high, belowHigh);
            }
        }
        if (e < end) {
            out[e] = clampedUniform((int) rng.nextLong() >>> 8, base, width, high, Math.nextDown(high));
        }
    }

    private static float clampedUniform(int bits24, double base, double width, float high, float belowHigh) {
        final float value = (float) (base + width * (bits24 * TWO_POW_MINUS_24));
        return value < high ? value : belowHigh;
    }

    private static void fillNormal(UniformRandomProvider rng, float[] out, int offset, int length, float mean,
                                   float sigma) {
        final int[] k = FloatZiggurat.K;
        final float[] w = FloatZiggurat.W;
        final int pairsEnd = offset + (length & ~1);
        int e = offset;
        while (e < pairsEnd) {
            long bits = 0;
            // Outputs whose two halves both pass the fast test (97 % of them). The loop holds no call, so the JIT
            // compiles it tightly: about 12 % more throughput in JMH than calling the slow path from inside it
            // (docs/reproducibility.md, section 8).
            for (; e < pairsEnd; e += 2) {
                bits = rng.nextLong();
                final int low = (int) bits;
                final int high = (int) (bits >>> 32);
                final int layer0 = low & FloatZiggurat.LAYER_MASK;
                final int value0 = (low >> 7) | 1;
                final int layer1 = high & FloatZiggurat.LAYER_MASK;
                final int value1 = (high >> 7) | 1;
                if (Math.abs(value0) >= k[layer0] || Math.abs(value1) >= k[layer1]) {
                    break;
                }
                out[e] = mean + sigma * (value0 * w[layer0]);
                out[e + 1] = mean + sigma * (value1 * w[layer1]);
            }
            if (e < pairsEnd) {
                // The low half first: its slow path draws further outputs before the high half is used.
                out[e] = mean + sigma * FloatZiggurat.sample((int) bits, rng);
                out[e + 1] = mean + sigma * FloatZiggurat.sample((int) (bits >>> 32), rng);
                e += 2;
            }
        }
        if (e < offset + length) {
            out[e] = mean + sigma * FloatZiggurat.sample((int) rng.nextLong(), rng);
        }
    }
}
