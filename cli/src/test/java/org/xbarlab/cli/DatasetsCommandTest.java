package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

class DatasetsCommandTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void listShowsEveryDataSetAndWhetherItIsPresent() {
        CliTestSupport.Run run = CliTestSupport.run("datasets", "list", "--data-dir", directory.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*mnist +60000 +10000 +28x28 +no .*"), run.toString());
        assertTrue(run.out().matches("(?s).*fashion-mnist +60000 +10000 +28x28 +no .*"), run.toString());
        assertTrue(run.out().contains("generated"), run.toString());
    }

    @Test
    void fetchingTheSyntheticSetIsRefusedWithTheFetchableIds() {
        CliTestSupport.Run run = CliTestSupport.run("datasets", "fetch", "synthetic", "--data-dir",
                directory.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("fetchable: mnist, fashion-mnist"), run.toString());
    }

    @Test
    void rootCommandWithoutArgumentsPrintsUsage() {
        CliTestSupport.Run run = CliTestSupport.run();
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("demo") && run.out().contains("datasets"), run.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliTestSupport.Run run = CliTestSupport.run("demo", "--no-such-option");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--no-such-option"), run.toString());
    }
}
