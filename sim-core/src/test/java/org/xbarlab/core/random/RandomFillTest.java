package org.xbarlab.core.random;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomFillTest extends XbarlabTestBase {

    private static final float SENTINEL = -12345.0f;

    private static float[] sentinels(int length) {
        final float[] values = new float[length];
        Arrays.fill(values, SENTINEL);
        return values;
    }

    private static void assertOnlyRangeWritten(float[] values, int offset, int length) {
        for (int i = 0; i < values.length; i++) {
            final boolean inside = i >= offset && i < offset + length;
            if (inside) {
                assertTrue(values[i] != SENTINEL && Float.isFinite(values[i]), "element " + i + " not written");
            } else {
                assertEquals(SENTINEL, values[i], "element " + i + " outside the range was modified");
            }
        }
    }

    private UniformRandomProvider rng() {
        return RngStreams.of(TEST_SEED).stream("tests/random-fill");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 17, 1000})
    void normalWritesOnlyTheRequestedRange(int length) {
        final float[] values = sentinels(length + 9);
        RandomFill.normal(rng(), values, 4, length, 0.0f, 1.0f);
        assertOnlyRangeWritten(values, 4, length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 17, 1000})
    void uniformWritesOnlyTheRequestedRange(int length) {
        final float[] values = sentinels(length + 9);
        RandomFill.uniform(rng(), values, 5, length, -2.0f, 3.0f);
        assertOnlyRangeWritten(values, 5, length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, RandomFill.CHUNK_LENGTH - 1, RandomFill.CHUNK_LENGTH,
        RandomFill.CHUNK_LENGTH + 1, 2 * RandomFill.CHUNK_LENGTH + 7})
    void chunkedFillsWriteOnlyTheRequestedRange(int length) {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final float[] normals = sentinels(length + 10);
        RandomFill.normalChunked(streams, StreamNames.DEVICES_CYCLE, 0, normals, 3, length, 0.0f, 1.0f);
        assertOnlyRangeWritten(normals, 3, length);
        final float[] uniforms = sentinels(length + 10);
        RandomFill.uniformChunked(streams, StreamNames.DEVICES_CYCLE, 0, uniforms, 7, length, 0.0f, 1.0f);
        assertOnlyRangeWritten(uniforms, 7, length);
    }

    @Test
    void oneFillEqualsTheSameFillInEvenPieces() {
        // Two deviates per output: pieces of even length consume the stream exactly like one fill.
        final float[] whole = new float[1000];
        RandomFill.normal(rng(), whole, 0, whole.length, 0.0f, 1.0f);
        final float[] pieces = new float[1000];
        final UniformRandomProvider rng = rng();
        RandomFill.normal(rng, pieces, 0, 400, 0.0f, 1.0f);
        RandomFill.normal(rng, pieces, 400, 600, 0.0f, 1.0f);
        assertArrayEquals(whole, pieces);
    }

    @Test
    void oddLengthDiscardsTheHighHalfOfTheLastOutput() {
        final UniformRandomProvider rng = rng();
        final float[] odd = new float[3];
        RandomFill.uniform(rng, odd, 0, 3, 0.0f, 1.0f);
        final long next = rng.nextLong();
        final UniformRandomProvider reference = rng();
        reference.nextLong();
        reference.nextLong();
        assertEquals(reference.nextLong(), next);
    }

    @Test
    void uniformUsesTheTop24BitsOfEachHalf() {
        final long bits = rng().nextLong();
        final float[] values = new float[2];
        RandomFill.uniform(rng(), values, 0, 2, 0.0f, 1.0f);
        assertEquals(((int) bits >>> 8) * 0x1.0p-24f, values[0]);
        assertEquals((int) (bits >>> 40) * 0x1.0p-24f, values[1]);
    }

    @Test
    void meanAndSigmaAreAppliedInFloat() {
        final float[] standard = new float[101];
        RandomFill.normal(rng(), standard, 0, standard.length, 0.0f, 1.0f);
        final float[] shifted = new float[101];
        RandomFill.normal(rng(), shifted, 0, shifted.length, 2.5f, 0.25f);
        for (int i = 0; i < standard.length; i++) {
            assertEquals(2.5f + 0.25f * standard[i], shifted[i], "element " + i);
        }
        final float[] constant = new float[11];
        RandomFill.normal(rng(), constant, 0, constant.length, -1.5f, 0.0f);
        for (float value : constant) {
            assertEquals(-1.5f, value);
        }
    }

    @Test
    void uniformNeverReachesHighEvenWhenRoundingWould() {
        // A range whose width is far below one ulp of its bounds: low + width * u rounds to high for large u.
        final float low = 1.0f;
        final float high = Math.nextUp(1.0f);
        final float[] values = new float[4096];
        RandomFill.uniform(rng(), values, 0, values.length, low, high);
        for (float value : values) {
            assertEquals(low, value);
        }
        // The widest finite range.
        RandomFill.uniform(rng(), values, 0, values.length, -Float.MAX_VALUE, Float.MAX_VALUE);
        for (float value : values) {
            assertTrue(value >= -Float.MAX_VALUE && value < Float.MAX_VALUE, "value " + value);
        }
    }

    @Test
    void chunkedFillEqualsPerChunkFillsFromTheChunkStreams() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final int length = 2 * RandomFill.CHUNK_LENGTH + 123;
        final float[] chunked = new float[length];
        RandomFill.normalChunked(streams, StreamNames.CROSSBAR_READ_NOISE, 9, chunked, 0, length, 0.5f, 2.0f);
        final float[] manual = new float[length];
        for (int c = 0; c * RandomFill.CHUNK_LENGTH < length; c++) {
            final int start = c * RandomFill.CHUNK_LENGTH;
            RandomFill.normal(streams.stream(StreamNames.CROSSBAR_READ_NOISE, 9, c), manual, start,
                    Math.min(RandomFill.CHUNK_LENGTH, length - start), 0.5f, 2.0f);
        }
        assertArrayEquals(manual, chunked);

        final float[] chunkedUniform = new float[length];
        RandomFill.uniformChunked(streams, StreamNames.DATA_SYNTHETIC, -3, chunkedUniform, 0, length, -1f, 1f);
        final float[] manualUniform = new float[length];
        for (int c = 0; c * RandomFill.CHUNK_LENGTH < length; c++) {
            final int start = c * RandomFill.CHUNK_LENGTH;
            RandomFill.uniform(streams.stream(StreamNames.DATA_SYNTHETIC, -3, c), manualUniform, start,
                    Math.min(RandomFill.CHUNK_LENGTH, length - start), -1f, 1f);
        }
        assertArrayEquals(manualUniform, chunkedUniform);
    }

    @Test
    void chunkedFillIsShiftedByTheOffsetAndDependsOnTheIndex() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final int length = RandomFill.CHUNK_LENGTH + 50;
        final float[] atZero = new float[length];
        RandomFill.normalChunked(streams, StreamNames.DEVICES_CYCLE, 1, atZero, 0, length, 0f, 1f);
        final float[] atTen = new float[length + 10];
        RandomFill.normalChunked(streams, StreamNames.DEVICES_CYCLE, 1, atTen, 10, length, 0f, 1f);
        assertArrayEquals(atZero, Arrays.copyOfRange(atTen, 10, 10 + length));
        final float[] otherIndex = new float[length];
        RandomFill.normalChunked(streams, StreamNames.DEVICES_CYCLE, 2, otherIndex, 0, length, 0f, 1f);
        assertFalse(Arrays.equals(atZero, otherIndex));
    }

    @Test
    void invalidArgumentsAreRejectedWithMessages() {
        final UniformRandomProvider rng = rng();
        final float[] values = new float[10];
        assertThrows(NullPointerException.class, () -> RandomFill.normal(null, values, 0, 1, 0f, 1f));
        assertThrows(NullPointerException.class, () -> RandomFill.normal(rng, null, 0, 1, 0f, 1f));
        assertThrows(IndexOutOfBoundsException.class, () -> RandomFill.normal(rng, values, -1, 1, 0f, 1f));
        assertThrows(IndexOutOfBoundsException.class, () -> RandomFill.normal(rng, values, 5, 6, 0f, 1f));
        assertThrows(IndexOutOfBoundsException.class, () -> RandomFill.uniform(rng, values, 0, -1, 0f, 1f));
        assertThrows(IndexOutOfBoundsException.class,
                () -> RandomFill.normalChunked(RngStreams.of(1), "x", 0, values, 8, 3, 0f, 1f));

        final IllegalArgumentException sigma = assertThrows(IllegalArgumentException.class,
                () -> RandomFill.normal(rng, values, 0, 1, 0f, -1f));
        assertTrue(sigma.getMessage().contains("sigma") && sigma.getMessage().contains("-1.0"), sigma.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomFill.normal(rng, values, 0, 1, 0f, Float.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> RandomFill.normal(rng, values, 0, 1, 0f, Float.POSITIVE_INFINITY));
        final IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
                () -> RandomFill.normal(rng, values, 0, 1, Float.NaN, 1f));
        assertTrue(mean.getMessage().contains("mean"), mean.getMessage());

        final IllegalArgumentException bounds = assertThrows(IllegalArgumentException.class,
                () -> RandomFill.uniform(rng, values, 0, 1, 2f, 1f));
        assertTrue(bounds.getMessage().contains("low = 2.0") && bounds.getMessage().contains("high = 1.0"),
                bounds.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomFill.uniform(rng, values, 0, 1, 1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> RandomFill.uniform(rng, values, 0, 1, Float.NaN, 1f));
        assertThrows(IllegalArgumentException.class,
                () -> RandomFill.uniform(rng, values, 0, 1, 0f, Float.POSITIVE_INFINITY));

        assertThrows(NullPointerException.class,
                () -> RandomFill.uniformChunked(null, "x", 0, values, 0, 1, 0f, 1f));
        assertThrows(IllegalArgumentException.class,
                () -> RandomFill.uniformChunked(RngStreams.of(1), "", 0, values, 0, 1, 0f, 1f));
        // Validation happens before anything is written.
        final float[] untouched = sentinels(4);
        assertThrows(IllegalArgumentException.class, () -> RandomFill.normal(rng, untouched, 0, 4, 0f, -1f));
        assertOnlyRangeWritten(untouched, 0, 0);
    }
}
