package org.xbarlab.core.random;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Differential test of thread-count independence (STYLE.md B5 "Parallel determinism"). */
class ParallelRandomFillTest extends XbarlabTestBase {

    private static final int CHUNK = RandomFill.CHUNK_LENGTH;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 17})
    void resultIsBitIdenticalForOneTwoAndThreeThreads(int length) {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final int offset = 5;
        final float[] sequential = new float[offset + length];
        RandomFill.normalChunked(streams, StreamNames.CROSSBAR_READ_NOISE, 11, sequential, offset, length,
                0.1f, 0.02f);
        final float[] sequentialUniform = new float[offset + length];
        RandomFill.uniformChunked(streams, StreamNames.CROSSBAR_UPDATE, 11, sequentialUniform, offset, length,
                -1f, 1f);
        for (int threads = 1; threads <= 3; threads++) {
            try (ParallelRandomFill parallel = new ParallelRandomFill(threads)) {
                assertEquals(threads, parallel.threads());
                final float[] normals = new float[offset + length];
                parallel.normal(streams, StreamNames.CROSSBAR_READ_NOISE, 11, normals, offset, length, 0.1f, 0.02f);
                assertArrayEquals(sequential, normals, threads + " threads, length " + length);
                final float[] uniforms = new float[offset + length];
                parallel.uniform(streams, StreamNames.CROSSBAR_UPDATE, 11, uniforms, offset, length, -1f, 1f);
                assertArrayEquals(sequentialUniform, uniforms, threads + " threads, length " + length);
            }
        }
    }

    @Test
    void concurrentCallersShareTheWorkersWithoutMixingResults() throws Exception {
        final RngStreams streams = RngStreams.of(TEST_SEED);
        final int length = 4 * CHUNK + 3;
        final float[][] expected = new float[4][length];
        for (int k = 0; k < expected.length; k++) {
            RandomFill.normalChunked(streams, StreamNames.DEVICES_CYCLE, k, expected[k], 0, length, 0f, 1f);
        }
        final float[][] actual = new float[4][length];
        final ExecutorService callers = Executors.newFixedThreadPool(4);
        try (ParallelRandomFill parallel = new ParallelRandomFill(2)) {
            final Future<?>[] futures = new Future<?>[actual.length];
            for (int k = 0; k < actual.length; k++) {
                final int index = k;
                futures[k] = callers.submit(() -> parallel.normal(streams, StreamNames.DEVICES_CYCLE, index,
                        actual[index], 0, length, 0f, 1f));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            callers.shutdown();
        }
        for (int k = 0; k < actual.length; k++) {
            assertArrayEquals(expected[k], actual[k], "caller " + k);
        }
    }

    @Test
    void misuseIsRejected() {
        final IllegalArgumentException noThreads = assertThrows(IllegalArgumentException.class,
                () -> new ParallelRandomFill(0));
        assertTrue(noThreads.getMessage().contains("threads"), noThreads.getMessage());

        final ParallelRandomFill parallel = new ParallelRandomFill(2);
        final float[] values = new float[10];
        assertThrows(IllegalArgumentException.class,
                () -> parallel.normal(RngStreams.of(1), "x", 0, values, 0, 10, 0f, -1f));
        assertThrows(IndexOutOfBoundsException.class,
                () -> parallel.uniform(RngStreams.of(1), "x", 0, values, 0, 11, 0f, 1f));
        assertThrows(NullPointerException.class, () -> parallel.uniform(null, "x", 0, values, 0, 1, 0f, 1f));
        parallel.close();
        parallel.close();
        final IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> parallel.normal(RngStreams.of(1), "x", 0, values, 0, 10, 0f, 1f));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }
}
