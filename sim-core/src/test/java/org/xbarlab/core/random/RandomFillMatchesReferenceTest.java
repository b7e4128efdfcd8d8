package org.xbarlab.core.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential tests (STYLE.md B7, B8): the bulk normal fill against the one-at-a-time {@link ReferenceNormal}, and
 * the ziggurat tables against an independent computation.
 */
class RandomFillMatchesReferenceTest extends XbarlabTestBase {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 64, 65, 4097, 200_001})
    void bulkNormalsEqualTheReferenceBitForBit(int length) {
        final UniformRandomProvider bulkRng = RngStreams.of(TEST_SEED).stream("tests/reference", length);
        final UniformRandomProvider referenceRng = RngStreams.of(TEST_SEED).stream("tests/reference", length);
        final int offset = 3;
        final float[] bulk = new float[offset + length];
        RandomFill.normal(bulkRng, bulk, offset, length, 0.0f, 1.0f);
        final ReferenceNormal reference = new ReferenceNormal(referenceRng);
        for (int i = 0; i < length; i++) {
            final float expected = reference.next();
            if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(bulk[offset + i])) {
                assertEquals(expected, bulk[offset + i], "element " + i + " of " + length);
            }
        }
        reference.discardPendingHalf();
        // Both consumed the same number of outputs.
        assertEquals(referenceRng.nextLong(), bulkRng.nextLong());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 1000, 1001})
    void bulkUniformsEqualTheReferenceBitForBit(int length) {
        final float[][] ranges = {
            {0f, 1f}, {-3f, 5f}, {1f, Math.nextUp(1f)}, {-Float.MAX_VALUE, Float.MAX_VALUE}, {1e-30f, 2e-30f},
            {1000f, 1000.001f},
        };
        for (float[] range : ranges) {
            final UniformRandomProvider bulkRng = RngStreams.of(TEST_SEED).stream("tests/reference-uniform");
            final UniformRandomProvider referenceRng = RngStreams.of(TEST_SEED).stream("tests/reference-uniform");
            final float[] bulk = new float[length];
            RandomFill.uniform(bulkRng, bulk, 0, length, range[0], range[1]);
            // Reference: one 32-bit word per value, low half first; u = (word >>> 8) 2^-24; computed in double and
            // replaced by the largest float below high if it rounds up to high.
            long bits = 0;
            for (int i = 0; i < length; i++) {
                if (i % 2 == 0) {
                    bits = referenceRng.nextLong();
                }
                final int word = i % 2 == 0 ? (int) bits : (int) (bits >>> 32);
                final double u = (word >>> 8) / (double) (1 << 24);
                float expected = (float) (range[0] + ((double) range[1] - range[0]) * u);
                if (expected >= range[1]) {
                    expected = Math.nextDown(range[1]);
                }
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(bulk[i]),
                        "element " + i + " in [" + range[0] + ", " + range[1] + ")");
            }
            assertEquals(referenceRng.nextLong(), bulkRng.nextLong());
        }
    }

    @Test
    void referenceComparisonExercisesTheWedgesAndTheTail() {
        // 200 001 deviates reach the slow path about 3000 times and the tail about 50 times.
        final float[] values = new float[200_001];
        RandomFill.normal(RngStreams.of(TEST_SEED).stream("tests/reference", values.length), values, 0,
                values.length, 0.0f, 1.0f);
        int tail = 0;
        for (float value : values) {
            if (Math.abs(value) > FloatZiggurat.TAIL_START) {
                tail++;
            }
        }
        assertTrue(tail > 10, "only " + tail + " tail values");
    }

    @Test
    void chunkedNormalsEqualTheReferenceOnEachChunkStream() {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final int length = RandomFill.CHUNK_LENGTH + 1001;
        final float[] chunked = new float[length];
        RandomFill.normalChunked(streams, StreamNames.DEVICES_CYCLE, 4, chunked, 0, length, 0.0f, 1.0f);
        for (int c = 0; c < 2; c++) {
            final ReferenceNormal reference = new ReferenceNormal(streams.stream(StreamNames.DEVICES_CYCLE, 4, c));
            final int start = c * RandomFill.CHUNK_LENGTH;
            final int end = Math.min(length, start + RandomFill.CHUNK_LENGTH);
            for (int i = start; i < end; i++) {
                assertEquals(Float.floatToRawIntBits(reference.next()), Float.floatToRawIntBits(chunked[i]),
                        "element " + i);
            }
        }
    }

    @Test
    void tablesMatchAnIndependentComputation() {
        final int layers = FloatZiggurat.LAYERS;
        final double r = FloatZiggurat.TAIL_START;
        final double v = FloatZiggurat.LAYER_AREA;
        // v = r f(r) + integral of f from r to infinity; the integral is sqrt(pi/2) erfc(r / sqrt 2).
        final double tail = Math.sqrt(Math.PI / 2) * SampleStatistics.erfc(r / Math.sqrt(2));
        assertEquals(v, r * Math.exp(-r * r / 2) + tail, 2e-7 * tail);

        double[] x = new double[layers];
        x[layers - 1] = r;
        for (int i = layers - 1; i >= 2; i--) {
            x[i - 1] = Math.sqrt(-2 * Math.log(v / x[i] + Math.exp(-x[i] * x[i] / 2)));
        }
        for (int i = 1; i < layers; i++) {
            assertEquals(x[i], FloatZiggurat.X[i], 1e-12 * x[i], "edge " + i);
            assertTrue(FloatZiggurat.X[i] > FloatZiggurat.X[i - 1], "edges must increase at " + i);
            assertEquals((float) (x[i] / 0x1.0p24), FloatZiggurat.W[i], Math.ulp(FloatZiggurat.W[i]), "W " + i);
            assertEquals(Math.exp(-x[i] * x[i] / 2), FloatZiggurat.F[i], 1e-12, "F " + i);
            // Each layer above the base has area v.
            final double area = x[i] * (FloatZiggurat.F[i - 1] - FloatZiggurat.F[i]);
            assertEquals(v, area, 1e-12, "area of layer " + i);
            assertTrue(FloatZiggurat.K[i] >= 0 && FloatZiggurat.K[i] < (1 << 24), "K " + i);
        }
        // The top layer reaches x = 0 (the recursion closes), so it has no rectangle below the density.
        assertEquals(0, FloatZiggurat.K[1]);
        assertEquals(1.0, FloatZiggurat.F[0]);
        final double q = v / Math.exp(-r * r / 2);
        assertEquals(r / q * 0x1.0p24, FloatZiggurat.K[0], 1.0);

        // About 98.5 % of candidates are accepted by the fast test.
        double fast = 0;
        for (int i = 0; i < layers; i++) {
            fast += FloatZiggurat.K[i] / 0x1.0p24 / layers;
        }
        assertEquals(0.985, fast, 0.001);
    }

    @Test
    void wordLayoutHelpersMatchTheDocumentation() {
        final int word = 0xABCDEF12;
        assertEquals(0x12, FloatZiggurat.layer(word));
        // Bits 8-31 as signed 24-bit: 0xABCDEF = -5517841; j = 2m + 1.
        assertEquals(2 * (0xABCDEF - (1 << 24)) + 1, FloatZiggurat.oddValue(word));
        assertEquals((1 << 24) - 1, FloatZiggurat.oddValue(0x7FFFFF00));
        assertEquals(-(1 << 24) + 1, FloatZiggurat.oddValue(0x80000000));
    }
}
