package org.xbarlab.devices.response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The label-to-A conversion reproduces entries of NeuroSim's table Nonlinearity-NormA (values as printed there). */
class NeuroSimNonlinearityTest extends XbarlabTestBase {

    @ParameterizedTest
    @CsvSource({"0.01, 126.269", "0.04, 31.5668", "0.1, 12.6258", "1.51, 0.8195", "2.4, 0.4992", "3.01, 0.3853",
        "4.51, 0.2266", "4.88, 0.2003", "6.01, 0.1351", "6.76, 0.1003", "7.51, 0.0702"})
    void reproducesNeuroSimTable(double label, double tableA) {
        // The table prints 4 to 6 significant digits; allow half a unit of its last digit plus 0.05 % model error.
        double a = NeuroSimNonlinearity.normalizedA(label);
        assertEquals(tableA, a, 0.0005 * tableA + 0.00006, "label " + label);
        assertEquals(-a, NeuroSimNonlinearity.normalizedA(-label), 0);
    }

    @Test
    void labelAndAAreInverses() {
        for (double label = 0.02; label < 9.5; label *= 1.3) {
            assertEquals(label, NeuroSimNonlinearity.label(NeuroSimNonlinearity.normalizedA(label)), 1e-9 * label);
        }
        assertEquals(Double.POSITIVE_INFINITY, NeuroSimNonlinearity.normalizedA(0));
    }

    @Test
    void curveAndPositionAreInverses() {
        for (double a : new double[] {0.2, -0.2, 3, -3, Double.POSITIVE_INFINITY}) {
            for (double x = 0; x <= 1; x += 0.125) {
                assertEquals(x, NeuroSimNonlinearity.position(NeuroSimNonlinearity.curve(x, a), a), 1e-12);
            }
            assertEquals(1, NeuroSimNonlinearity.curve(1, a), 1e-12);
        }
        // NeuroSim's Ag:a-Si half-way point (neurosim.md table: 0.731 of the range at half the pulses).
        assertEquals(0.731, NeuroSimNonlinearity.curve(0.5, NeuroSimNonlinearity.normalizedA(2.4)), 0.0005);
    }
}
