package org.xbarlab.cli;

/**
 * A run stopped by a signal (Ctrl-C, {@code kill}) after writing its checkpoint and its partial result; the
 * message says how to continue it. Exit code {@link ExitCodes#INTERRUPTED}.
 */
final class RunInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message where the checkpoint and the partial result are and the command that continues the run
     */
    RunInterruptedException(String message) {
        super(message, null, false, false);
    }
}
