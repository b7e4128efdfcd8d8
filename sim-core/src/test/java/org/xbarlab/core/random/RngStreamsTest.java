package org.xbarlab.core.random;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RngStreamsTest extends XbarlabTestBase {

    private static final int DRAWS = 64;

    private static long[] draw(UniformRandomProvider rng, int count) {
        final long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = rng.nextLong();
        }
        return values;
    }

    @Test
    void sameRootSeedNameAndIndicesGiveTheSameSequence() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final UniformRandomProvider first = streams.stream(StreamNames.DEVICES_CYCLE, 3, 7);
        final UniformRandomProvider second = RngStreams.of(TEST_SEED).stream(StreamNames.DEVICES_CYCLE, 3, 7);
        assertNotSame(first, second);
        assertArrayEquals(draw(first, DRAWS), draw(second, DRAWS), "seed " + TEST_SEED);
    }

    @Test
    void differentNamesIndicesOrRootSeedsGiveDifferentSequences() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final Set<String> sequences = new HashSet<>();
        final UniformRandomProvider[] variants = {
            streams.stream(StreamNames.DEVICES_CYCLE),
            streams.stream(StreamNames.DEVICES_CONSTRUCTION),
            streams.stream(StreamNames.DEVICES_CYCLE, 0),
            streams.stream(StreamNames.DEVICES_CYCLE, 1),
            streams.stream(StreamNames.DEVICES_CYCLE, 0, 1),
            streams.stream(StreamNames.DEVICES_CYCLE, 1, 0),
            streams.stream(StreamNames.DEVICES_CYCLE, 0, 0),
            RngStreams.of(TEST_SEED + 1).stream(StreamNames.DEVICES_CYCLE),
            RngStreams.of(-TEST_SEED).stream(StreamNames.DEVICES_CYCLE),
            // The name length is hashed, so moving bytes between the name and the indices changes the stream.
            streams.stream("devices/cycl"),
            streams.stream("devices/cycle\u0000"),
        };
        for (UniformRandomProvider rng : variants) {
            sequences.add(java.util.Arrays.toString(draw(rng, 4)));
        }
        assertEquals(variants.length, sequences.size(), "every variant must give its own sequence");
    }

    @Test
    void creatingOrDrawingFromOtherStreamsDoesNotChangeAStream() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final long[] alone = draw(streams.stream(StreamNames.CROSSBAR_READ_NOISE, 2), DRAWS);

        // Another run that adds consumers and draws from them before, between and after.
        final RngStreams busy = RngStreams.of(TEST_SEED);
        final UniformRandomProvider before = busy.stream(StreamNames.ALGORITHMS_INIT);
        draw(before, 1000);
        final UniformRandomProvider target = busy.stream(StreamNames.CROSSBAR_READ_NOISE, 2);
        final UniformRandomProvider added = busy.stream("tests/new-consumer", 9);
        final long[] interleaved = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draw(added, 3);
            draw(busy.stream(StreamNames.DATA_AUGMENT, i), 2);
            interleaved[i] = target.nextLong();
        }
        busy.child("sweep/point", 4).stream(StreamNames.CROSSBAR_READ_NOISE, 2).nextLong();
        assertArrayEquals(alone, interleaved);
    }

    @Test
    void namedStreamsAreUncorrelated() {
        final int n = 1 << 20;
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final float[][] pairs = {
            uniforms(streams.stream(StreamNames.DEVICES_CYCLE), n),
            uniforms(streams.stream(StreamNames.DEVICES_CONSTRUCTION), n),
            uniforms(streams.stream(StreamNames.DEVICES_CYCLE, 0), n),
            uniforms(streams.stream(StreamNames.DEVICES_CYCLE, 1), n),
            uniforms(RngStreams.of(0).stream(StreamNames.DEVICES_CYCLE), n),
            uniforms(RngStreams.of(1).stream(StreamNames.DEVICES_CYCLE), n),
        };
        final double bound = SampleStatistics.SIGMAS / Math.sqrt(n);
        for (int p = 0; p < pairs.length; p += 2) {
            final double r = SampleStatistics.correlation(pairs[p], pairs[p + 1]);
            assertTrue(Math.abs(r) < bound, "pair " + p / 2 + ": correlation " + r + " beyond " + bound
                    + " (seed " + TEST_SEED + ")");
        }
    }

    private static float[] uniforms(UniformRandomProvider rng, int n) {
        final float[] values = new float[n];
        RandomFill.uniform(rng, values, 0, n, 0.0f, 1.0f);
        return values;
    }

    @Test
    void streamSeedFollowsTheDocumentedDerivation() throws IOException, NoSuchAlgorithmException {
        final long root = -1234567890123L;
        final String name = "crossbar/read-noise \u00b5"; // non-ASCII: the UTF-8 length, not the char count
        final long[] indices = {0, -1, Long.MAX_VALUE};
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream message = new DataOutputStream(bytes)) {
            // DataOutputStream writes big-endian.
            message.write("xbarlab/rng/stream/v1".getBytes(StandardCharsets.US_ASCII));
            message.writeLong(root);
            final byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            message.writeInt(utf8.length);
            message.write(utf8);
            message.writeInt(indices.length);
            for (long index : indices) {
                message.writeLong(index);
            }
        }
        final ByteBuffer digest = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        final long[] expected = {digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong()};

        final RngStreams streams = RngStreams.of(root);
        assertArrayEquals(expected, streams.streamSeed(name, indices));
        assertArrayEquals(draw(RandomSource.L64_X128_MIX.create(expected), DRAWS),
                draw(streams.stream(name, indices), DRAWS));
    }

    @Test
    void childRootSeedFollowsTheDocumentedDerivation() throws IOException, NoSuchAlgorithmException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream message = new DataOutputStream(bytes)) {
            message.write("xbarlab/rng/child/v1".getBytes(StandardCharsets.US_ASCII));
            message.writeLong(TEST_SEED);
            message.writeInt(11);
            message.write("sweep/point".getBytes(StandardCharsets.UTF_8));
            message.writeInt(2);
            message.writeLong(5);
            message.writeLong(1);
        }
        final long expected = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()))
                .getLong();
        assertEquals(expected, RngStreams.of(TEST_SEED).child("sweep/point", 5, 1).rootSeed());
    }

    @Test
    void childIsReproducibleFromItsRecordedRootSeedAndDiffersFromItsParent() {
        final RngStreams parent = RngStreams.of(TEST_SEED);
        final RngStreams child = parent.child("sweep/point", 3);
        assertEquals(child, RngStreams.of(child.rootSeed()));
        assertEquals(child, parent.child("sweep/point", 3));
        assertNotEquals(child, parent.child("sweep/point", 4));
        assertNotEquals(child.rootSeed(), parent.rootSeed());
        // A child's stream is not the parent's stream of the same name, nor the parent's stream keyed like the child.
        final long[] inChild = draw(child.stream(StreamNames.DEVICES_CYCLE), 8);
        assertFalse(java.util.Arrays.equals(inChild, draw(parent.stream(StreamNames.DEVICES_CYCLE), 8)));
        assertFalse(java.util.Arrays.equals(inChild, draw(parent.stream("sweep/point", 3), 8)));
        // The stream derived with the child's name and indices does not start from the child's root seed bits.
        assertNotEquals(parent.streamSeed("sweep/point", 3)[0], child.rootSeed());
    }

    @Test
    void rootSeedEqualsHashCodeAndToString() {
        final RngStreams streams = RngStreams.of(42L);
        assertEquals(42L, streams.rootSeed());
        assertEquals(RngStreams.of(42L), streams);
        assertEquals(RngStreams.of(42L).hashCode(), streams.hashCode());
        assertNotEquals(RngStreams.of(43L), streams);
        assertNotEquals(streams, null);
        assertEquals("RngStreams[rootSeed=42]", streams.toString());
        assertEquals(RandomSource.L64_X128_MIX, RngStreams.ALGORITHM);
    }

    @Test
    void generatedRootSeedsDiffer() {
        final Set<Long> seeds = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seeds.add(RngStreams.generateRootSeed());
        }
        assertEquals(100, seeds.size());
    }

    @Test
    void streamSeedIsAFreshCopy() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final long[] seed = streams.streamSeed(StreamNames.DATA_SYNTHETIC);
        seed[0] = 0;
        assertNotEquals(0, streams.streamSeed(StreamNames.DATA_SYNTHETIC)[0]);
    }

    @Test
    void invalidNamesAndIndicesAreRejectedWithMessages() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final NullPointerException nullName = assertThrows(NullPointerException.class, () -> streams.stream(null));
        assertTrue(nullName.getMessage().contains("name"), nullName.getMessage());
        final IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> streams.stream(""));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> streams.child(""));
        assertThrows(NullPointerException.class, () -> streams.child(null, 1));
        final NullPointerException nullIndices = assertThrows(NullPointerException.class,
                () -> streams.stream(StreamNames.DEVICES_CYCLE, (long[]) null));
        assertTrue(nullIndices.getMessage().contains("indices"), nullIndices.getMessage());
    }
}
