package org.xbarlab.crossbar;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.xbarlab.core.kernels.Kernels;

/**
 * Runs the independent tiles of one {@link TiledCrossbar} call on the calling thread plus a small pool of daemon
 * helper threads ({@link Kernels#threads()} threads in all). Tiles are handed out dynamically; the caller works too
 * and returns once every tile has finished, so concurrent calls from several threads share the helpers without
 * deadlock. Which thread runs a tile never changes its result, because every tile only touches its own state and
 * output.
 */
final class TileRunner {

    private static final Object LOCK = new Object();
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static ExecutorService helpers;
    private static int helperCount;

    private TileRunner() {
    }

    /**
     * Runs {@code task.accept(t)} for every {@code t} in {@code [0, count)}; the first failure is rethrown after
     * every started task has finished.
     */
    static void run(int count, IntConsumer task) {
        int threads = Kernels.threads();
        if (threads <= 1 || count <= 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        Job job = new Job(count, task);
        ExecutorService pool = pool(threads - 1);
        int started = Math.min(threads - 1, count - 1);
        for (int i = 0; i < started; i++) {
            try {
                pool.execute(job::work);
            } catch (RejectedExecutionException e) {
                break; // the pool was replaced; the caller finishes the remaining tiles itself
            }
        }
        job.work();
        job.await();
    }

    private static ExecutorService pool(int size) {
        synchronized (LOCK) {
            if (helpers == null || helperCount != size) {
                if (helpers != null) {
                    helpers.shutdown();
                }
                helpers = Executors.newFixedThreadPool(size, runnable -> {
                    Thread thread = new Thread(runnable, "xbarlab-tiles-" + THREAD_NUMBER.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
                helperCount = size;
            }
            return helpers;
        }
    }

    /** One call's tiles: a shared counter hands them out; {@link #await} waits until all have finished. */
    private static final class Job {
        private final int count;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private int finished;
        private Throwable failure;

        Job(int count, IntConsumer task) {
            this.count = count;
            this.task = task;
        }

        void work() {
            int t;
            while ((t = next.getAndIncrement()) < count) {
                Throwable thrown = null;
                try {
                    task.accept(t);
                } catch (Throwable e) {
                    thrown = e;
                }
                synchronized (this) {
                    if (thrown != null && failure == null) {
                        failure = thrown;
                    }
                    if (++finished == count) {
                        notifyAll();
                    }
                }
            }
        }

        synchronized void await() {
            boolean interrupted = false;
            while (finished < count) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }
}
