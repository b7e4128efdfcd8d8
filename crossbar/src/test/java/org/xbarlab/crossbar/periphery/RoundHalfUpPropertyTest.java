package org.xbarlab.crossbar.periphery;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The converters' rounding ({@link AnalogPeriphery#roundHalfUp}) is {@code Math.round} bit for bit wherever the
 * converters use its value (below {@code 2^31} in magnitude; beyond, both results clip to the range), so replacing
 * {@code Math.round} changed no result.
 */
class RoundHalfUpPropertyTest {

    @Provide
    Arbitrary<Float> values() {
        float limit = 0x1p31f;
        return Arbitraries.oneOf(
                Arbitraries.floats().between(-limit, limit).filter(v -> Math.abs(v) < limit),
                Arbitraries.floats().between(-300f, 300f),
                // ties and their neighbours
                Arbitraries.integers().between(-1000, 1000).map(k -> k + 0.5f),
                Arbitraries.integers().between(-1000, 1000).map(k -> Math.nextUp(k + 0.5f)),
                Arbitraries.integers().between(-1000, 1000).map(k -> Math.nextDown(k + 0.5f)),
                Arbitraries.of(0f, -0f, 0.49999997f, -0.49999997f, 0.5f, -0.5f, Float.MIN_VALUE, -Float.MIN_VALUE,
                        0x1p23f, -0x1p23f, 0x1p23f + 1f, 0x1p24f, -0x1p24f, Math.nextDown(0x1p31f),
                        -Math.nextDown(0x1p31f)));
    }

    @Property(tries = 2000)
    void equalsMathRound(@ForAll("values") float v) {
        assertEquals(Float.floatToIntBits((float) Math.round(v)), Float.floatToIntBits(AnalogPeriphery.roundHalfUp(v)),
                () -> "v = " + v);
    }

    @Test
    void scaledByAStepEqualsMathRoundScaledByTheStep() {
        float step = 40f / 255f;
        for (float v = -300f; v <= 300f; v = Math.nextUp(v + 0.0137f)) {
            assertEquals(Math.round(v) * step, AnalogPeriphery.roundHalfUp(v) * step, "v = " + v);
        }
    }
}
