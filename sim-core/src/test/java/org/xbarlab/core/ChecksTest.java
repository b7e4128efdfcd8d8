package org.xbarlab.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChecksTest extends XbarlabTestBase {

    private static String messageOf(Executable check) {
        return assertThrows(IllegalArgumentException.class, check).getMessage();
    }

    @Test
    void messagesNameTheFieldTheValueWithItsUnitAndTheAllowedRange() {
        assertEquals("maxConductanceSiemens must be positive and finite, got -2.5E-5 S",
                messageOf(() -> Checks.positiveFinite("maxConductanceSiemens", -2.5e-5)));
        assertEquals("readNoiseFraction must be in [0, 1], got NaN",
                messageOf(() -> Checks.fraction("readNoiseFraction", Double.NaN)));
        assertEquals("readVoltageVolts must be in [0, 1.5] V, got 2 V",
                messageOf(() -> Checks.inClosedRange("readVoltageVolts", 2, 0, 1.5)));
        assertEquals("stepFraction must be in [0, 1), got 1",
                messageOf(() -> Checks.inHalfOpenRange("stepFraction", 1, 0, 1)));
        assertEquals("pulseWidthSeconds must be in [1.0E-9, 1.0E-6) s, got 1.0E-6 s",
                messageOf(() -> Checks.inHalfOpenRange("pulseWidthSeconds", 1e-6, 1e-9, 1e-6)));
        assertEquals("wireResistanceOhms must be non-negative and finite, got Infinity Ω",
                messageOf(() -> Checks.nonNegativeFinite("wireResistanceOhms", Double.POSITIVE_INFINITY)));
        assertEquals("temperatureKelvin must be finite, got -Infinity K",
                messageOf(() -> Checks.finite("temperatureKelvin", Double.NEGATIVE_INFINITY)));
        assertEquals("adcResolutionBits must be in [1, 16] bits, got 20 bits",
                messageOf(() -> Checks.inRange("adcResolutionBits", 20, 1, 16)));
        assertEquals("pulseCount must be positive, got 0", messageOf(() -> Checks.positive("pulseCount", 0)));
        assertEquals("seedCount must be non-negative, got -3", messageOf(() -> Checks.nonNegative("seedCount", -3L)));
        assertEquals("crossbar.device.window.maxConductanceSiemens must be positive and finite, got 0 S",
                messageOf(() -> Checks.positiveFinite("crossbar.device.window.maxConductanceSiemens", 0)));
    }

    @Test
    void checksReturnTheirArgumentForChaining() {
        assertEquals(2.5e-5, Checks.positiveFinite("maxConductanceSiemens", 2.5e-5));
        assertEquals(0.0, Checks.nonNegativeFinite("offsetVolts", 0.0));
        assertEquals(-0.0, Checks.nonNegativeFinite("offsetVolts", -0.0));
        assertEquals(-3.0, Checks.finite("offsetVolts", -3.0));
        assertEquals(1.0, Checks.fraction("stuckAtFaultFraction", 1.0));
        assertEquals(0.0, Checks.inHalfOpenRange("phaseFraction", 0.0, 0, 1));
        assertEquals(1.5, Checks.inClosedRange("readVoltageVolts", 1.5, 0, 1.5));
        assertEquals(7, Checks.positive("rows", 7));
        assertEquals(7L, Checks.positive("rows", 7L));
        assertEquals(0, Checks.nonNegative("rows", 0));
        assertEquals(0L, Checks.nonNegative("rows", 0L));
        assertEquals(16, Checks.inRange("adcResolutionBits", 16, 1, 16));
        assertEquals(Long.MAX_VALUE, Checks.inRange("cycles", Long.MAX_VALUE, 0, Long.MAX_VALUE));
        List<String> names = List.of("a");
        assertSame(names, Checks.notEmpty("names", names));
        assertSame(names, Checks.noNullElements("names", names));
        Map<String, Integer> map = Map.of("a", 1);
        assertSame(map, Checks.notEmpty("map", map));
        assertEquals("x", Checks.notEmpty("name", "x"));
        Object value = new Object();
        assertSame(value, Checks.notNull("value", value));
        Checks.isTrue(true, "never formatted %s");
    }

    @Test
    void nanAndInfinitiesFailEveryFloatingPointCheck() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> Checks.finite("x", bad));
            assertThrows(IllegalArgumentException.class, () -> Checks.positiveFinite("x", bad));
            assertThrows(IllegalArgumentException.class, () -> Checks.nonNegativeFinite("x", bad));
            assertThrows(IllegalArgumentException.class, () -> Checks.fraction("x", bad));
            assertThrows(IllegalArgumentException.class, () -> Checks.inClosedRange("x", bad, -1, 1));
            assertThrows(IllegalArgumentException.class, () -> Checks.inHalfOpenRange("x", bad, -1, 1));
        }
        // An unbounded range still rejects NaN.
        assertThrows(IllegalArgumentException.class, () -> Checks.inClosedRange("x", Double.NaN,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Test
    void boundariesAreInclusiveOrExclusiveAsNamed() {
        assertThrows(IllegalArgumentException.class, () -> Checks.positiveFinite("x", 0.0));
        assertThrows(IllegalArgumentException.class, () -> Checks.positiveFinite("x", -0.0));
        assertEquals(Double.MIN_VALUE, Checks.positiveFinite("x", Double.MIN_VALUE));
        assertEquals(Double.MAX_VALUE, Checks.positiveFinite("x", Double.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegativeFinite("x", -Double.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Checks.fraction("x", Math.nextUp(1.0)));
        assertThrows(IllegalArgumentException.class, () -> Checks.fraction("x", -Double.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Checks.inHalfOpenRange("x", Math.nextDown(0.0), 0, 1));
        assertEquals(Math.nextDown(1.0), Checks.inHalfOpenRange("x", Math.nextDown(1.0), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive("x", Integer.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> Checks.positive("x", 0L));
        assertThrows(IllegalArgumentException.class, () -> Checks.nonNegative("x", -1));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange("x", 0, 1, 16));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange("x", 17, 1, 16));
    }

    @Test
    void invalidRangesAreProgrammingErrors() {
        assertEquals("invalid range for x: [1, 0]; the bounds must be ordered and not NaN",
                messageOf(() -> Checks.inClosedRange("x", 0.5, 1, 0)));
        assertThrows(IllegalArgumentException.class, () -> Checks.inClosedRange("x", 0.5, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Checks.inHalfOpenRange("x", 0.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Checks.inRange("x", 0, 2, 1));
    }

    @Test
    void referencesStringsAndCollections() {
        assertEquals("device must not be null", messageOf(() -> Checks.notNull("device", null)));
        assertEquals("name must not be null", messageOf(() -> Checks.notEmpty("name", (String) null)));
        assertEquals("name must not be empty", messageOf(() -> Checks.notEmpty("name", "")));
        assertEquals("layers must not be empty", messageOf(() -> Checks.notEmpty("layers", List.of())));
        assertEquals("layers must not be null", messageOf(() -> Checks.notEmpty("layers", (List<String>) null)));
        assertEquals("presets must not be empty", messageOf(() -> Checks.notEmpty("presets", Set.of())));
        assertEquals("weights must not be empty", messageOf(() -> Checks.notEmpty("weights", Map.of())));
        List<String> withNull = new ArrayList<>(Arrays.asList("a", "b", null));
        assertEquals("layers[2] must not be null", messageOf(() -> Checks.noNullElements("layers", withNull)));
    }

    @Test
    void isTrueFormatsWithTheRootLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("minConductanceSiemens (1.50 S) must be below maxConductanceSiemens (1.25 S)",
                    messageOf(() -> Checks.isTrue(false,
                            "minConductanceSiemens (%.2f S) must be below maxConductanceSiemens (%.2f S)", 1.5,
                            1.25)));
            assertEquals("readVoltageVolts must be in [0, 1.5] V, got 2.5 V",
                    messageOf(() -> Checks.inClosedRange("readVoltageVolts", 2.5, 0, 1.5)));
        } finally {
            Locale.setDefault(original);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxConductanceSiemens | S",
        "wireResistanceOhms | Ω",
        "readVoltageVolts | V",
        "leakageCurrentAmperes | A",
        "pulseWidthSeconds | s",
        "clockFrequencyHertz | Hz",
        "energyJoules | J",
        "powerWatts | W",
        "lineCapacitanceFarads | F",
        "temperatureKelvin | K",
        "wireLengthMeters | m",
        "cellAreaSquareMeters | m²",
        "adcResolutionBits | bits",
        "readNoiseSigmaVolts | V",
        "crossbar.device.window.maxConductanceSiemens | S",
        "layers[2].readVoltageVolts | V",
        "tiles[0].cells[3].areaSquareMeters | m²",
        "seconds | s",
        "pulseCount | ''",
        "stuckAtFaultFraction | ''",
        "deviceToDeviceSigmaRelative | ''",
        "learningRate | ''",
        "layers[2] | ''",
    })
    void unitsAreInferredFromTheLastSegmentsSuffix(String name, String symbol) {
        assertEquals(symbol, Checks.unitSymbol(name));
    }

    @Test
    void numbersPrintCompactlyAndIndependentlyOfTheLocale() {
        assertEquals("0", Checks.number(0.0));
        assertEquals("0", Checks.number(-0.0));
        assertEquals("256", Checks.number(256));
        assertEquals("-3", Checks.number(-3));
        assertEquals("9999999", Checks.number(9_999_999));
        assertEquals("1.0E7", Checks.number(1e7));
        assertEquals("0.5", Checks.number(0.5));
        assertEquals("-2.5E-5", Checks.number(-2.5e-5));
        assertEquals("NaN", Checks.number(Double.NaN));
        assertEquals("-Infinity", Checks.number(Double.NEGATIVE_INFINITY));
        assertEquals("-2.5E-5 S", Checks.withUnit("maxConductanceSiemens", -2.5e-5));
        assertEquals("12 bits", Checks.withUnit("adcResolutionBits", 12L));
        assertEquals("0.5", Checks.withUnit("dropoutFraction", 0.5));
    }
}
