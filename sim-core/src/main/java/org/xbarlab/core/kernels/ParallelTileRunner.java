package org.xbarlab.core.kernels;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs the tiles of one kernel call on the calling thread plus a small fixed pool of daemon helper threads.
 *
 * <p>The caller decides how a problem is cut into tiles, and that cut depends only on the problem dimensions.
 * This class only decides which thread runs which tile, so results never depend on the thread count as long as
 * every tile writes its own outputs. Tiles are handed out dynamically; the caller works on tiles too and returns
 * once every tile has finished, so concurrent kernel calls from several threads share the helpers without
 * deadlock.
 */
final class ParallelTileRunner {

    /** Upper bound accepted by {@link #setThreads(int)}; far above any machine we target. */
    static final int MAX_THREADS = 1024;

    private static final Object LOCK = new Object();
    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Helper pool of {@code threads - 1} daemon threads; {@code null} until first needed or when threads == 1. */
    private static volatile ExecutorService helpers;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private ParallelTileRunner() {
    }

    /** Number of threads (caller included) that run the tiles of one call. */
    static int threads() {
        return threads;
    }

    /**
     * Sets the number of threads (caller included) that run the tiles of one call.
     *
     * @param count threads, in [1, {@link #MAX_THREADS}]; validated by the facade
     */
    static void setThreads(int count) {
        synchronized (LOCK) {
            if (count == threads) {
                return;
            }
            ExecutorService old = helpers;
            helpers = null;
            threads = count;
            if (old != null) {
                old.shutdown(); // queued helper tasks still run and find no tiles left; run() handles rejection
            }
        }
    }

    /**
     * Runs {@code task.accept(t)} for every tile {@code t} in {@code [0, tileCount)}, in parallel when
     * {@code parallel} is true, more than one thread is configured and there is more than one tile.
     *
     * @param tileCount number of tiles, at least 0
     * @param parallel whether the work is large enough to pay for handing tiles to helper threads
     * @param task runs one tile; must only write outputs owned by that tile
     */
    static void run(int tileCount, boolean parallel, IntConsumer task) {
        int threadCount = threads;
        if (!parallel || threadCount == 1 || tileCount <= 1) {
            for (int tile = 0; tile < tileCount; tile++) {
                task.accept(tile);
            }
            return;
        }
        TileJob job = new TileJob(tileCount, task);
        ExecutorService pool = helperPool(threadCount);
        int helperCount = Math.min(threadCount - 1, tileCount - 1);
        for (int i = 0; i < helperCount; i++) {
            try {
                pool.execute(job::work);
            } catch (RejectedExecutionException e) {
                break; // the pool was replaced by setThreads; the caller finishes the remaining tiles itself
            }
        }
        job.work();
        job.awaitAllTiles();
    }

    private static ExecutorService helperPool(int threadCount) {
        ExecutorService pool = helpers;
        if (pool != null) {
            return pool;
        }
        synchronized (LOCK) {
            if (helpers == null) {
                ThreadFactory factory = runnable -> {
                    Thread thread = new Thread(runnable, "xbarlab-kernels-" + THREAD_NUMBER.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                };
                int size = Math.max(1, threadCount - 1);
                helpers = new ThreadPoolExecutor(size, size, 60L, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(), factory);
            }
            return helpers;
        }
    }

    /** Shared state of one parallel call: the next tile to hand out and the tiles still running. */
    private static final class TileJob {
        private final int tileCount;
        private final IntConsumer task;
        private final AtomicInteger nextTile = new AtomicInteger();
        private final CountDownLatch unfinishedTiles;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        TileJob(int tileCount, IntConsumer task) {
            this.tileCount = tileCount;
            this.task = task;
            this.unfinishedTiles = new CountDownLatch(tileCount);
        }

        void work() {
            int tile;
            while ((tile = nextTile.getAndIncrement()) < tileCount) {
                try {
                    if (failure.get() == null) {
                        task.accept(tile);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    unfinishedTiles.countDown();
                }
            }
        }

        /** Waits, ignoring interrupts until done, because helpers may still be writing the caller's outputs. */
        void awaitAllTiles() {
            boolean interrupted = false;
            while (true) {
                try {
                    unfinishedTiles.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable thrown = failure.get();
            if (thrown instanceof RuntimeException) {
                throw (RuntimeException) thrown;
            }
            if (thrown instanceof Error) {
                throw (Error) thrown;
            }
            if (thrown != null) {
                throw new IllegalStateException("kernel tile failed", thrown);
            }
        }
    }
}
