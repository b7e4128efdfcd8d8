package org.xbarlab.devices;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.presets.DevicePresets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteVerifyTest extends XbarlabTestBase {

    @Test
    void writeVerifyTightensThePcmSpreadAndReportsItsWork() {
        DeviceConfig pcm = DevicePresets.pcm();
        int n = 5000;
        float target = 10e-6f;
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(pcm, n, streams, 0);
        float[] targets = new float[n];
        Arrays.fill(targets, target);
        WriteVerifyResult result = population.writeVerify(targets, 0, 0, n,
                streams.stream(StreamNames.DEVICES_CYCLE, 0));
        assertEquals(n, result.devicesCount());
        assertTrue(result.writesCount() > n, "some devices need a second write: " + result);
        assertEquals(result.writesCount(), result.verifyReadsCount());
        assertTrue(result.maxIterationsCount() <= pcm.programming().writeVerifyMaxIterations());
        // The verify read is itself noisy (PCM read noise at 10 uS and t = 0: about 0.66 uS), so devices are
        // accepted on a noisy read; the written spread must still be clearly below the one-shot sigma (0.86 uS).
        float[] written = DeviceContractChecks.state(population);
        ConductanceSummary summary = ConductanceSummary.of(written);
        assertTrue(summary.stdSiemens() < 0.7e-6, "write-verify spread " + summary);
        assertEquals(10e-6, summary.meanSiemens(), 5 * 0.7e-6 / Math.sqrt(n));
    }

    @Test
    void toleranceZeroRunsToTheCap() {
        DeviceConfig pcm = DevicePresets.pcm();
        pcm = pcm.withProgramming(pcm.programming().withWriteVerify(0, 3));
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(pcm, 100, streams, 0);
        float[] targets = new float[100];
        Arrays.fill(targets, 5e-6f);
        WriteVerifyResult result = population.writeVerify(targets, 0, 0, 100,
                streams.stream(StreamNames.DEVICES_CYCLE, 0));
        assertEquals(300, result.writesCount());
        assertEquals(3, result.maxIterationsCount());
        assertEquals(100, result.unconvergedCount());
    }

    @Test
    void idealDeviceConvergesInOneWrite() {
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(DevicePresets.ideal(), 10, streams, 0);
        float[] targets = new float[10];
        Arrays.fill(targets, 3e-6f);
        WriteVerifyResult result = population.writeVerify(targets, 0, 0, 10,
                streams.stream(StreamNames.DEVICES_CYCLE, 0));
        assertEquals(new WriteVerifyResult(10, 10, 10, 1, 0), result);
        assertEquals(3e-6f, population.conductanceSiemens(4), 0);
    }
}
