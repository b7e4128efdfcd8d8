package org.xbarlab.core.progress;

/**
 * Receives progress of long work (training epochs, sweep points, downloads) so that a front end can render it.
 *
 * <p>Library code reports through this interface and never prints; the command line renders it as a progress bar
 * on a terminal and as plain periodic lines otherwise. Implementations must be thread-safe: sweep workers report
 * from several threads.
 */
public interface Progress {

    /** A listener that ignores everything; the default where no front end is attached. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long totalSteps) {
        }

        @Override
        public void step(long stepsDone, String detail) {
        }

        @Override
        public void finish(String summary) {
        }
    };

    /**
     * Starts a task.
     *
     * @param task short name of the work shown to the user, never null
     * @param totalSteps number of steps when known, or a negative number when unknown
     */
    void start(String task, long totalSteps);

    /**
     * Reports the absolute number of steps done so far.
     *
     * @param stepsDone steps done since {@link #start}, at most the total when it is known
     * @param detail a short status such as the current accuracy, or an empty string; never null
     */
    void step(long stepsDone, String detail);

    /**
     * Ends the current task.
     *
     * @param summary one line describing the outcome, never null
     */
    void finish(String summary);
}
