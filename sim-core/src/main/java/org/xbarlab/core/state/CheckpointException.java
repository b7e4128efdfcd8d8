package org.xbarlab.core.state;

/**
 * A checkpoint cannot be used: damaged, truncated, from another version of the format, or written by a run with
 * another config. The message names the file or record and says what was expected.
 */
public final class CheckpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what was expected
     */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and what was expected
     * @param cause the underlying failure
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
