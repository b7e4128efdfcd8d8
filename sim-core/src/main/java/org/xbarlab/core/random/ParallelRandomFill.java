package org.xbarlab.core.random;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Multi-threaded version of {@link RandomFill#normalChunked} and {@link RandomFill#uniformChunked}: the chunks of
 * {@link RandomFill#CHUNK_LENGTH} elements are shared out dynamically among the calling thread and
 * {@code threads - 1} worker threads. Each chunk comes from its own stream {@code streams.stream(name, index, c)},
 * so the result is bit-identical to the single-threaded chunked fill for every thread count and every schedule.
 *
 * <p>An instance owns its worker threads (daemon threads named {@code xbarlab-random-fill-N}); create one per run
 * or per component and {@link #close()} it when done. Instances are thread-safe: several threads may fill
 * different arrays through the same instance at once (they then share the workers). Arrays up to one chunk long
 * are filled on the calling thread only.
 */
public final class ParallelRandomFill implements AutoCloseable {

    private static final AtomicInteger POOL_COUNT = new AtomicInteger();

    private final int threads;
    /** Workers; null when {@code threads == 1}. */
    private final ExecutorService workers;
    private volatile boolean closed;

    /**
     * Creates a filler that uses {@code threads} threads in total, the caller's included.
     *
     * @param threads total number of threads, {@code >= 1}; {@code 1} means the calling thread only
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ParallelRandomFill(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, daemonThreads());
    }

    private static ThreadFactory daemonThreads() {
        final int pool = POOL_COUNT.incrementAndGet();
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            final Thread thread = new Thread(runnable,
                    "xbarlab-random-fill-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Total number of threads used, the caller's included.
     *
     * @return the thread count given at construction
     */
    public int threads() {
        return threads;
    }

    /**
     * Fills {@code out[offset, offset + length)} with normal deviates; the result equals
     * {@link RandomFill#normalChunked} with the same arguments.
     *
     * @param streams streams of the run; non-null
     * @param name stream name, normally a {@link StreamNames} constant; non-null and not empty
     * @param index first index of the chunk streams; the chunk number is the second
     * @param out array to fill; only elements {@code offset .. offset + length - 1} are modified, concurrently by
     *        several threads; the caller must not read or write that range until the method returns
     * @param offset first element to fill, {@code >= 0}
     * @param length number of elements to fill, {@code >= 0}, with {@code offset + length <= out.length}
     * @param mean mean of the deviates, finite
     * @param sigma standard deviation, finite and {@code >= 0}
     * @throws NullPointerException if {@code streams}, {@code name} or {@code out} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code out}
     * @throws IllegalArgumentException if {@code name} is empty, {@code mean} is not finite, or {@code sigma} is
     *         negative or not finite
     * @throws IllegalStateException if this filler is closed, or the calling thread is interrupted while waiting
     *         (the array range is then partly filled and the interrupt flag is set)
     */
    public void normal(RngStreams streams, String name, long index, float[] out, int offset, int length,
                       float mean, float sigma) {
        RandomFill.checkKey(streams, name);
        RandomFill.checkRange(out, offset, length);
        RandomFill.checkNormalParameters(mean, sigma);
        run(RandomFill.chunkCount(length),
                c -> RandomFill.normalChunk(streams, name, index, c, out, offset, length, mean, sigma));
    }

    /**
     * Fills {@code out[offset, offset + length)} with uniform deviates in {@code [low, high)}; the result equals
     * {@link RandomFill#uniformChunked} with the same arguments.
     *
     * @param streams streams of the run; non-null
     * @param name stream name, normally a {@link StreamNames} constant; non-null and not empty
     * @param index first index of the chunk streams; the chunk number is the second
     * @param out array to fill; only elements {@code offset .. offset + length - 1} are modified, concurrently by
     *        several threads; the caller must not read or write that range until the method returns
     * @param offset first element to fill, {@code >= 0}
     * @param length number of elements to fill, {@code >= 0}, with {@code offset + length <= out.length}
     * @param low inclusive lower bound, finite
     * @param high exclusive upper bound, finite and greater than {@code low}
     * @throws NullPointerException if {@code streams}, {@code name} or {@code out} is null
     * @throws IndexOutOfBoundsException if the range is not inside {@code out}
     * @throws IllegalArgumentException if {@code name} is empty, or the bounds are not finite or {@code low >= high}
     * @throws IllegalStateException if this filler is closed, or the calling thread is interrupted while waiting
     *         (the array range is then partly filled and the interrupt flag is set)
     */
    public void uniform(RngStreams streams, String name, long index, float[] out, int offset, int length,
                        float low, float high) {
        RandomFill.checkKey(streams, name);
        RandomFill.checkRange(out, offset, length);
        RandomFill.checkUniformBounds(low, high);
        run(RandomFill.chunkCount(length),
                c -> RandomFill.uniformChunk(streams, name, index, c, out, offset, length, low, high));
    }

    private void run(int chunks, IntConsumer fillChunk) {
        if (closed) {
            throw new IllegalStateException("this ParallelRandomFill is closed");
        }
        final int helpers = workers == null ? 0 : Math.min(threads - 1, chunks - 1);
        if (helpers <= 0) {
            for (int c = 0; c < chunks; c++) {
                fillChunk.accept(c);
            }
            return;
        }
        final AtomicInteger nextChunk = new AtomicInteger();
        final Runnable drain = () -> {
            for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                fillChunk.accept(c);
            }
        };
        final Future<?>[] futures = new Future<?>[helpers];
        int submitted = 0;
        try {
            for (; submitted < helpers; submitted++) {
                futures[submitted] = workers.submit(drain);
            }
        } catch (RejectedExecutionException e) {
            // Closed concurrently: the calling thread fills whatever the submitted helpers do not take.
        }
        drain.run();
        for (int h = 0; h < submitted; h++) {
            final Future<?> future = futures[h];
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // Stop the helpers from taking more chunks; the range is left partly filled.
                nextChunk.set(chunks);
                throw new IllegalStateException("interrupted while filling random numbers", e);
            } catch (ExecutionException e) {
                final Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException("random fill worker failed", cause);
            }
        }
    }

    /**
     * Stops the worker threads. Fills already running complete; later calls to {@link #normal} or
     * {@link #uniform} throw {@link IllegalStateException}. Closing twice has no further effect.
     */
    @Override
    public void close() {
        closed = true;
        if (workers != null) {
            workers.shutdown();
        }
    }
}
