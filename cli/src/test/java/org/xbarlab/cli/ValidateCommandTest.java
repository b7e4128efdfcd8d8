package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

class ValidateCommandTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void aValidExperimentIsReportedWithItsDataSet() throws IOException {
        Path base = SweepTestSupport.writeBase(directory);
        CliTestSupport.Run run = CliTestSupport.run("validate", base.toString(), "--print");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("valid experiment 'tiny'"), run.toString());
        assertTrue(run.out().contains("data set") && run.out().contains("generated"), run.toString());
        assertTrue(run.out().contains("\"layerSizes\""), "--print shows the resolved config: " + run);
    }

    @Test
    void anInvalidExperimentNamesThePathAndTheValue() throws IOException {
        Path base = SweepTestSupport.writeBase(directory);
        CliTestSupport.Run run = CliTestSupport.run("validate", base.toString(), "--set", "training.epochs=-1");
        assertEquals(ExitCodes.INVALID_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("training.epochs") && run.err().contains("-1"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run);

        Path typo = directory.resolve("typo.json");
        Files.writeString(typo, "{\"schemaVersion\": 1, \"name\": \"t\",\n \"trainng\": {}}");
        CliTestSupport.Run unknown = CliTestSupport.run("validate", typo.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("trainng") && unknown.err().contains("training"), unknown.toString());
    }

    @Test
    void aSweepIsValidatedPointByPoint() throws IOException {
        Path sweep = SweepTestSupport.writeSweep(directory, 3);
        CliTestSupport.Run run = CliTestSupport.run("validate", sweep.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("valid sweep 'tiny-sweep': 2 parameter(s), 4 point(s) x 3 trial(s) = 12 "
                + "run(s)"), run.toString());
        assertTrue(run.out().contains("chip.device.variation.cycleToCycleWindowFraction=0.01:0.1:2:log"),
                run.toString());

        CliTestSupport.Run bad = CliTestSupport.run("validate", sweep.toString(), "--set", "training.winners=0");
        assertEquals(ExitCodes.INVALID_CONFIG, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("training.winners") && bad.err().contains("sweep point 0"), bad.toString());

        Path broken = directory.resolve("broken.json");
        Files.writeString(broken, """
                {"schemaVersion": 1, "base": "base.json",
                 "parameters": [{"path": "training.winners", "values": [2, 0]}]}
                """);
        CliTestSupport.Run point = CliTestSupport.run("validate", broken.toString());
        assertEquals(ExitCodes.INVALID_CONFIG, point.exitCode(), point.toString());
        assertTrue(point.err().contains("training.winners") && point.err().contains("sweep point 1 of 2")
                && point.err().contains("winners=0"), point.toString());
    }

    @Test
    void helpListsUnitsRangesDefaultsAndExitCodes() {
        for (String command : new String[] {"sweep", "report", "validate"}) {
            CliTestSupport.Run help = CliTestSupport.run(command, "--help");
            assertEquals(ExitCodes.OK, help.exitCode(), help.toString());
            assertTrue(help.out().contains("Exit codes:") && help.out().contains("3:")
                    || help.out().contains("Exit codes:") && help.out().contains("3 "), help.toString());
        }
        CliTestSupport.Run sweep = CliTestSupport.run("sweep", "--help");
        assertTrue(sweep.out().contains("default: xbarlab-results/sweep"), sweep.toString());
        assertTrue(sweep.out().contains("1 to 10000"), "trials range: " + sweep);
    }
}
