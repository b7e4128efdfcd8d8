package org.xbarlab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

class AtomicFilesTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void writesNewFileInMissingDirectoryAndReplacesIt() throws IOException {
        Path target = directory.resolve("a/b/result.json");
        AtomicFiles.writeString(target, "{\"x\":1}");
        assertEquals("{\"x\":1}", Files.readString(target));
        AtomicFiles.writeString(target, "{\"x\":2}");
        assertEquals("{\"x\":2}", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void failureNamesTheFileAndLeavesNoTemporary() throws IOException {
        Path blocker = directory.resolve("blocker");
        Files.writeString(blocker, "a file, not a directory");
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.writeString(blocker.resolve("result.json"), "x"));
        assertTrue(error.getMessage().contains("result.json"), error.getMessage());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(1, files.count());
        }
    }
}
