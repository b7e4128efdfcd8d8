package org.xbarlab.devices;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.devices.presets.DevicePresets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceExperimentsTest extends XbarlabTestBase {

    @Test
    void pulseResponseTraceShapeAndDeterminism() {
        PulseResponseTrace trace = DeviceExperiments.pulseResponse(DevicePresets.load("ag-a-si"), 100, 2, 3, 7);
        assertEquals(401, trace.rows());
        assertTrue(trace.isPotentiation(1) && !trace.isPotentiation(101) && trace.cycleOf(201) == 1);
        assertTrue(trace.conductanceSiemens(100, 0) > trace.conductanceSiemens(0, 0));
        assertArrayEquals(trace.conductanceSiemens(),
                DeviceExperiments.pulseResponse(DevicePresets.load("ag-a-si"), 100, 2, 3, 7).conductanceSiemens());
    }

    @Test
    void idealProgramAndReadIsExact() {
        ConductanceSummary summary = DeviceExperiments.programAndReadSummary(DevicePresets.ideal(), 5e-6, 0, 100, 1);
        assertEquals(5e-6, summary.meanSiemens(), 1e-12);
        assertEquals(0, summary.stdSiemens(), 1e-15);
        assertEquals(5e-6, summary.p99Siemens(), 1e-12);
    }

    @Test
    void summaryPercentilesInterpolate() {
        ConductanceSummary summary = ConductanceSummary.of(new float[] {4, 1, 3, 2, 5});
        assertEquals(3, summary.p50Siemens(), 0);
        assertEquals(1.04, summary.p01Siemens(), 1e-6);
        assertEquals(Math.sqrt(2.5), summary.stdSiemens(), 1e-12);
    }
}
