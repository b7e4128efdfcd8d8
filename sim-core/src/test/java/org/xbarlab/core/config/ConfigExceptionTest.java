package org.xbarlab.core.config;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The message format and accessors of {@link ConfigException}. */
class ConfigExceptionTest extends XbarlabTestBase {

    @Test
    void theMessageStartsWithThePathAndThePlace() {
        ConfigException error = new ConfigException("crossbar.device.maxConductanceSiemens", 14, "exp.json",
                "must be positive and finite, got -2.5E-5 S");
        assertEquals("crossbar.device.maxConductanceSiemens (line 14 of exp.json): must be positive and finite, "
                + "got -2.5E-5 S", error.getMessage());
        assertEquals("crossbar.device.maxConductanceSiemens", error.path());
        assertEquals(14, error.line());
        assertEquals("exp.json", error.source());
        assertEquals("must be positive and finite, got -2.5E-5 S", error.detail());
        assertNull(error.getCause());
    }

    @Test
    void anUnknownLineShowsOnlyTheSource() {
        assertEquals("layers[2].size (--set layers[2].size=0): must be positive, got 0",
                new ConfigException("layers[2].size", -1, "--set layers[2].size=0", "must be positive, got 0")
                        .getMessage());
        ConfigException zeroLine = new ConfigException("a", 0, "x.yaml", "bad");
        assertEquals(-1, zeroLine.line());
        assertEquals("a (x.yaml): bad", zeroLine.getMessage());
    }

    @Test
    void theTopLevelValueHasAnEmptyPathAndTheMessageStartsWithThePlace() {
        assertEquals("line 1 of empty.json: the input is empty; expected an object",
                new ConfigException("", 1, "empty.json", "the input is empty; expected an object").getMessage());
        assertEquals("exp.json: file not found", new ConfigException(null, -1, "exp.json", "file not found")
                .getMessage());
        assertEquals("", new ConfigException(null, -1, "exp.json", "file not found").path());
    }

    @Test
    void missingSourceAndDetailHaveDefaults() {
        ConfigException error = new ConfigException("a", 3, null, null);
        assertEquals("<string>", error.source());
        assertEquals("invalid value", error.detail());
        assertEquals("a (line 3 of <string>): invalid value", error.getMessage());
    }

    @Test
    void theCauseIsKeptButNotShown() {
        IllegalArgumentException cause = new IllegalArgumentException("internal detail");
        ConfigException error = new ConfigException("a", 1, "x.json", "shown", cause);
        assertSame(cause, error.getCause());
        assertEquals("a (line 1 of x.json): shown", error.getMessage());
    }
}
