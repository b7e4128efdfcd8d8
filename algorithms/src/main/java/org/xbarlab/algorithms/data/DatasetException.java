package org.xbarlab.algorithms.data;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A data set file is missing, corrupt or inconsistent, or fetching a data set failed.
 *
 * <p>This is the boundary type for data set errors, as {@code ConfigException} is for configuration files. The
 * message is meant for the user: it names the file, says what was wrong and what was expected, and, where the remedy
 * is to download the data again, gives the command to run (for example {@code xbarlab datasets fetch mnist}).
 * Unchecked, like every exception in xbarlab; the command line maps it to its I/O exit code.
 */
public class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file the error is about, or null when it is not about one file. */
    private final transient Path file;

    /**
     * Creates an exception that is not about one particular file.
     *
     * @param message the complete user-facing message, never null
     */
    public DatasetException(String message) {
        this(message, null, null);
    }

    /**
     * Creates an exception about a file.
     *
     * @param message the complete user-facing message, which should already contain the file name; never null
     * @param file the file concerned, or null
     * @param cause the underlying exception (for example an {@link java.io.IOException}), or null
     */
    public DatasetException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /**
     * Returns the file the error is about.
     *
     * @return the file, or empty when the error is not about one file
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
