package org.xbarlab.core.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named, independent random streams derived from one root seed per run (STYLE.md B5).
 *
 * <p>Every consumer of randomness asks for its own stream by a name from {@link StreamNames} plus optional indices
 * (array, tile, sweep point, trial, chunk ...). The stream's generator is seeded from a SHA-256 hash of
 * {@code (rootSeed, name, indices)}, so it does not depend on which other streams exist, in which order they were
 * created, or how many numbers were drawn from them: adding a random consumer never shifts anyone else's numbers.
 *
 * <h2>Seed derivation (part of the results format, version 1)</h2>
 *
 * <p>For {@link #stream(String, long...) stream(name, i1, ..., ik)} the message hashed with SHA-256 is the
 * concatenation of
 * <ol>
 *   <li>the 21 US-ASCII bytes {@code "xbarlab/rng/stream/v1"} ({@link #STREAM_DOMAIN});</li>
 *   <li>the root seed as 8 bytes, big-endian two's complement;</li>
 *   <li>the length in bytes of the UTF-8 encoding of {@code name}, as 4 bytes big-endian;</li>
 *   <li>the UTF-8 bytes of {@code name};</li>
 *   <li>the number of indices {@code k}, as 4 bytes big-endian;</li>
 *   <li>each index as 8 bytes, big-endian two's complement.</li>
 * </ol>
 * The 32-byte digest, read as four big-endian longs {@code s0..s3}, is the native seed {@code long[]{s0, s1, s2, s3}}
 * of {@link RandomSource#L64_X128_MIX} (Steele and Vigna's LXM generator L64X128MixRandom; G. L. Steele Jr.,
 * S. Vigna, "LXM: better splittable pseudorandom number generators (and almost as fast)", Proc. ACM Program. Lang.
 * 5, OOPSLA, article 148, 2021, doi:10.1145/3485525): {@code s0} sets the LCG additive parameter (the generator
 * forces its lowest bit to one), {@code s1} the LCG state, {@code s2, s3} the xoroshiro128 state. In the event
 * (probability 2<sup>-128</sup>) that {@code s2 = s3 = 0}, {@code s2} is replaced by {@code 0x9E3779B97F4A7C15}.
 * Distinct streams thus get distinct pseudo-random additive parameters, which the LXM authors show makes their
 * outputs robust against accidental correlation.
 *
 * <p>For {@link #child(String, long...) child(name, indices)} the message is the same except that it starts with
 * the 20 bytes {@code "xbarlab/rng/child/v1"} ({@link #CHILD_DOMAIN}); the child's root seed is the first
 * big-endian long of that digest. Hence {@code RngStreams.of(parent.child(n, i).rootSeed())} equals
 * {@code parent.child(n, i)}, and a sweep point can be rerun on its own from its recorded child seed.
 *
 * <p>Instances are immutable and thread-safe; each call to {@link #stream} returns a new generator, which is not
 * thread-safe and belongs to the caller.
 */
public final class RngStreams {

    /** The generator algorithm of every stream. Changing it changes every number; see STYLE.md B14. */
    public static final RandomSource ALGORITHM = RandomSource.L64_X128_MIX;

    /** Domain prefix hashed before the key of a {@link #stream}; its {@code v1} is the derivation version. */
    public static final String STREAM_DOMAIN = "xbarlab/rng/stream/v1";

    /** Domain prefix hashed before the key of a {@link #child}; its {@code v1} is the derivation version. */
    public static final String CHILD_DOMAIN = "xbarlab/rng/child/v1";

    /** Replacement for an all-zero xoroshiro128 state (the 64-bit golden ratio, as used by SplitMix64). */
    private static final long NONZERO_STATE = 0x9E3779B97F4A7C15L;

    /** Seed length of {@link #ALGORITHM} in longs. */
    private static final int SEED_LONGS = 4;

    private static final byte[] STREAM_DOMAIN_BYTES = STREAM_DOMAIN.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHILD_DOMAIN_BYTES = CHILD_DOMAIN.getBytes(StandardCharsets.US_ASCII);

    private final long rootSeed;

    private RngStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    /**
     * Streams derived from a root seed.
     *
     * @param rootSeed the run's root seed; any value, including 0 and negative values
     * @return the streams of that seed
     */
    public static RngStreams of(long rootSeed) {
        return new RngStreams(rootSeed);
    }

    /**
     * A fresh root seed for a run that was given none, from Commons RNG {@link RandomSource#createLong()} (a
     * thread-safe generator seeded once from {@code SecureRandom}). It is not reproducible: the caller MUST print
     * it and record it (in the run manifest) so that the run can be repeated.
     *
     * @return a new root seed
     */
    public static long generateRootSeed() {
        return RandomSource.createLong();
    }

    /**
     * The root seed these streams derive from; record it to reproduce a run.
     *
     * @return the root seed
     */
    public long rootSeed() {
        return rootSeed;
    }

    /**
     * A new generator for the stream {@code (name, indices)}, positioned at the start of the stream. Two calls with
     * the same arguments return independent objects that produce the same sequence.
     *
     * @param name stream name, normally a {@link StreamNames} constant; non-null and not empty
     * @param indices optional indices (for example array and tile index, or trial); non-null, may be empty
     * @return a new {@link #ALGORITHM} generator, owned by the caller and not thread-safe
     * @throws NullPointerException if {@code name} or {@code indices} is null
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public UniformRandomProvider stream(String name, long... indices) {
        return ALGORITHM.create(streamSeed(name, indices));
    }

    /**
     * The native seed that {@link #stream(String, long...)} passes to {@link #ALGORITHM}, derived as described in
     * the class documentation. Exposed so that a stream can be rebuilt outside xbarlab and for tests.
     *
     * @param name stream name; non-null and not empty
     * @param indices optional indices; non-null, may be empty
     * @return a new array of 4 longs
     * @throws NullPointerException if {@code name} or {@code indices} is null
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public long[] streamSeed(String name, long... indices) {
        final ByteBuffer digest = ByteBuffer.wrap(digest(STREAM_DOMAIN_BYTES, rootSeed, name, indices));
        final long[] seed = new long[SEED_LONGS];
        for (int k = 0; k < SEED_LONGS; k++) {
            seed[k] = digest.getLong();
        }
        if ((seed[2] | seed[3]) == 0) {
            // An all-zero xoroshiro128 state would never leave zero.
            seed[2] = NONZERO_STATE;
        }
        return seed;
    }

    /**
     * Streams for a sub-hierarchy, for example one sweep point or one trial: a new {@code RngStreams} whose root
     * seed is derived from this root seed and {@code (name, indices)} as described in the class documentation.
     * Streams of the child never coincide with streams of the parent except with negligible probability.
     *
     * @param name name of the sub-hierarchy (for example {@code "sweep/point"}); non-null and not empty
     * @param indices optional indices (for example point and trial index); non-null, may be empty
     * @return the child's streams
     * @throws NullPointerException if {@code name} or {@code indices} is null
     * @throws IllegalArgumentException if {@code name} is empty
     */
    public RngStreams child(String name, long... indices) {
        return new RngStreams(ByteBuffer.wrap(digest(CHILD_DOMAIN_BYTES, rootSeed, name, indices)).getLong());
    }

    private static byte[] digest(byte[] domain, long rootSeed, String name, long[] indices) {
        Objects.requireNonNull(name, "stream name must not be null");
        Objects.requireNonNull(indices, "stream indices must not be null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("stream name must not be empty");
        }
        final byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer message = ByteBuffer.allocate(domain.length + Long.BYTES + Integer.BYTES
                + nameBytes.length + Integer.BYTES + Long.BYTES * indices.length);
        // ByteBuffer is big-endian by default, which is the documented byte order.
        message.put(domain).putLong(rootSeed).putInt(nameBytes.length).put(nameBytes).putInt(indices.length);
        for (long index : indices) {
            message.putLong(index);
        }
        return sha256().digest(message.array());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest specification).
            throw new IllegalStateException("SHA-256 is not available on this Java platform", e);
        }
    }

    /**
     * Two instances are equal when their root seeds are equal (they then derive identical streams).
     *
     * @param other object to compare with; may be null
     * @return whether {@code other} is an {@code RngStreams} with the same root seed
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RngStreams && ((RngStreams) other).rootSeed == rootSeed;
    }

    /**
     * Hash code consistent with {@link #equals(Object)}.
     *
     * @return hash of the root seed
     */
    @Override
    public int hashCode() {
        return Long.hashCode(rootSeed);
    }

    /**
     * Describes the streams by their root seed.
     *
     * @return for example {@code RngStreams[rootSeed=42]}
     */
    @Override
    public String toString() {
        return "RngStreams[rootSeed=" + rootSeed + "]";
    }
}
