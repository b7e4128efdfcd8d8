package org.xbarlab.core.random;

import java.util.Arrays;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomFillPropertyTest extends XbarlabTestBase {

    private static final float SENTINEL = Float.NaN;

    @Property
    void uniformLiesInTheHalfOpenRange(@ForAll long seed, @ForAll float a, @ForAll float b,
                                       @ForAll @IntRange(max = 300) int length) {
        Assume.that(Float.isFinite(a) && Float.isFinite(b) && a != b);
        final float low = Math.min(a, b);
        final float high = Math.max(a, b);
        final float[] values = new float[length];
        RandomFill.uniform(RngStreams.of(seed).stream("tests/property"), values, 0, length, low, high);
        for (float value : values) {
            assertTrue(value >= low && value < high, value + " outside [" + low + ", " + high + ")");
        }
    }

    @Property
    void fillsNeverWriteOutsideTheirRange(@ForAll long seed, @ForAll @IntRange(max = 200) int before,
                                          @ForAll @IntRange(max = 300) int length,
                                          @ForAll @IntRange(max = 200) int after,
                                          @ForAll @FloatRange(min = -1e3f, max = 1e3f) float mean,
                                          @ForAll @FloatRange(min = 0f, max = 1e3f) float sigma) {
        final int size = before + length + after;
        final RngStreams streams = RngStreams.of(seed);
        for (int kind = 0; kind < 4; kind++) {
            final float[] values = new float[size];
            Arrays.fill(values, SENTINEL);
            switch (kind) {
                case 0 -> RandomFill.normal(streams.stream("tests/property"), values, before, length, mean, sigma);
                case 1 -> RandomFill.uniform(streams.stream("tests/property"), values, before, length, -1f, 1f);
                case 2 -> RandomFill.normalChunked(streams, "tests/property", 0, values, before, length, mean,
                        sigma);
                default -> RandomFill.uniformChunked(streams, "tests/property", 0, values, before, length, 0f,
                        1f);
            }
            for (int i = 0; i < size; i++) {
                final boolean inside = i >= before && i < before + length;
                assertEquals(inside, !Float.isNaN(values[i]), "kind " + kind + ", element " + i);
                if (inside) {
                    assertTrue(Float.isFinite(values[i]), "kind " + kind + ", element " + i + " = " + values[i]);
                }
            }
        }
    }

    @Property
    void normalFillIsDeterministic(@ForAll long seed, @ForAll @IntRange(max = 500) int length,
                                   @ForAll @FloatRange(min = -10f, max = 10f) float mean,
                                   @ForAll @FloatRange(min = 0f, max = 10f) float sigma) {
        final float[] first = new float[length];
        final float[] second = new float[length];
        RandomFill.normal(RngStreams.of(seed).stream(StreamNames.DEVICES_CYCLE), first, 0, length, mean, sigma);
        RandomFill.normal(RngStreams.of(seed).stream(StreamNames.DEVICES_CYCLE), second, 0, length, mean, sigma);
        assertArrayEquals(first, second);
    }
}
