package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;

class CrossbarCommandTest extends XbarlabTestBase {

    private static JsonNode json(CliTestSupport.Run run) throws IOException {
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        return ConfigMapper.jsonMapper().readTree(run.out());
    }

    @Test
    void oneCellPrintsTheHandSolvedRelativeError() throws IOException {
        // One cell of 1e-4 S (R = 10 kΩ) between two 2 Ω segments: (I − I_ideal)/I_ideal = −2r/(R + 2r).
        JsonNode result = json(CliTestSupport.run("crossbar", "ir-drop", "--rows", "1", "--cols", "1",
                "--wire-resistance-ohms", "2", "--conductance-siemens", "1e-4"));
        double expected = -4.0 / (1e4 + 4.0);
        assertEquals(1, result.get("columnRelativeError").size());
        assertEquals(expected, result.get("columnRelativeError").get(0).asDouble(), 1e-15);
        assertEquals(expected, result.get("worstRelativeError").asDouble(), 1e-15);
        assertEquals(expected, result.get("meanRelativeError").asDouble(), 1e-15);
        assertEquals("exact", result.get("method").asText());
        assertTrue(result.get("solveSeconds").asDouble() >= 0);
    }

    @Test
    void fastAndExactAgreeAndPrintOneValuePerColumn() throws IOException {
        String[] common = {"crossbar", "ir-drop", "--rows", "24", "--cols", "16", "--wire-resistance-ohms", "1",
            "--conductance-siemens", "1e-5", "--input", "random", "--seed", "11"};
        JsonNode exact = json(CliTestSupport.run(concat(common, "--method", "exact")));
        JsonNode fast = json(CliTestSupport.run(concat(common, "--method", "fast")));
        assertEquals(16, exact.get("columnRelativeError").size());
        assertEquals(11, exact.get("seed").asLong());
        assertEquals("random", exact.get("input").asText());
        assertTrue(exact.get("worstRelativeError").asDouble() < 0);
        for (int j = 0; j < 16; j++) {
            assertEquals(exact.get("columnRelativeError").get(j).asDouble(),
                    fast.get("columnRelativeError").get(j).asDouble(), 1e-5, "column " + j);
        }
        JsonNode again = json(CliTestSupport.run(concat(common, "--method", "exact")));
        assertEquals(exact.get("columnRelativeError"), again.get("columnRelativeError"));
    }

    @Test
    void unknownMethodIsAUsageErrorListingTheMethods() {
        CliTestSupport.Run run = CliTestSupport.run("crossbar", "ir-drop", "--rows", "4", "--cols", "4",
                "--wire-resistance-ohms", "1", "--conductance-siemens", "1e-5", "--method", "spice");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("exact, fast, aihwkit-heuristic"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    @Test
    void negativeWireResistanceNamesTheFieldAndUnit() {
        CliTestSupport.Run run = CliTestSupport.run("crossbar", "ir-drop", "--rows", "4", "--cols", "4",
                "--wire-resistance-ohms", "-1", "--conductance-siemens", "1e-5");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("WireSegmentResistanceOhms") && run.err().contains("-1 Ω"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
