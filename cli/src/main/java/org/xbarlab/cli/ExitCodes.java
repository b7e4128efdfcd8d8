package org.xbarlab.cli;

/**
 * Exit codes of the {@code xbarlab} command (documented in {@code --help} and {@code docs/cli.md}).
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** An internal error: a bug in xbarlab; the message asks for a report. */
    public static final int INTERNAL_ERROR = 1;
    /** Invalid command line (picocli's default for usage errors). */
    public static final int USAGE = 2;
    /** Invalid configuration: the message names the path, the value and what is allowed. */
    public static final int INVALID_CONFIG = 3;
    /** An input or output error: a missing or corrupt file, a failed download. */
    public static final int IO_ERROR = 4;
    /** {@code xbarlab rerun}: the repeated run's numbers differ from the original's. */
    public static final int RESULTS_DIFFER = 5;
    /** The simulation produced NaN or infinity; the partial result was written and marked failed. */
    public static final int NUMERICAL_FAILURE = 6;
    /**
     * {@code xbarlab run} was stopped by a signal (Ctrl-C, {@code kill}) after writing its checkpoint and a partial
     * result marked interrupted; {@code --resume} continues it. The JVM ends a run stopped by a signal with 128 + the
     * signal's number: 130 for SIGINT (Ctrl-C), 143 for SIGTERM ({@code kill}).
     */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
