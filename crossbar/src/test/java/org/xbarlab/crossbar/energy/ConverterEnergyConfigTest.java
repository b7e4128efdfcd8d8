package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

class ConverterEnergyConfigTest extends XbarlabTestBase {

    private static final double RELATIVE_TOLERANCE = 1e-12;

    @Test
    void schreierEnergyInvertsTheFigureOfMeritDefinition() {
        SchreierConverterEnergyConfig envelope = SchreierConverterEnergyConfig.murmannSurveyEnvelope();
        double rate = 1e8;
        double energy = envelope.energyPerConversionJoules(8, rate);
        // FOM_S = SNDR + 10 log10((fs/2) / P) with P = E·fs must give back the envelope.
        double power = energy * rate;
        double fom = ConverterEnergyConfig.idealSndrDecibels(8) + 10 * Math.log10((rate / 2) / power);
        assertEquals(envelope.figureOfMeritDecibels(rate), fom, 1e-9);
    }

    @Test
    void schreierEnvelopeIsFlatBelowTheCornerAndLosesTenDecibelsPerDecadeAbove() {
        SchreierConverterEnergyConfig envelope = new SchreierConverterEnergyConfig(180, 1e6);
        assertEquals(180, envelope.figureOfMeritDecibels(1), 1e-9);
        assertEquals(180 - 10 * Math.log10(Math.sqrt(2)), envelope.figureOfMeritDecibels(1e6), 1e-12);
        double decade = envelope.figureOfMeritDecibels(1e10) - envelope.figureOfMeritDecibels(1e11);
        assertEquals(10, decade, 1e-6);
        // One more bit costs 6.02 dB of SNDR: about four times the energy at the same rate.
        double ratio = envelope.energyPerConversionJoules(9, 1e3) / envelope.energyPerConversionJoules(8, 1e3);
        assertEquals(Math.pow(10, 0.602), ratio, ratio * RELATIVE_TOLERANCE);
        assertTrue(envelope.dependsOnSampleRate());
    }

    @Test
    void waldenEnergyDoublesPerBit() {
        WaldenConverterEnergyConfig walden = new WaldenConverterEnergyConfig(10e-15);
        assertEquals(10e-15 * 256, walden.energyPerConversionJoules(8, 1e9), 1e-27);
        assertEquals(2 * walden.energyPerConversionJoules(7, 1), walden.energyPerConversionJoules(8, 1e12));
        assertFalse(walden.dependsOnSampleRate());
    }

    @Test
    void fixedEnergyIgnoresBitsAndRate() {
        FixedConverterEnergyConfig fixed = new FixedConverterEnergyConfig(1.346e-12);
        assertEquals(1.346e-12, fixed.energyPerConversionJoules(1, Double.POSITIVE_INFINITY));
        assertEquals(1.346e-12, fixed.energyPerConversionJoules(12, 1));
    }

    @Test
    void invalidArgumentsAreRejected() {
        SchreierConverterEnergyConfig envelope = SchreierConverterEnergyConfig.murmannSurveyEnvelope();
        assertThrows(IllegalArgumentException.class, () -> envelope.energyPerConversionJoules(0, 1e6));
        assertThrows(IllegalArgumentException.class, () -> envelope.energyPerConversionJoules(8, 0));
        assertThrows(IllegalArgumentException.class,
                () -> envelope.energyPerConversionJoules(8, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> new WaldenConverterEnergyConfig(1e-15).energyPerConversionJoules(0, 1));
    }
}
