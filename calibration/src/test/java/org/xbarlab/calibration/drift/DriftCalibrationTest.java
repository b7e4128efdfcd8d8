package org.xbarlab.calibration.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.data.DriftData;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.drift.DriftConfig;
import org.xbarlab.devices.drift.PcmDriftConfig;
import org.xbarlab.devices.drift.PowerLawDriftConfig;
import org.xbarlab.devices.noise.GaussianReadNoiseConfig;

/**
 * Round trips of the drift fit: devices of the devices module programmed to known targets, drifting with a known
 * exponent distribution and read with 0.5 % relative read noise at 8 times from 0 s to 1e6 s, fitted back.
 * Estimates must come back within 5 of their standard errors.
 */
class DriftCalibrationTest extends XbarlabTestBase {

    private static final double[] TIMES = {0, 1, 10, 100, 1e3, 1e4, 1e5, 1e6};

    /** Drift data of {@code devices} devices programmed to targets spread log-uniformly over [0.5, 25] uS. */
    static String driftCsv(DriftConfig drift, int devices, long seed) {
        DeviceConfig device = DeviceConfig.defaults().withWindow(0, 25e-6).withDrift(drift)
                .withReadNoise(new GaussianReadNoiseConfig(0, 0.005));
        RngStreams streams = RngStreams.of(seed);
        DevicePopulation population = DevicePopulation.create(device, devices, streams, 0);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
        float[] targets = new float[devices];
        for (int d = 0; d < devices; d++) {
            targets[d] = (float) (0.5e-6 * Math.pow(50, (d + 0.5) / devices));
        }
        population.program(targets, 0, 0, devices, random);
        StringBuilder csv = new StringBuilder("device,timeSeconds,conductanceSiemens\n");
        float[] reads = new float[devices];
        double now = 0;
        for (double time : TIMES) {
            population.advanceTime(time - now, random);
            now = time;
            population.read(0, devices, reads, 0, random);
            for (int d = 0; d < devices; d++) {
                csv.append(d).append(',').append(time).append(',').append(reads[d]).append('\n');
            }
        }
        return csv.toString();
    }

    private static void assertWithin(double expected, FitParameter parameter, String context) {
        assertEquals(expected, parameter.value(), 5 * parameter.standardError(),
                String.format(Locale.ROOT, "%s: %s", context, parameter));
    }

    @Test
    void powerLawMeanAndSpreadComeBack() {
        PowerLawDriftConfig truth = new PowerLawDriftConfig(0.06, 0.015, 20, PowerLawDriftConfig.NegativeExponents.KEEP);
        DriftData data = DriftData.parse(driftCsv(truth, 60, TEST_SEED), "drift.csv");
        DriftFit fit = DriftCalibration.fit(data, DriftOptions.of(25e-6).withModel(DriftModelChoice.POWER_LAW));
        String context = "seed " + TEST_SEED;
        assertEquals("power-law", fit.model());
        assertWithin(0.06, fit.parameter("meanExponent"), context);
        assertWithin(0.015, fit.parameter("exponentSigma"), context);
        PowerLawDriftConfig written = assertInstanceOf(PowerLawDriftConfig.class, fit.drift());
        assertEquals(fit.parameter("meanExponent").value(), written.meanExponent());
        assertEquals(20, written.referenceTimeSeconds());
        assertEquals(60, fit.devices().size());
        assertTrue(fit.readingsRSquared() > 0.9, "R² " + fit.readingsRSquared());
        // Each device's exponent is close to a draw from the truth: within 6 sigma of the mean.
        for (DeviceDrift device : fit.devices()) {
            assertEquals(0.06, device.exponent(), 6 * 0.015 + 5 * device.exponentStandardError());
        }
        assertTrue(DriftCalibration.fit(data, DriftOptions.of(25e-6)).model().equals("power-law"),
                "auto keeps the constant model when nu does not depend on G (BIC)");
    }

    @Test
    void pcmConductanceDependenceComesBackAndAutoChoosesIt() {
        // Log-linear mean and spread with clips outside the data, so the truth is the fitted form.
        PcmDriftConfig truth = new PcmDriftConfig(-0.02, 0.03, 0, 1, -0.004, 0.004, 0, 1, 1e-7, 1, 20);
        DriftData data = DriftData.parse(driftCsv(truth, 120, TEST_SEED), "drift.csv");
        DriftFit fit = DriftCalibration.fit(data, DriftOptions.of(25e-6));
        String context = "seed " + TEST_SEED + ", comparison " + fit.comparison();
        assertEquals("pcm", fit.model(), context);
        assertWithin(-0.02, fit.parameter("meanExponentLogSlope"), context);
        assertWithin(0.03, fit.parameter("meanExponentIntercept"), context);
        assertWithin(-0.004, fit.parameter("exponentSigmaLogSlope"), context);
        assertWithin(0.004, fit.parameter("exponentSigmaIntercept"), context);
        PcmDriftConfig written = assertInstanceOf(PcmDriftConfig.class, fit.drift());
        // The clips are the fitted values at the ends of the observed conductances: 0.5 and 25 uS.
        assertEquals(fit.parameter("meanExponentIntercept").value(), written.meanExponentIntercept());
        assertTrue(written.maxMeanExponent() > 0.09 && written.minMeanExponent() < 0.04, written.toString());
    }

    @Test
    void badDriftDataIsNamed() {
        String header = "device,timeSeconds,conductanceSiemens\n";
        CalibrationDataException one = assertThrows(CalibrationDataException.class,
                () -> DriftCalibration.fit(DriftData.parse(header + "4,0,1e-5\n4,10,0.9e-5\n4,100,0.8e-5\n",
                        "one.csv"), DriftOptions.of(25e-6)));
        assertTrue(one.getMessage().contains("one.csv: only one device (device 4 (rows 1 to 3))"), one.getMessage());
        CalibrationDataException few = assertThrows(CalibrationDataException.class,
                () -> DriftCalibration.fit(DriftData.parse(header + "0,0,1e-5\n0,10,0.9e-5\n0,100,0.8e-5\n"
                        + "1,0,1e-5\n1,10,0.9e-5\n", "few.csv"), DriftOptions.of(25e-6)));
        assertTrue(few.getMessage().contains("few.csv: device 1 (rows 4 to 5) has 2 reading(s)"), few.getMessage());
        DriftData small = DriftData.parse(driftCsv(PowerLawDriftConfig.defaults(), 4, TEST_SEED), "small.csv");
        CalibrationDataException pcm = assertThrows(CalibrationDataException.class,
                () -> DriftCalibration.fit(small, DriftOptions.of(25e-6).withModel(DriftModelChoice.PCM)));
        assertTrue(pcm.getMessage().contains("needs at least 6 devices"), pcm.getMessage());
    }
}
