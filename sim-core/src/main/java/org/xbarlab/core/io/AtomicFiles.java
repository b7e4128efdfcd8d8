package org.xbarlab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Writes result files so that a reader never sees half a file: the content goes to a temporary file in the same
 * directory, is forced to disk, and is then renamed over the target in one atomic step (STYLE.md: results are never
 * left half-written). The file gets the permissions of an ordinary new file ({@code rw-r--r--} on POSIX systems),
 * not the owner-only permissions of a temporary file.
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> ORDINARY_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code text} (UTF-8) atomically, creating missing parent directories.
     *
     * @param target the file to write, not null
     * @param text its complete new content, not null
     * @throws UncheckedIOException if the file cannot be written; the message names it
     */
    public static void writeString(Path target, String text) {
        Objects.requireNonNull(text, "text");
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} with {@code content} atomically, creating missing parent directories.
     *
     * @param target the file to write, not null
     * @param content its complete new content, not null; not modified
     * @throws UncheckedIOException if the file cannot be written; the message names it
     */
    public static void writeBytes(Path target, byte[] content) {
        Objects.requireNonNull(content, "content");
        write(target, out -> out.write(content));
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface ContentWriter {
        /**
         * @param out the temporary file's stream (buffered); not to be closed
         * @throws IOException if writing fails
         */
        void write(java.io.OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} atomically with what {@code content} writes, creating missing parent directories:
     * for content too large to build in memory first (a checkpoint). If {@code content} throws, the target is left
     * as it was.
     *
     * @param target the file to write, not null
     * @param content writes the complete new content, not null
     * @throws UncheckedIOException if the file cannot be written; the message names it
     */
    public static void write(Path target, ContentWriter content) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".tmp");
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temporary),
                    1 << 20)) {
                content.write(out);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.setPosixFilePermissions(temporary, ORDINARY_FILE);
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: the default permissions apply.
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed and is reported; a stray temporary file is harmless.
                }
            }
        }
    }
}
