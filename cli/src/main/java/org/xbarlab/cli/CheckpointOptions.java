package org.xbarlab.cli;

import java.nio.file.Path;

/**
 * How {@code xbarlab run} checkpoints: the file (in the output directory), the intervals and whether it resumes.
 *
 * @param file the checkpoint file, or null for no checkpoints
 * @param intervalSeconds wall seconds between checkpoints (0: not by time)
 * @param intervalBatches mini-batches between checkpoints (0: not by count)
 * @param resume whether to start from {@code file}
 */
record CheckpointOptions(Path file, double intervalSeconds, long intervalBatches, boolean resume) {

    /** The checkpoint's name in a run's output directory. */
    static final String FILE_NAME = "checkpoint.xbc";

    /** No checkpoints (sweep points, rerun, demo). */
    static final CheckpointOptions NONE = new CheckpointOptions(null, 0, 0, false);

    /** Whether checkpoints are written: at the intervals, and always when a signal stops the run. */
    boolean enabled() {
        return file != null;
    }
}
