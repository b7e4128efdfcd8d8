package org.xbarlab.calibration.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.core.XbarlabTestBase;

/** The three input formats: what they accept, and bad data failing with the file, row, column and problem. */
class CalibrationDataTest extends XbarlabTestBase {

    private static final String HEADER = "device,cycle,pulse,direction,conductanceSiemens\n";

    @TempDir
    Path directory;

    private static CalibrationDataException pulseError(String body) {
        return assertThrows(CalibrationDataException.class, () -> PulseResponseData.parse(HEADER + body, "p.csv"));
    }

    private static void assertMessage(CalibrationDataException error, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(error.getMessage().contains(fragment), "missing '" + fragment + "' in: " + error.getMessage());
        }
    }

    @Test
    void pulseResponseRowsAreOrderedByCycleDirectionAndPulseAndPaired() {
        // Shuffled rows of two devices, one with an initial state, extra column ignored, CRLF line ends.
        String text = "conductanceSiemens,pulse,direction,device,cycle,note\r\n"
                + "2.0E-6,2,up,7,0,x\r\n"
                + "1.0E-6,0,up,7,0,x\r\n"
                + "1.5E-6,1,down,7,0,x\r\n"
                + "1.5e-6,1,up,7,0,x\r\n"
                + "3e-6,1,up,2,0,x\r\n"
                + "2.5e-6,1,down,2,0,x\r\n"
                + "\r\n";
        PulseResponseData data = PulseResponseData.parse(text, "p.csv");
        assertEquals(2, data.devices().size());
        DeviceTrace first = data.devices().get(0);
        DeviceTrace second = data.devices().get(1);
        assertEquals(2, first.device());
        assertEquals(7, second.device());
        assertArrayEquals(new double[] {1e-6, 1.5e-6, 2e-6, 1.5e-6}, second.conductanceSiemens());
        assertArrayEquals(new int[] {0, 1, 1, -1}, second.direction());
        assertArrayEquals(new int[] {2, 4, 1, 3}, second.row(), "file rows kept for messages");
        assertEquals(3, second.pairCount());
        assertEquals(1, first.pairCount(), "a device without initial state: its first reading starts the pairs");
        assertEquals(4, data.pairCount());
        assertEquals(6, data.readingCount());
    }

    @Test
    void nanIsRejectedWithRowAndColumn() {
        CalibrationDataException error = pulseError("0,0,0,up,1e-6\n0,0,1,up,NaN\n");
        assertEquals(2, error.row());
        assertEquals("conductanceSiemens", error.column());
        assertMessage(error, "p.csv, row 2 (line 3), column conductanceSiemens", "not a finite decimal number",
                "'NaN'");
    }

    @Test
    void malformedFieldsNameTheirColumn() {
        assertMessage(pulseError("0,0,0,sideways,1e-6\n"), "row 1 (line 2), column direction", "'up' or 'down'");
        assertMessage(pulseError("0,0,0,up,-1e-6\n"), "column conductanceSiemens", "must not be negative");
        assertMessage(pulseError("a,0,0,up,1e-6\n"), "column device", "not a whole number: 'a'");
        assertMessage(pulseError("0,-1,0,up,1e-6\n"), "column cycle", "must be in [0, ");
        assertMessage(pulseError("0,0,0,up,1e-6f\n"), "column conductanceSiemens", "'1e-6f'");
        assertMessage(pulseError("0,0,0,up,0x1p-20\n"), "column conductanceSiemens");
        assertMessage(pulseError("0,0,0,up,1e999\n"), "out of range");
        assertMessage(pulseError("0,0,0,up,\n"), "column conductanceSiemens", "the field is empty");
        assertMessage(pulseError("0,0,0,up\n"), "row 1 (line 2)", "expected 5 fields as in the header, got 4");
        assertMessage(pulseError("0,0,0,\"up\",1e-6\n"), "column direction", "quoted fields are not supported");
        assertMessage(pulseError("0,1,0,up,1e-6\n"), "column pulse", "pulse 0 (the initial state");
    }

    @Test
    void pulsesMustBeContiguousWithinAPhase() {
        CalibrationDataException gap = pulseError("0,0,0,up,1e-6\n0,0,1,up,2e-6\n0,0,3,up,3e-6\n");
        assertEquals(3, gap.row());
        assertMessage(gap, "row 3 (line 4), column pulse", "device 0, cycle 0 'up': pulse 3 follows pulse 1 (row 2)",
                "every pulse must be read");
        CalibrationDataException repeat = pulseError("0,0,1,up,2e-6\n0,0,1,up,3e-6\n");
        assertMessage(repeat, "pulse 1 appears twice (also row 1)");
        CalibrationDataException late = pulseError("0,0,1,up,2e-6\n0,0,2,down,3e-6\n");
        assertMessage(late, "row 2", "pulse 2 is the first pulse read in its phase");
        assertMessage(pulseError("0,0,4,up,2e-6\n"), "device 0 starts at pulse 4");
    }

    @Test
    void headerProblemsAreReported() {
        CalibrationDataException missing = assertThrows(CalibrationDataException.class,
                () -> PulseResponseData.parse("device,cycle,pulse,direction\n0,0,0,up\n", "p.csv"));
        assertMessage(missing, "p.csv: line 1 (the header): missing column 'conductanceSiemens'");
        assertMessage(assertThrows(CalibrationDataException.class, () -> PulseResponseData.parse("", "e.csv")),
                "e.csv: the file is empty");
        assertMessage(assertThrows(CalibrationDataException.class, () -> PulseResponseData.parse(HEADER, "h.csv")),
                "h.csv: no data rows after the header");
        assertMessage(assertThrows(CalibrationDataException.class,
                () -> PulseResponseData.parse("device,device,cycle,pulse,direction,conductanceSiemens\n", "d.csv")),
                "column 'device' appears twice");
    }

    @Test
    void filesAreReadAndMissingFilesAreInputErrors() throws IOException {
        Path file = directory.resolve("pulses.csv");
        Files.writeString(file, "\uFEFF" + HEADER + "0,0,0,up,1e-6\n0,0,1,up,2e-6\n0,0,1,down,1e-6\n",
                StandardCharsets.UTF_8);
        PulseResponseData data = PulseResponseData.read(file);
        assertEquals(file.toString(), data.source());
        assertEquals(2, data.pairCount());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> PulseResponseData.read(directory.resolve("absent.csv")));
        assertTrue(missing.getMessage().contains("absent.csv") && missing.getMessage().contains("no such file"),
                missing.getMessage());
        Path binary = directory.resolve("binary.csv");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
        assertMessage(assertThrows(CalibrationDataException.class, () -> PulseResponseData.read(binary)),
                "not a UTF-8 text file");
    }

    @Test
    void driftTimeMustIncreasePerDevice() {
        String header = "device,timeSeconds,conductanceSiemens\n";
        DriftData ok = DriftData.parse(header + "1,0,1e-5\n0,0,2e-5\n1,10,0.9e-5\n0,10,1.8e-5\n", "d.csv");
        assertEquals(2, ok.devices().size());
        assertArrayEquals(new double[] {0, 10}, ok.devices().get(1).timeSeconds());
        CalibrationDataException backward = assertThrows(CalibrationDataException.class,
                () -> DriftData.parse(header + "2,100,1e-5\n3,5,1e-5\n2,50,0.9e-5\n", "d.csv"));
        assertEquals(3, backward.row());
        assertMessage(backward, "d.csv, row 3 (line 4), column timeSeconds",
                "time goes backward for device 2: 50.0 s after 100.0 s (row 1)");
        assertMessage(assertThrows(CalibrationDataException.class,
                () -> DriftData.parse(header + "0,1,1e-5\n0,1,1e-5\n", "d.csv")), "time repeats");
        assertMessage(assertThrows(CalibrationDataException.class,
                () -> DriftData.parse(header + "0,-1,1e-5\n", "d.csv")), "must not be negative");
        assertMessage(assertThrows(CalibrationDataException.class,
                () -> DriftData.parse(header + "0,1,0\n", "d.csv")), "column conductanceSiemens", "positive");
    }

    @Test
    void driftTargetsAreOptionalButOnePerDevice() {
        String header = "device,timeSeconds,conductanceSiemens,targetConductanceSiemens\n";
        DriftData data = DriftData.parse(header + "0,0,1e-5,1.1e-5\n0,10,0.9e-5,1.1e-5\n", "d.csv");
        assertEquals(1.1e-5, data.devices().get(0).targetConductanceSiemens());
        assertTrue(Double.isNaN(DriftData.parse("device,timeSeconds,conductanceSiemens\n0,0,1e-5\n", "d.csv")
                .devices().get(0).targetConductanceSiemens()));
        CalibrationDataException changed = assertThrows(CalibrationDataException.class,
                () -> DriftData.parse(header + "0,0,1e-5,1.1e-5\n0,10,0.9e-5,1.2e-5\n", "d.csv"));
        assertMessage(changed, "row 2 (line 3), column targetConductanceSiemens", "the target of device 0 changes");
    }

    @Test
    void programmingRowsAreValidated() {
        String header = "device,targetConductanceSiemens,achievedConductanceSiemens\n";
        ProgrammingData data = ProgrammingData.parse(header + "0,1e-5,1.1e-5\n1,2e-5,1.9e-5\n", "w.csv");
        assertEquals(2, data.size());
        assertArrayEquals(new double[] {1e-5, 2e-5}, data.targetSiemens());
        CalibrationDataException nan = assertThrows(CalibrationDataException.class,
                () -> ProgrammingData.parse(header + "0,1e-5,1e-5\n0,NaN,1e-5\n", "w.csv"));
        assertMessage(nan, "w.csv, row 2 (line 3), column targetConductanceSiemens", "'NaN'");
        assertMessage(assertThrows(CalibrationDataException.class,
                () -> ProgrammingData.parse(header + "0,1e-5,-1e-6\n", "w.csv")),
                "column achievedConductanceSiemens", "must not be negative");
    }
}
