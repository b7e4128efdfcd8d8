package org.xbarlab.algorithms.experiment;

import java.util.Locale;

import org.xbarlab.core.progress.Progress;

/**
 * A progress listener that adds the latest test accuracy to every task it starts, so a run's progress bar shows
 * the epoch, the batch, the ETA and the current accuracy together. Not thread-safe.
 */
final class AccuracyProgress implements Progress {

    private final Progress delegate;
    private String suffix = "";

    AccuracyProgress(Progress delegate) {
        this.delegate = delegate;
    }

    /** Records the accuracy the next tasks show (a fraction in [0, 1], or null to show none). */
    void accuracy(String what, Double fraction) {
        suffix = fraction == null ? "" : String.format(Locale.ROOT, " [%s %.2f %%]", what, 100 * fraction);
    }

    @Override
    public void start(String task, long totalSteps) {
        delegate.start(task + suffix, totalSteps);
    }

    @Override
    public void step(long stepsDone, String detail) {
        delegate.step(stepsDone, detail);
    }

    @Override
    public void finish(String summary) {
        delegate.finish(summary);
    }
}
