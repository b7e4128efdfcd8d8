package org.xbarlab.calibration.programming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.data.ProgrammingData;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.ProgrammingConfig;
import org.xbarlab.devices.noise.PolynomialProgrammingNoiseConfig;

/**
 * Round trip of the programming-noise fit: one-shot writes of the devices module with aihwkit's PCM polynomial
 * (c = 0.26348, 1.9650, -1.1731 uS at 25 uS) to targets from 3 to 20 uS (at least 5 sigma inside the 0 to 25 uS
 * window, so no write is clipped), fitted back; coefficients within 5 standard errors.
 */
class ProgrammingNoiseCalibrationTest extends XbarlabTestBase {

    static String writesCsv(PolynomialProgrammingNoiseConfig noise, int writes, long seed) {
        DeviceConfig device = DeviceConfig.defaults().withWindow(0, 25e-6)
                .withProgramming(ProgrammingConfig.defaults().withNoise(noise));
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(device, writes, streams, 0);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
        float[] targets = new float[writes];
        for (int i = 0; i < writes; i++) {
            targets[i] = (float) (3e-6 + 17e-6 * i / (writes - 1));
        }
        population.program(targets, 0, 0, writes, random);
        float[] achieved = new float[writes];
        population.conductances(0, writes, achieved, 0);
        StringBuilder csv = new StringBuilder("device,targetConductanceSiemens,achievedConductanceSiemens\n");
        for (int i = 0; i < writes; i++) {
            csv.append(i).append(',').append(targets[i]).append(',').append(achieved[i]).append('\n');
        }
        return csv.toString();
    }

    @Test
    void polynomialCoefficientsComeBackWithinFiveStandardErrors() {
        PolynomialProgrammingNoiseConfig truth = PolynomialProgrammingNoiseConfig.defaults();
        ProgrammingData data = ProgrammingData.parse(writesCsv(truth, 6000, TEST_SEED), "writes.csv");
        ProgrammingNoiseFit fit = ProgrammingNoiseCalibration.fit(data, 2, 25e-6);
        List<FitParameter> parameters = fit.parameters();
        for (int k = 0; k < 3; k++) {
            FitParameter c = parameters.get(k);
            assertEquals("coefficientsSiemens[" + k + "]", c.name());
            assertEquals(truth.coefficientsSiemens().get(k), c.value(), 5 * c.standardError(),
                    "seed " + TEST_SEED + ": " + parameters);
        }
        FitParameter bias = fit.parameter("meanErrorSiemens");
        assertEquals(0, bias.value(), 5 * bias.standardError());
        assertTrue(fit.warnings().isEmpty(), fit.warnings().toString());
        assertEquals(25e-6, fit.noise().referenceMaxConductanceSiemens());
        // The written model gives the fitted sigma: 0.862 uS at 10 uS for the truth.
        assertEquals(truth.sigmaSiemens(10e-6, 25e-6), fit.sigmaSiemens(10e-6, 25e-6), 0.03e-6);
        DeviceConfig preset = fit.applyTo(DeviceConfig.defaults());
        assertEquals(fit.noise(), preset.programming().noise());
        assertEquals(6000, fit.curves().series().get(0).x().length);
    }

    @Test
    void tooFewWritesOrTargetsAreNamed() {
        String header = "device,targetConductanceSiemens,achievedConductanceSiemens\n";
        CalibrationDataException few = assertThrows(CalibrationDataException.class,
                () -> ProgrammingNoiseCalibration.fit(ProgrammingData.parse(header + "0,1e-5,1.1e-5\n", "w.csv"), 2,
                        25e-6));
        assertTrue(few.getMessage().contains("w.csv: 1 write(s); a degree-2 polynomial has 3 coefficients and needs "
                + "at least 6 writes"), few.getMessage());
        StringBuilder same = new StringBuilder(header);
        for (int i = 0; i < 10; i++) {
            same.append(i).append(",1e-5,").append(1e-5 + 1e-7 * (i - 5)).append('\n');
        }
        CalibrationDataException targets = assertThrows(CalibrationDataException.class,
                () -> ProgrammingNoiseCalibration.fit(ProgrammingData.parse(same.toString(), "t.csv"), 1, 25e-6));
        assertTrue(targets.getMessage().contains("1 distinct target(s)"), targets.getMessage());
        ProgrammingNoiseFit constant = ProgrammingNoiseCalibration.fit(ProgrammingData.parse(same.toString(),
                "t.csv"), 0, 25e-6);
        assertEquals(1, constant.noise().coefficientsSiemens().size());
    }
}
