package org.xbarlab.core.config;

import java.util.List;

import org.junit.jupiter.api.function.Executable;
import org.xbarlab.core.config.ConfigMapper.Format;
import org.xbarlab.core.config.SampleConfigs.ExperimentConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared assertions of the config tests. */
final class ConfigAssertions {

    private ConfigAssertions() {
    }

    /** Reads sample-experiment text and returns the error it must cause. */
    static ConfigException errorReading(String text, Format format, String... overrides) {
        return assertThrows(ConfigException.class,
                () -> ConfigMapper.readString(text, format, ExperimentConfig.class, List.of(overrides)));
    }

    /** Runs something that must fail with a config error. */
    static ConfigException configError(Executable executable) {
        return assertThrows(ConfigException.class, executable);
    }

    /**
     * Asserts the path, the line and the full message of an error, and that the message shows nothing of Jackson or
     * of Java class names.
     */
    static void assertError(ConfigException error, String path, int line, String message) {
        assertEquals(message, error.getMessage());
        assertEquals(path, error.path(), "path");
        assertEquals(line, error.line(), "line");
        assertNoInternals(error);
    }

    /** The message must be for humans: no Jackson names, package names, backticks or Java type names. */
    static void assertNoInternals(ConfigException error) {
        String message = error.getMessage();
        for (String internal : List.of("org.xbarlab", "com.fasterxml", "jackson", "Jackson", "`", "java.",
                "SampleConfigs", "ExperimentConfig", "CrossbarConfig", "WindowConfig", "DeviceConfig", "POJO",
                "DeserializationFeature", "REDACTED", "\n")) {
            assertFalse(message.contains(internal), () -> "message shows '" + internal + "': " + message);
        }
        assertTrue(message.length() < 400, () -> "message too long: " + message);
    }
}
