package org.xbarlab.cli;

import java.nio.file.Path;

import org.xbarlab.core.kernels.Kernels;
import picocli.CommandLine.Option;

/**
 * The options of every command that runs one experiment ({@code run}, {@code rerun}, {@code demo}): the kernels'
 * thread count and the data directory. A picocli mixin.
 */
final class ExecutionOptions {

    @Option(names = "--threads", paramLabel = "N",
            description = "threads of the linear-algebra kernels, 1 to ${sys:xbarlab.maxThreads:-64} (default: all "
                    + "processors); results do not depend on it")
    private Integer threads;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data directory (default: $XBARLAB_DATA_DIR, else ~/.xbarlab/data)")
    private Path dataDir;

    /** Sets the kernels' thread count when {@code --threads} was given. */
    void applyThreads() {
        if (threads != null) {
            Kernels.setThreads(threads);
        }
    }

    /** The data directory: {@code --data-dir}, else {@code $XBARLAB_DATA_DIR}, else {@code ~/.xbarlab/data}. */
    Path dataDirectory() {
        return DatasetsCommand.dataDirectory(dataDir);
    }
}
