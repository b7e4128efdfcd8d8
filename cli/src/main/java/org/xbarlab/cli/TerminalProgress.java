package org.xbarlab.cli;

import java.io.PrintWriter;
import java.time.Duration;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.xbarlab.core.progress.Progress;

/**
 * Renders {@link Progress} reports: a progress bar with ETA on an interactive terminal, and plain periodic lines
 * (at most one per {@link #LINE_INTERVAL_NANOS}) when the output is a file or a pipe, as in CI logs.
 *
 * <p>Thread-safe: every method is synchronized, because sweep workers report from several threads.
 */
final class TerminalProgress implements Progress {

    /** Minimum time between two plain progress lines: often enough to show life, rarely enough for a log. */
    private static final long LINE_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final PrintWriter lines;
    private final boolean interactive;
    private ProgressBar bar;
    private String task = "";
    private long total = -1;
    private long lastLineNanos;

    /**
     * @param lines where plain lines and summaries go (the command's error stream, so results on stdout stay clean)
     * @param interactive whether to draw a bar (a console is attached)
     */
    TerminalProgress(PrintWriter lines, boolean interactive) {
        this.lines = lines;
        this.interactive = interactive;
    }

    /** A renderer that draws a bar when a console is attached. */
    static TerminalProgress forConsole(PrintWriter lines) {
        return new TerminalProgress(lines, System.console() != null);
    }

    @Override
    public synchronized void start(String task, long totalSteps) {
        closeBar();
        this.task = task;
        this.total = totalSteps;
        this.lastLineNanos = System.nanoTime();
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(totalSteps, -1))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build();
        } else {
            lines.println(task + (totalSteps >= 0 ? " (" + totalSteps + " steps)" : "") + " ...");
            lines.flush();
        }
    }

    @Override
    public synchronized void step(long stepsDone, String detail) {
        if (bar != null) {
            bar.stepTo(stepsDone);
            bar.setExtraMessage(detail);
            return;
        }
        long now = System.nanoTime();
        if (now - lastLineNanos >= LINE_INTERVAL_NANOS) {
            lastLineNanos = now;
            String of = total >= 0 ? "/" + total : "";
            lines.println("  " + task + ": " + stepsDone + of + (detail.isEmpty() ? "" : "  " + detail));
            lines.flush();
        }
    }

    @Override
    public synchronized void finish(String summary) {
        closeBar();
        lines.println("  " + task + ": " + summary);
        lines.flush();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
