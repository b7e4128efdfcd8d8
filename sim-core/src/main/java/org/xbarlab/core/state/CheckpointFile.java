package org.xbarlab.core.state;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.xbarlab.core.io.AtomicFiles;

/**
 * A checkpoint file: a fixed header (format name and version) followed by the caller's records. Written atomically
 * (a temporary file forced to disk and renamed over the old checkpoint), so a crash during a write leaves the
 * previous checkpoint intact, never half a file.
 */
public final class CheckpointFile {

    /** The format's name, the first record of every checkpoint. */
    public static final String FORMAT = "xbarlab-checkpoint";
    /** The format's version; a checkpoint of another version is refused. */
    public static final int VERSION = 1;

    private CheckpointFile() {
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param file the checkpoint file, replaced
     * @param content writes the records after the header
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Path file, Consumer<StateWriter> content) {
        Objects.requireNonNull(content, "content");
        AtomicFiles.write(file, out -> {
            StateWriter writer = new StateWriter(out);
            writer.writeString("format", FORMAT);
            writer.writeInt("version", VERSION);
            content.accept(writer);
            writer.flush();
        });
    }

    /**
     * An open checkpoint, positioned after its header; close it when its records are read.
     */
    public static final class Reading implements AutoCloseable {
        private final InputStream in;
        private final StateReader reader;

        private Reading(InputStream in, StateReader reader) {
            this.in = in;
            this.reader = reader;
        }

        /** The reader of the records after the header. */
        public StateReader reader() {
            return reader;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // Only read from: nothing is lost.
            }
        }
    }

    /**
     * Opens a checkpoint and checks its header.
     *
     * @param file the checkpoint file
     * @return the open checkpoint, positioned at the caller's first record
     * @throws CheckpointException if the file is missing, not a checkpoint or of another version
     */
    public static Reading open(Path file) {
        String source = "the checkpoint " + file.toAbsolutePath();
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(source + " does not exist", e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + source + ": " + e.getMessage(), e);
        }
        Reading reading = new Reading(in, new StateReader(in, source));
        try {
            String format;
            try {
                format = reading.reader().readString("format");
            } catch (CheckpointException e) {
                throw new CheckpointException(source + " is not an xbarlab checkpoint", e);
            }
            if (!FORMAT.equals(format)) {
                throw new CheckpointException(source + " is not an xbarlab checkpoint");
            }
            int version = reading.reader().readInt("version");
            if (version != VERSION) {
                throw new CheckpointException(source + " has format version " + version + "; this xbarlab reads "
                        + "version " + VERSION + " (resume it with the xbarlab that wrote it)");
            }
            return reading;
        } catch (RuntimeException e) {
            reading.close();
            throw e;
        }
    }

    /**
     * Reads a checkpoint: checks the header and hands the records to {@code content}.
     *
     * @param file the checkpoint file
     * @param content reads the records after the header
     * @param <T> what {@code content} returns
     * @return what {@code content} returns
     * @throws CheckpointException if the file is missing, not a checkpoint, of another version, truncated or does
     *     not match what {@code content} expects
     */
    public static <T> T read(Path file, Function<StateReader, T> content) {
        Objects.requireNonNull(content, "content");
        try (Reading reading = open(file)) {
            return content.apply(reading.reader());
        }
    }
}
