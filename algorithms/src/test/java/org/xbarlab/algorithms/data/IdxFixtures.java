package org.xbarlab.algorithms.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Builders of IDX bytes for tests, including malformed ones. */
final class IdxFixtures {

    private IdxFixtures() {
    }

    /** Bytes of an IDX image file with the given header fields and pixel bytes. */
    static byte[] imageFileBytes(int magic, int count, int rows, int cols, byte[] pixels) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + pixels.length);
        buffer.putInt(magic).putInt(count).putInt(rows).putInt(cols).put(pixels);
        return buffer.array();
    }

    /** Bytes of an IDX label file with the given header fields and label bytes. */
    static byte[] labelFileBytes(int magic, int count, byte[] labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(magic).putInt(count).put(labels);
        return buffer.array();
    }

    /** Pseudo-random pixel bytes (tests may use SplittableRandom; main code may not). */
    static byte[] randomBytes(long seed, int length, int bound) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(bound);
        }
        return bytes;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] truncate(byte[] bytes, int length) {
        byte[] copy = new byte[length];
        System.arraycopy(bytes, 0, copy, 0, length);
        return copy;
    }
}
