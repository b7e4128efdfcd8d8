package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.ProgrammingConfig;
import org.xbarlab.devices.drift.PowerLawDriftConfig;
import org.xbarlab.devices.noise.GaussianReadNoiseConfig;
import org.xbarlab.devices.noise.PolynomialProgrammingNoiseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;

class CalibrateCommandTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    /** Pulse-response data of devices of the PCMO preset, written by 'xbarlab devices pulse-response'. */
    private Path pulseData(int devices) {
        Path data = directory.resolve("pcmo-" + devices + ".csv");
        CliTestSupport.Run run = CliTestSupport.run("devices", "pulse-response", "--preset", "pcmo", "--pulses",
                "60", "--cycles", "1", "--devices", Integer.toString(devices), "--seed", "3", "--out",
                data.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return data;
    }

    private static void assertInvalidData(CliTestSupport.Run run, String... fragments) {
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("xbarlab: invalid data: "), run.toString());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "missing '" + fragment + "' in " + run);
        }
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void pulseResponseFitPrintsTheSummaryAndWritesPresetFigureAndReport() throws IOException {
        Path data = pulseData(3);
        Path preset = directory.resolve("my-pcmo.json");
        Path figure = directory.resolve("fit.svg");
        Path report = directory.resolve("fit.json");
        CliTestSupport.Run run = CliTestSupport.run("calibrate", "pulse-response", data.toString(), "--model",
                "neurosim-nonlinear", "--out", preset.toString(), "--figure", figure.toString(), "--report",
                report.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        String out = run.out();
        assertTrue(out.contains("3 device(s), 360 pulse observations"), out);
        assertTrue(out.contains("model neurosim-nonlinear, cycle-to-cycle noise window"), out);
        assertTrue(out.contains("potentiationLevelCount") && out.contains("potentiationNonlinearity")
                && out.contains(" ± "), out);
        assertTrue(out.contains("cycle-to-cycle: cycleToCycleWindowFraction"), out);
        assertTrue(out.contains("fit: R² ") && out.contains("RMSE ") && out.contains("BIC"), out);
        DeviceConfig device = ConfigMapper.read(preset, DeviceConfig.class);
        assertEquals("my-pcmo", device.name());
        assertTrue(device.citation().contains("xbarlab calibrate pulse-response from pcmo-3.csv (SHA-256 "),
                device.citation());
        NeuroSimNonlinearResponseConfig response = assertInstanceOf(NeuroSimNonlinearResponseConfig.class,
                device.response());
        // PCMO: 50 / 50 levels, NL 3.68 / -6.76 (3 devices, 60 pulses: loose bounds here; the calibration
        // module's tests check the statistics).
        assertEquals(50, response.potentiationLevelCount(), 25);
        assertEquals(3.68, response.potentiationNonlinearity(), 2);
        assertTrue(Files.readString(figure).contains("<svg"));
        JsonNode json = ConfigMapper.jsonMapper().readTree(Files.readString(report));
        assertEquals("neurosim-nonlinear", json.path("model").asText());
        assertEquals(3, json.path("devices").size());
        assertTrue(json.at("/quality/rSquared").asDouble() > 0.3, json.toString());
    }

    @Test
    void theFittedPresetRunsInAnExperimentUnchanged() throws IOException {
        Path data = pulseData(2);
        Path preset = directory.resolve("fitted.json");
        CliTestSupport.Run fit = CliTestSupport.run("calibrate", "pulse-response", data.toString(), "--model",
                "neurosim-nonlinear", "--out", preset.toString());
        assertEquals(ExitCodes.OK, fit.exitCode(), fit.toString());
        Path experiment = directory.resolve("experiment.json");
        Files.writeString(experiment, """
                {"schemaVersion": 1, "name": "fitted-device",
                 "data": {"dataset": "synthetic", "trainSamples": 200, "testSamples": 100},
                 "chip": {"device": %s},
                 "training": {"layerSizes": [784, 20], "epochs": 1, "winners": 2}}
                """.formatted(Files.readString(preset)));
        Path out = directory.resolve("run");
        CliTestSupport.Run run = CliTestSupport.run("run", experiment.toString(), "--seed", "5", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        JsonNode result = ConfigMapper.jsonMapper().readTree(Files.readString(out.resolve("result.json")));
        assertEquals("fitted", result.at("/provenance/resolvedConfig/chip/device/name").asText());
        assertEquals(ConfigMapper.read(preset, DeviceConfig.class),
                ConfigMapper.treeToValue(result.at("/provenance/resolvedConfig/chip/device"), DeviceConfig.class,
                        "result.json"), "the experiment used the preset as written");
    }

    @Test
    void driftAndProgrammingWriteIntoTheSamePreset() throws IOException {
        Path preset = directory.resolve("device.json");
        Path drift = directory.resolve("drift.csv");
        Files.writeString(drift, driftCsv());
        CliTestSupport.Run first = CliTestSupport.run("calibrate", "drift", drift.toString(), "--model", "power-law",
                "--base", "pcmo", "--out", preset.toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
        assertTrue(first.out().contains("meanExponent") && first.out().contains("exponentSigma"), first.out());
        Path writes = directory.resolve("writes.csv");
        Files.writeString(writes, writesCsv());
        CliTestSupport.Run second = CliTestSupport.run("calibrate", "programming", writes.toString(), "--base",
                preset.toString(), "--out", preset.toString(), "--figure", directory.resolve("p.png").toString());
        assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
        assertTrue(second.out().contains("coefficientsSiemens[2]") && second.out().contains("sigma at 0"),
                second.out());
        DeviceConfig device = ConfigMapper.read(preset, DeviceConfig.class);
        assertEquals("pcmo", device.name(), "the base's name is kept");
        assertInstanceOf(PowerLawDriftConfig.class, device.drift());
        assertInstanceOf(PolynomialProgrammingNoiseConfig.class, device.programming().noise());
        assertInstanceOf(NeuroSimNonlinearResponseConfig.class, device.response(), "the base's response is kept");
        assertTrue(device.citation().contains("NeuroSim") && device.citation().contains("Drift fitted")
                && device.citation().contains("Programming noise fitted"), device.citation());
    }

    /** 8 devices of 1.5 uS drifting with nu ~ N(0.05, 0.01^2), read at 6 times with 0.5 % read noise. */
    private static String driftCsv() {
        DeviceConfig device = DeviceConfig.defaults().withWindow(0, 25e-6)
                .withDrift(new PowerLawDriftConfig(0.05, 0.01, 20, PowerLawDriftConfig.NegativeExponents.KEEP))
                .withReadNoise(new GaussianReadNoiseConfig(0, 0.005));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(device, 8, streams, 0);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 0);
        float[] targets = new float[8];
        java.util.Arrays.fill(targets, 1.5e-6f);
        population.program(targets, 0, 0, 8, random);
        StringBuilder csv = new StringBuilder("device,timeSeconds,conductanceSiemens\n");
        double now = 0;
        float[] reads = new float[8];
        for (double time : new double[] {0, 10, 100, 1e3, 1e4, 1e5}) {
            population.advanceTime(time - now, random);
            now = time;
            population.read(0, 8, reads, 0, random);
            for (int d = 0; d < 8; d++) {
                csv.append(d).append(',').append(time).append(',').append(reads[d]).append('\n');
            }
        }
        return csv.toString();
    }

    /** 400 one-shot writes with aihwkit's PCM programming noise, targets 3 to 20 uS. */
    private static String writesCsv() {
        DeviceConfig device = DeviceConfig.defaults().withWindow(0, 25e-6)
                .withProgramming(ProgrammingConfig.defaults().withNoise(PolynomialProgrammingNoiseConfig.defaults()));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(device, 400, streams, 0);
        float[] targets = new float[400];
        for (int i = 0; i < 400; i++) {
            targets[i] = (float) (3e-6 + 17e-6 * i / 399);
        }
        population.program(targets, 0, 0, 400, streams.stream(StreamNames.DEVICES_CYCLE, 0));
        float[] achieved = new float[400];
        population.conductances(0, 400, achieved, 0);
        StringBuilder csv = new StringBuilder("device,targetConductanceSiemens,achievedConductanceSiemens\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i).append(',').append(targets[i]).append(',').append(achieved[i]).append('\n');
        }
        return csv.toString();
    }

    @Test
    void badDataEndsWithExitCode3NamingTheRowAndColumn() throws IOException {
        Path data = directory.resolve("bad.csv");
        Files.writeString(data, "device,cycle,pulse,direction,conductanceSiemens\n0,0,0,up,1e-6\n0,0,1,up,NaN\n");
        assertInvalidData(CliTestSupport.run("calibrate", "pulse-response", data.toString(), "--out",
                directory.resolve("p.json").toString()), "bad.csv, row 2 (line 3), column conductanceSiemens",
                "'NaN'");
        Path one = directory.resolve("one.csv");
        Files.writeString(one, "device,cycle,pulse,direction,conductanceSiemens\n0,0,0,up,1e-6\n0,0,1,up,2e-6\n"
                + "0,0,1,down,1e-6\n");
        assertInvalidData(CliTestSupport.run("calibrate", "pulse-response", one.toString(), "--out",
                directory.resolve("p.json").toString()), "only one device", "at least 2 devices");
        Path drift = directory.resolve("drift.csv");
        Files.writeString(drift, "device,timeSeconds,conductanceSiemens\n0,10,1e-5\n0,5,1e-5\n");
        assertInvalidData(CliTestSupport.run("calibrate", "drift", drift.toString(), "--out",
                directory.resolve("d.json").toString()), "row 2 (line 3), column timeSeconds", "goes backward");
        assertFalse(Files.exists(directory.resolve("p.json")), "nothing is written on bad data");
    }

    @Test
    void missingFilesAreInputErrorsAndBadOptionsUsageErrors() {
        CliTestSupport.Run missing = CliTestSupport.run("calibrate", "programming",
                directory.resolve("absent.csv").toString(), "--out", directory.resolve("p.json").toString());
        assertEquals(ExitCodes.IO_ERROR, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("absent.csv"), missing.toString());
        CliTestSupport.Run model = CliTestSupport.run("calibrate", "pulse-response", "x.csv", "--model", "magic",
                "--out", directory.resolve("p.json").toString());
        assertEquals(ExitCodes.USAGE, model.exitCode(), model.toString());
        assertTrue(model.err().contains("magic") && model.err().contains("soft-bounds"), model.toString());
        CliTestSupport.Run figure = CliTestSupport.run("calibrate", "drift", "x.csv", "--out",
                directory.resolve("p.json").toString(), "--figure", "f.gif");
        assertEquals(ExitCodes.USAGE, figure.exitCode(), figure.toString());
        CliTestSupport.Run help = CliTestSupport.run("calibrate", "--help");
        assertEquals(ExitCodes.OK, help.exitCode());
        assertTrue(help.out().contains("pulse-response") && help.out().contains("drift")
                && help.out().contains("programming"), help.out());
    }
}
