package org.xbarlab.calibration.pulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.PresetFiles;
import org.xbarlab.calibration.data.PulseResponseData;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.DeviceExperiments;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.PulseResponseTrace;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.response.SoftBoundsResponseConfig;

/**
 * Device-to-device spread, the model choice, bad data and the preset of a pulse-response fit.
 */
class PulseResponseCalibrationTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    /** Devices for the spread tests: window 4 to 24 uS, so the lower bound's spread is not truncated at 0 S. */
    private static DeviceConfig spreadDevice(VariationConfig variation) {
        return DeviceConfig.defaults().withName("truth").withWindow(4e-6, 24e-6)
                .withResponse(new SoftBoundsResponseConfig(0.02, -1, 1, -0.2, true)).withVariation(variation);
    }

    @Test
    void deviceToDeviceSpreadsComeBackWithinFiveStandardErrorsOfASpreadFromDDevices() {
        int devices = 48;
        VariationConfig truth = new VariationConfig(0.1, false, 0.05, 0.05, 0.08, 0, 0.05, 0, 0);
        PulseResponseData data = PulseResponseFixtures.data(spreadDevice(truth), 150, 1, devices, TEST_SEED);
        PulseResponseFit fit = PulseResponseCalibration.fit(data,
                PulseResponseOptions.defaults().withModel("soft-bounds"));
        assertTrue(fit.deviceToDevice());
        assertEquals(devices, fit.devices().size());
        VariationConfig variation = fit.variation();
        // A standard deviation from D values has a standard error of about sigma / sqrt(2 (D - 1)).
        double relative = 5 / Math.sqrt(2.0 * (devices - 1));
        String context = "seed " + TEST_SEED + ": " + variation;
        assertEquals(0.1, variation.stepDeviceToDeviceRelative(), 0.1 * relative, context);
        assertEquals(0.05, variation.upDownDeviceToDevice(), 0.05 * relative, context);
        assertEquals(0.05, variation.maxBoundDeviceToDeviceRelative(), 0.05 * relative, context);
        assertEquals(0.08, variation.minBoundDeviceToDeviceRelative(), 0.08 * relative, context);
        assertEquals(0.05, variation.cycleToCycleRelative(), 0.05 * 0.1, context);
        assertEquals(0, variation.cycleToCycleWindowFraction());
        // The nominal step is the mean over devices; its standard error is the spread over sqrt(D).
        var up = fit.parameter("potentiationStepSiemens");
        assertEquals(0.02 * 10e-6 * 0.8, up.value(), 5 * up.standardError(), context);
        assertEquals(4e-6, fit.minConductanceSiemens(), 5 * fit.parameter("minConductanceSiemens").standardError());
    }

    @Test
    void theLinearStepSlopeSpreadIsRecovered() {
        int devices = 48;
        VariationConfig truth = VariationConfig.defaults().withNonlinearityDeviceToDevice(0.1)
                .withCycleToCycleRelative(0.05);
        DeviceConfig device = PulseResponseFixtures.device(PulseResponseFixtures.response("linear-step"), truth);
        PulseResponseData data = PulseResponseFixtures.data(device, 400, 1, devices, TEST_SEED);
        PulseResponseFit fit = PulseResponseCalibration.fit(data,
                PulseResponseOptions.defaults().withModel("linear-step"));
        assertEquals(0.1, fit.variation().nonlinearityDeviceToDevice(), 0.1 * 5 / Math.sqrt(2.0 * (devices - 1)),
                "seed " + TEST_SEED + ": " + fit.variation());
        assertTrue(fit.variation().stepDeviceToDeviceRelative() < 0.02, "no step spread in the truth: "
                + fit.variation());
    }

    @Test
    void autoChoosesTheModelThatMadeTheDataByBic() {
        for (String model : new String[] {"constant-step", "soft-bounds"}) {
            DeviceConfig truth = PulseResponseFixtures.device(PulseResponseFixtures.response(model),
                    PulseResponseRoundTripTest.noise(model));
            PulseResponseData data = PulseResponseFixtures.data(truth, PulseResponseFixtures.pulses(model), 1, 3,
                    TEST_SEED);
            PulseResponseFit fit = PulseResponseCalibration.fit(data, PulseResponseOptions.defaults());
            assertEquals(model, fit.model(), "seed " + TEST_SEED + ": " + fit.comparison());
            assertEquals(PulseResponseCalibration.AUTO_CANDIDATES.size(), fit.comparison().size());
            double best = fit.quality().bic();
            for (ModelScore score : fit.comparison()) {
                if (score.quality() != null) {
                    assertTrue(score.quality().bic() >= best, score.toString());
                }
            }
        }
    }

    @Test
    void oneDeviceCannotGiveASpreadButCanBeFitted() {
        DeviceConfig truth = PulseResponseFixtures.device(PulseResponseFixtures.response("soft-bounds"),
                VariationConfig.defaults().withCycleToCycleRelative(0.1));
        PulseResponseData data = PulseResponseFixtures.data(truth, 100, 1, 1, TEST_SEED);
        CalibrationDataException error = assertThrows(CalibrationDataException.class,
                () -> PulseResponseCalibration.fit(data, PulseResponseOptions.defaults().withModel("soft-bounds")));
        assertTrue(error.getMessage().contains("generated.csv: only one device (device 0 (rows 1 to 201))")
                && error.getMessage().contains("needs at least 2 devices"), error.getMessage());
        PulseResponseFit pooled = PulseResponseCalibration.fit(data,
                PulseResponseOptions.defaults().withModel("soft-bounds").withDeviceToDevice(false));
        assertFalse(pooled.deviceToDevice());
        assertEquals(-1, pooled.devices().get(0).device());
        assertTrue(pooled.variation().stepDeviceToDeviceRelative() == 0);
    }

    @Test
    void tooFewPulsesAndOneDirectionOnlyAreNamedWithTheirRows() {
        String header = "device,cycle,pulse,direction,conductanceSiemens\n";
        String few = header + "0,0,0,up,1e-6\n0,0,1,up,2e-6\n0,0,2,up,3e-6\n0,0,1,down,2.5e-6\n0,0,2,down,2e-6\n";
        CalibrationDataException error = assertThrows(CalibrationDataException.class,
                () -> PulseResponseCalibration.fit(PulseResponseData.parse(few, "few.csv"),
                        PulseResponseOptions.defaults().withModel("soft-bounds").withDeviceToDevice(false)));
        assertTrue(error.getMessage().contains("few.csv: device 0 (rows 1 to 5) has 4 pulse observations; the "
                + "soft-bounds model has 4 parameters per device and needs at least 8"), error.getMessage());
        String upOnly = header + "0,0,0,up,1e-6\n0,0,1,up,2e-6\n0,0,2,up,3e-6\n1,0,0,up,1e-6\n1,0,1,up,2e-6\n";
        CalibrationDataException direction = assertThrows(CalibrationDataException.class,
                () -> PulseResponseCalibration.fit(PulseResponseData.parse(upOnly, "up.csv"),
                        PulseResponseOptions.defaults()));
        assertTrue(direction.getMessage().contains("up.csv: device 0 (rows 1 to 3) has 0 depression pulse(s)"),
                direction.getMessage());
        String flat = header + "0,0,0,up,1e-6\n0,0,1,up,1e-6\n0,0,1,down,1e-6\n";
        assertTrue(assertThrows(CalibrationDataException.class,
                () -> PulseResponseCalibration.fit(PulseResponseData.parse(flat, "flat.csv"),
                        PulseResponseOptions.defaults().withDeviceToDevice(false))).getMessage()
                .contains("every reading is 1.0E-6 S"));
    }

    @Test
    void thePresetReadsBackAndRunsInThePopulationUnchanged() throws IOException {
        DeviceConfig truth = PulseResponseFixtures.device(PulseResponseFixtures.response("soft-bounds"),
                new VariationConfig(0.1, false, 0.02, 0.05, 0.05, 0, 0.1, 0, 0));
        PulseResponseData data = PulseResponseFixtures.data(truth, 150, 1, 6, TEST_SEED);
        PulseResponseFit fit = PulseResponseCalibration.fit(data,
                PulseResponseOptions.defaults().withModel("soft-bounds"));
        DeviceConfig preset = fit.preset(DeviceConfig.defaults(), "my-device", "fitted in a test");
        Path file = directory.resolve("my-device.json");
        PresetFiles.write(file, preset);
        DeviceConfig read = PresetFiles.read(file);
        assertEquals(preset, read, "the written preset is a DeviceConfig that reads back equal");
        assertEquals("my-device", read.name());
        DevicePopulation population = DevicePopulation.create(read, 64, RngStreams.of(TEST_SEED), 0);
        assertEquals(64, population.size());
        PulseResponseTrace trace = DeviceExperiments.pulseResponse(read, 50, 1, 4, TEST_SEED);
        float last = trace.conductanceSiemens(50, 0);
        assertTrue(last > read.minConductanceSiemens() && last <= read.maxConductanceSiemens() * 1.5, "" + last);
        FitCurves curves = fit.curves();
        assertEquals(6, curves.series().size());
        FitCurves.Series first = curves.series().get(0);
        assertEquals(301, first.x().length);
        assertTrue(Double.isNaN(first.residual()[0]) && Double.isFinite(first.residual()[1]));
    }
}
