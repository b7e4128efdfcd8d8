package org.xbarlab.core;


import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@link Checks}: each check accepts exactly the values its name promises, NaN and infinities never
 * pass a finiteness check, and every rejection message names the field.
 */
class ChecksPropertyTest extends XbarlabTestBase {

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().withStandardSpecialValues(),
                Arbitraries.doubles().between(-10, 10).withStandardSpecialValues(),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
                        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0,
                        Math.nextUp(1.0), Math.nextDown(1.0)));
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.longBitsToDouble(0x7ff8_0000_0000_0001L), Double.longBitsToDouble(0xfff8_0000_0000_0000L));
    }

    @Property
    void positiveFiniteAcceptsExactlyPositiveFiniteValues(@ForAll("anyDouble") double value) {
        boolean expected = value > 0 && Double.isFinite(value);
        assertEquals(expected, accepts(() -> Checks.positiveFinite("maxConductanceSiemens", value)),
                "value " + value);
    }

    @Property
    void nonFiniteValuesNeverPassAFinitenessCheck(@ForAll("nonFinite") double value) {
        assertThrows(IllegalArgumentException.class, () -> Checks.finite("x", value));
        assertThrows(IllegalArgumentException.class, () -> Checks.positiveFinite("x", value));
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegativeFinite("x", value));
        assertThrows(IllegalArgumentException.class, () -> Checks.fraction("x", value));
    }

    @Property
    void nonNegativeFiniteAcceptsExactlyFiniteValuesAtOrAboveZero(@ForAll("anyDouble") double value) {
        boolean expected = value >= 0 && Double.isFinite(value);
        assertEquals(expected, accepts(() -> Checks.nonNegativeFinite("offsetVolts", value)), "value " + value);
    }

    @Property
    void inClosedRangeAcceptsExactlyTheValuesInRange(@ForAll("anyDouble") double a, @ForAll("anyDouble") double b,
                                                     @ForAll("anyDouble") double value) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            assertThrows(IllegalArgumentException.class, () -> Checks.inClosedRange("x", value, a, b));
            return;
        }
        double min = Math.min(a, b);
        double max = Math.max(a, b);
        boolean expected = min <= value && value <= max;
        assertEquals(expected, accepts(() -> Checks.inClosedRange("readVoltageVolts", value, min, max)),
                value + " in [" + min + ", " + max + "]");
        // The bounds themselves are in, their neighbours outside are out.
        assertTrue(accepts(() -> Checks.inClosedRange("x", min, min, max)));
        assertTrue(accepts(() -> Checks.inClosedRange("x", max, min, max)));
        if (min > Double.NEGATIVE_INFINITY) {
            assertEquals(false, accepts(() -> Checks.inClosedRange("x", Math.nextDown(min), min, max)));
        }
        if (max < Double.POSITIVE_INFINITY) {
            assertEquals(false, accepts(() -> Checks.inClosedRange("x", Math.nextUp(max), min, max)));
        }
    }

    @Property
    void fractionAcceptsExactlyTheUnitInterval(@ForAll("anyDouble") double value) {
        assertEquals(value >= 0 && value <= 1, accepts(() -> Checks.fraction("dropoutFraction", value)));
    }

    @Property
    void inRangeAcceptsExactlyTheIntegersInRange(@ForAll int a, @ForAll int b, @ForAll int value) {
        int min = Math.min(a, b);
        int max = Math.max(a, b);
        assertEquals(min <= value && value <= max, accepts(() -> Checks.inRange("adcResolutionBits", value, min,
                max)));
    }

    @Property
    void integerSignChecksMatchTheirNames(@ForAll long value) {
        assertEquals(value > 0, accepts(() -> Checks.positive("pulseCount", value)));
        assertEquals(value >= 0, accepts(() -> Checks.nonNegative("pulseCount", value)));
    }

    @Property
    void rejectionMessagesNameTheFieldAndShowTheValueWithItsUnit(@ForAll("anyDouble") double value) {
        if (value > 0 && Double.isFinite(value)) {
            return;
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Checks.positiveFinite("layers[3].readVoltageVolts", value));
        assertEquals("layers[3].readVoltageVolts must be positive and finite, got " + Checks.number(value) + " V",
                error.getMessage());
    }

    private static boolean accepts(Runnable check) {
        try {
            check.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
