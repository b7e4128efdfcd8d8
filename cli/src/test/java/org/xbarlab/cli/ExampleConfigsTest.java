package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbarlab.core.XbarlabTestBase;

/** Every experiment file in {@code docs/examples/} resolves, validates and fits its data set. */
class ExampleConfigsTest extends XbarlabTestBase {

    static Stream<Path> experiments() throws IOException {
        Path examples = Path.of("..", "docs", "examples");
        try (Stream<Path> files = Files.list(examples)) {
            List<Path> list = files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.json")).sorted()
                    .toList();
            assertFalse(list.isEmpty(), "no numbered experiment files in " + examples.toAbsolutePath());
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void resolvesAndFitsItsData(Path file) {
        ExperimentConfig config = ExperimentRunner.resolve(file, ExperimentConfig.defaults(), List.of());
        assertNotNull(config.method());
        ExperimentRunner.checkAgainstData(config);
    }
}
