package org.xbarlab.core.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.xbarlab.core.progress.Progress;

/**
 * A progress listener for resume tests: copies the checkpoint file as it is when the training loop reports its
 * {@code copyAt}-th mini-batch (counted over the run), which is the checkpoint written after the mini-batch before
 * it when the run checkpoints after every one. The copy stands for what a crash at that moment leaves on disk.
 */
public final class CopyCheckpointAt implements Progress {

    private final Path checkpoint;
    private final Path copy;
    private final long copyAt;
    private long seen;

    /**
     * @param checkpoint the run's checkpoint file
     * @param copy where to copy it
     * @param copyAt the mini-batch (counted from 1 over the run) at whose report the copy is made
     */
    public CopyCheckpointAt(Path checkpoint, Path copy, long copyAt) {
        this.checkpoint = checkpoint;
        this.copy = copy;
        this.copyAt = copyAt;
    }

    @Override
    public void start(String task, long totalSteps) {
    }

    @Override
    public void step(long stepsDone, String detail) {
        if (++seen == copyAt) {
            try {
                Files.copy(checkpoint, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void finish(String summary) {
    }
}
