package org.xbarlab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbarlab.calibration.data.DriftData;
import org.xbarlab.calibration.data.ProgrammingData;
import org.xbarlab.calibration.data.PulseResponseData;
import org.xbarlab.calibration.drift.DriftCalibration;
import org.xbarlab.calibration.drift.DriftOptions;
import org.xbarlab.calibration.programming.ProgrammingNoiseCalibration;
import org.xbarlab.calibration.pulse.PulseResponseCalibration;
import org.xbarlab.calibration.pulse.PulseResponseOptions;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.DeviceExperiments;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.PulseResponseTrace;
import org.xbarlab.devices.config.DeviceConfig;

/**
 * The example data of docs/calibration.md, in {@code docs/examples/calibration/}: {@code pulse-response.csv},
 * {@code drift.csv} and {@code programming.csv} are simulated here from {@code example-device.json} (the truth) and
 * must equal what this class generates; each must also fit. Regenerate (a reviewed change) with
 * <pre>
 * mvn -B -o -pl calibration test -Dtest=CalibrationExamplesTest -Dxbarlab.examples.regenerate=true
 * </pre>
 * The folder comes from the {@code xbarlab.docs.dir} system property that the parent POM gives Surefire.
 */
class CalibrationExamplesTest extends XbarlabTestBase {

    /** Seed of every example file. */
    static final long EXAMPLE_SEED = 11;

    private static Path folder;
    private static DeviceConfig truth;

    @BeforeAll
    static void locate() {
        String docs = System.getProperty("xbarlab.docs.dir");
        assumeTrue(docs != null && Files.isDirectory(Path.of(docs)), "docs folder not given");
        folder = Path.of(docs, "examples", "calibration");
        truth = ConfigMapper.read(folder.resolve("example-device.json"), DeviceConfig.class);
    }

    /** 8 devices, one cycle of 120 up and 120 down pulses, in the format of 'xbarlab devices pulse-response'. */
    static String pulseResponseCsv(DeviceConfig device) {
        int pulses = 120;
        PulseResponseTrace trace = DeviceExperiments.pulseResponse(device, pulses, 1, 8, EXAMPLE_SEED);
        StringBuilder csv = new StringBuilder(String.join(",", PulseResponseData.COLUMNS)).append('\n');
        for (int d = 0; d < trace.devices(); d++) {
            for (int row = 0; row < trace.rows(); row++) {
                int pulse = row == 0 ? 0 : (row - 1) % pulses + 1;
                csv.append(d).append(',').append(trace.cycleOf(row)).append(',').append(pulse).append(',')
                        .append(row == 0 || trace.isPotentiation(row) ? "up" : "down").append(',')
                        .append(Float.toString(trace.conductanceSiemens(row, d))).append('\n');
            }
        }
        return csv.toString();
    }

    /**
     * 24 devices programmed once to targets log-spaced from 2.5 to 20 uS, each read (with the device's read noise)
     * at 0, 1, 10, ..., 1e6 s after programming; the target is the optional fourth column.
     */
    static String driftCsv(DeviceConfig device) {
        int devices = 24;
        RngStreams streams = RngStreams.of(EXAMPLE_SEED);
        DevicePopulation population = DevicePopulation.create(device, devices, streams, 1);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 1);
        float[] targets = new float[devices];
        for (int d = 0; d < devices; d++) {
            targets[d] = (float) (2.5e-6 * Math.pow(20 / 2.5, d / (devices - 1.0)));
        }
        population.program(targets, 0, 0, devices, random);
        StringBuilder csv = new StringBuilder(String.join(",", DriftData.COLUMNS)).append(',')
                .append(DriftData.TARGET_COLUMN).append('\n');
        float[] reads = new float[devices];
        double now = 0;
        for (double time : new double[] {0, 1, 10, 100, 1e3, 1e4, 1e5, 1e6}) {
            population.advanceTime(time - now, random);
            now = time;
            population.read(0, devices, reads, 0, random);
            for (int d = 0; d < devices; d++) {
                csv.append(d).append(',').append(time).append(',').append(Float.toString(reads[d])).append(',')
                        .append(Float.toString(targets[d])).append('\n');
            }
        }
        return csv.toString();
    }

    /** 300 one-shot writes to targets evenly spaced from 3 to 18 uS, each read once right after the write. */
    static String programmingCsv(DeviceConfig device) {
        int writes = 300;
        RngStreams streams = RngStreams.of(EXAMPLE_SEED);
        DevicePopulation population = DevicePopulation.create(device, writes, streams, 2);
        UniformRandomProvider random = streams.stream(StreamNames.DEVICES_CYCLE, 2);
        float[] targets = new float[writes];
        for (int i = 0; i < writes; i++) {
            targets[i] = (float) (3e-6 + 15e-6 * i / (writes - 1));
        }
        population.program(targets, 0, 0, writes, random);
        float[] reads = new float[writes];
        population.read(0, writes, reads, 0, random);
        StringBuilder csv = new StringBuilder(String.join(",", ProgrammingData.COLUMNS)).append('\n');
        for (int i = 0; i < writes; i++) {
            csv.append(i).append(',').append(Float.toString(targets[i])).append(',')
                    .append(Float.toString(reads[i])).append('\n');
        }
        return csv.toString();
    }

    private static void check(String file, String expected) throws IOException {
        Path path = folder.resolve(file);
        if (Boolean.getBoolean("xbarlab.examples.regenerate")) {
            Files.writeString(path, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(path, StandardCharsets.UTF_8), file + " is what the generator makes "
                + "from example-device.json with seed " + EXAMPLE_SEED + " (regenerate: see the class Javadoc)");
    }

    @Test
    void exampleFilesAreReproducible() throws IOException {
        check("pulse-response.csv", pulseResponseCsv(truth));
        check("drift.csv", driftCsv(truth));
        check("programming.csv", programmingCsv(truth));
    }

    @Test
    void exampleFilesFit() {
        var pulses = PulseResponseCalibration.fit(PulseResponseData.read(folder.resolve("pulse-response.csv")),
                PulseResponseOptions.defaults().withModel("soft-bounds"));
        assertEquals(8, pulses.devices().size());
        var drift = DriftCalibration.fit(DriftData.read(folder.resolve("drift.csv")),
                DriftOptions.of(truth.maxConductanceSiemens()));
        assertEquals(24, drift.devices().size());
        var writes = ProgrammingNoiseCalibration.fit(ProgrammingData.read(folder.resolve("programming.csv")), 2,
                truth.maxConductanceSiemens());
        assertTrue(writes.quality().rSquared() > 0, Arrays.toString(writes.parameters().toArray()));
        // The CLI-made example (xbarlab devices pulse-response --preset pcmo ...) is a valid file too.
        var pcmo = PulseResponseData.read(folder.resolve("pcmo-pulses.csv"));
        assertEquals(4, pcmo.devices().size());
    }
}
