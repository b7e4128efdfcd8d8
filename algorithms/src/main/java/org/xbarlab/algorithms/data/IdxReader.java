package org.xbarlab.algorithms.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the unsigned-byte IDX files of MNIST and Fashion-MNIST, raw or gzip-compressed, and checks everything that
 * can go wrong with them.
 *
 * <p><b>Format</b> (LeCun et al., "THE MNIST DATABASE of handwritten digits"): all integers are 32-bit big-endian.
 * An image file starts with the magic number {@value #IMAGES_MAGIC_HEX}, the image count, the row count and the
 * column count, followed by {@code count × rows × cols} pixel bytes (0 = background, 255 = ink), image after image,
 * row-major. A label file starts with {@value #LABELS_MAGIC_HEX} and the label count, followed by one byte per
 * label. Compression is detected from the gzip magic bytes {@code 1f 8b}, never from the file name.
 *
 * <p><b>Checks.</b> Missing or empty file, corrupt or truncated gzip data, wrong magic number (with a hint when the
 * image and label files look swapped), negative counts, non-positive or unexpected image dimensions, a file shorter
 * than its header says, bytes after the last item, labels outside {@code 0..classCount-1}, and different image and
 * label counts. Every failure throws a {@link DatasetException} whose message names the file, says what was wrong
 * and what was expected, and ends with this reader's remedy (for data sets from the data directory, the command
 * {@code xbarlab datasets fetch <id>}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class IdxReader {

    /** Magic number of an unsigned-byte IDX file with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic number of an unsigned-byte IDX file with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    /** {@link #IMAGES_MAGIC} as written in messages and documentation. */
    public static final String IMAGES_MAGIC_HEX = "0x00000803";

    /** {@link #LABELS_MAGIC} as written in messages and documentation. */
    public static final String LABELS_MAGIC_HEX = "0x00000801";

    /** Header sizes in bytes: magic number plus one 32-bit size per dimension. */
    private static final int IMAGES_HEADER_BYTES = 16;
    private static final int LABELS_HEADER_BYTES = 8;

    /** The largest Java array a reader may allocate (a few slots below Integer.MAX_VALUE are reserved by VMs). */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8L;

    /** Read chunk: large enough to amortise stream calls, small enough to stay in cache. */
    private static final int CHUNK_BYTES = 1 << 16;

    /** byte value (0..255) to float in [0, 1], computed as pixel/255f once instead of per pixel. */
    private static final float[] PIXEL_SCALE = new float[256];

    static {
        for (int i = 0; i < PIXEL_SCALE.length; i++) {
            PIXEL_SCALE[i] = i / 255f;
        }
    }

    private static final IdxReader STANDALONE =
            new IdxReader("replace the file with a complete copy of the data set");

    private final String remedy;

    private IdxReader(String remedy) {
        this.remedy = remedy;
    }

    /**
     * Returns a reader for files that do not come from the data directory; its messages suggest replacing the file.
     *
     * @return the shared reader
     */
    public static IdxReader standalone() {
        return STANDALONE;
    }

    /**
     * Returns a reader whose messages tell the user to run the fetch command of a data set, for example
     * {@code xbarlab datasets fetch mnist}.
     *
     * @param kind a fetchable data set (MNIST or Fashion-MNIST), never null
     * @return the reader
     * @throws IllegalStateException if {@code kind} is not fetchable
     */
    public static IdxReader forDataset(DatasetKind kind) {
        return new IdxReader("run `" + kind.fetchCommand() + "` to download " + kind.displayName()
                + " again (it checks the SHA-256 sums)");
    }

    /**
     * Returns a reader whose messages end with the given remedy.
     *
     * @param remedy what the user should do about a bad file, as a sentence fragment after "To fix it, "; never null
     * @return the reader
     */
    public static IdxReader withRemedy(String remedy) {
        return new IdxReader(Objects.requireNonNull(remedy, "remedy"));
    }

    /**
     * Reads an image file and a label file into a data set, checking that they agree.
     *
     * @param name the data set's name, for example {@code "MNIST/train"}; never null or blank
     * @param imagesFile the IDX image file, raw or gzip; never null
     * @param labelsFile the IDX label file, raw or gzip; never null
     * @param classCount number of classes; every label must be in {@code 0..classCount-1}; 1 to 256
     * @param expectedRows required image height in pixels, or 0 to accept any
     * @param expectedCols required image width in pixels, or 0 to accept any
     * @return the data set; its arrays are not shared with anyone
     * @throws DatasetException if either file is missing, unreadable or malformed, or their counts differ
     * @throws IllegalArgumentException if {@code classCount} or an expected size is out of range
     */
    public Dataset read(String name, Path imagesFile, Path labelsFile, int classCount, int expectedRows,
                        int expectedCols) {
        int[] labels = readLabels(labelsFile, classCount);
        IdxImages images = readImages(imagesFile, expectedRows, expectedCols, labels.length, labelsFile);
        return Dataset.wrap(name, images.pixels(), labels, images.rows(), images.cols(), classCount);
    }

    /**
     * Reads an IDX image file.
     *
     * @param file the file, raw or gzip; never null
     * @param expectedRows required image height in pixels, or 0 to accept any
     * @param expectedCols required image width in pixels, or 0 to accept any
     * @return the images, with pixels scaled to {@code [0, 1]}
     * @throws DatasetException if the file is missing, unreadable or malformed
     * @throws IllegalArgumentException if an expected size is negative
     */
    public IdxImages readImages(Path file, int expectedRows, int expectedCols) {
        return readImages(file, expectedRows, expectedCols, -1, null);
    }

    /**
     * Reads an IDX label file.
     *
     * @param file the file, raw or gzip; never null
     * @param classCount number of classes; every label must be in {@code 0..classCount-1}; 1 to 256
     * @return a new array with one label per item
     * @throws DatasetException if the file is missing, unreadable or malformed, or a label is out of range
     * @throws IllegalArgumentException if {@code classCount} is out of range
     */
    public int[] readLabels(Path file, int classCount) {
        Objects.requireNonNull(file, "file");
        if (classCount < 1 || classCount > 256) {
            throw new IllegalArgumentException("classCount must be in 1..256 for unsigned-byte labels, got "
                    + classCount);
        }
        String what = "IDX label file " + file;
        try (InputStream in = open(file, what)) {
            byte[] header = readHeader(in, file, what, LABELS_HEADER_BYTES, LABELS_MAGIC, LABELS_MAGIC_HEX,
                    "unsigned-byte labels, 1 dimension");
            int count = readInt(header, 4);
            if (count < 0) {
                throw fail(file, what + " declares " + Integer.toUnsignedString(count) + " labels, too many"
                        + " (a negative count when read as a signed 32-bit integer)",
                        "at most " + Integer.MAX_VALUE);
            }
            byte[] bytes = new byte[count];
            int read = in.readNBytes(bytes, 0, count);
            if (read < count) {
                throw fail(file, what + " is truncated: its header declares " + count
                        + " labels but it ends after " + read + " of them (the file is shorter than its header says)",
                        (LABELS_HEADER_BYTES + (long) count) + " bytes of IDX data");
            }
            checkNoTrailingBytes(in, file, what, count + " labels", LABELS_HEADER_BYTES + (long) count);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                int label = bytes[i] & 0xFF;
                if (label >= classCount) {
                    throw fail(file, what + " has label " + label + " at index " + i + ", outside 0.."
                            + (classCount - 1), "every label in 0.." + (classCount - 1) + " (" + classCount
                            + " classes)");
                }
                labels[i] = label;
            }
            return labels;
        } catch (IOException e) {
            throw readFailure(file, what, e);
        }
    }

    private IdxImages readImages(Path file, int expectedRows, int expectedCols, int expectedCount,
                                 Path labelsFile) {
        Objects.requireNonNull(file, "file");
        if (expectedRows < 0 || expectedCols < 0) {
            throw new IllegalArgumentException("expectedRows and expectedCols must be 0 (any) or positive, got "
                    + expectedRows + " and " + expectedCols);
        }
        String what = "IDX image file " + file;
        try (InputStream in = open(file, what)) {
            byte[] header = readHeader(in, file, what, IMAGES_HEADER_BYTES, IMAGES_MAGIC, IMAGES_MAGIC_HEX,
                    "unsigned-byte images, 3 dimensions");
            int count = readInt(header, 4);
            int rows = readInt(header, 8);
            int cols = readInt(header, 12);
            if (count < 0) {
                throw fail(file, what + " declares " + Integer.toUnsignedString(count) + " images, too many"
                        + " (a negative count when read as a signed 32-bit integer)",
                        "at most " + Integer.MAX_VALUE);
            }
            if (rows <= 0 || cols <= 0) {
                throw fail(file, what + " declares images of " + rows + "×" + cols + " pixels",
                        "a positive number of rows and columns");
            }
            if ((expectedRows > 0 && rows != expectedRows) || (expectedCols > 0 && cols != expectedCols)) {
                throw fail(file, what + " holds images of " + rows + "×" + cols + " pixels (rows×cols)",
                        (expectedRows > 0 ? expectedRows : "any") + "×" + (expectedCols > 0 ? expectedCols : "any")
                                + " pixels");
            }
            if (expectedCount >= 0 && count != expectedCount) {
                throw fail(file, what + " holds " + count + " images but label file " + labelsFile + " holds "
                        + expectedCount + " labels", "one label per image (the same count in both files)");
            }
            long pixelCount = (long) count * rows * cols;
            if (pixelCount > MAX_ARRAY_LENGTH) {
                throw fail(file, what + " declares " + count + " images of " + rows + "×" + cols + " = "
                        + pixelCount + " pixels, too many for one array", "at most " + MAX_ARRAY_LENGTH
                        + " pixels; split the file");
            }
            float[] pixels = new float[(int) pixelCount];
            byte[] chunk = new byte[CHUNK_BYTES];
            int done = 0;
            while (done < pixels.length) {
                int wanted = Math.min(chunk.length, pixels.length - done);
                int read = in.readNBytes(chunk, 0, wanted);
                for (int i = 0; i < read; i++) {
                    pixels[done + i] = PIXEL_SCALE[chunk[i] & 0xFF];
                }
                done += read;
                if (read < wanted) {
                    throw fail(file, String.format(Locale.ROOT, "%s is truncated: its header declares %d images of"
                                    + " %d×%d pixels (%d pixel bytes) but it ends after %d of them, inside image %d"
                                    + " (the file is shorter than its header says)",
                                    what, count, rows, cols, pixelCount, done, done / (rows * cols)),
                            (IMAGES_HEADER_BYTES + pixelCount) + " bytes of IDX data");
                }
            }
            checkNoTrailingBytes(in, file, what, count + " images of " + rows + "×" + cols + " pixels",
                    IMAGES_HEADER_BYTES + pixelCount);
            return new IdxImages(count, rows, cols, pixels);
        } catch (IOException e) {
            throw readFailure(file, what, e);
        }
    }

    /** Opens the file, transparently decompressing it when it starts with the gzip magic bytes. */
    private InputStream open(Path file, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw fail(file, what + " is a directory", "a file");
        }
        if (!Files.exists(file)) {
            throw fail(file, what + " does not exist", "the file to be there");
        }
        if (Files.size(file) == 0) {
            throw fail(file, what + " is empty (0 bytes)", "an IDX header followed by data");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES);
        try {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            if (first == 0x1f && second == 0x8b) {
                return new GZIPInputStream(raw, CHUNK_BYTES);
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * Reads and returns the header, checking the magic number first: a file of the wrong kind gets the clearer
     * "wrong magic number" message even when it is too short to hold the full header.
     */
    private byte[] readHeader(InputStream in, Path file, String what, int headerBytes, int expectedMagic,
                              String expectedHex, String meaning) throws IOException {
        byte[] header = new byte[headerBytes];
        int read = in.readNBytes(header, 0, headerBytes);
        if (read == 0) {
            throw fail(file, what + " holds no data (it decompresses to 0 bytes)",
                    "an IDX header of " + headerBytes + " bytes followed by data");
        }
        if (read >= 4) {
            checkMagic(file, what, readInt(header, 0), expectedMagic, expectedHex, meaning);
        }
        if (read < headerBytes) {
            throw fail(file, what + " is truncated: it ends after " + read + " bytes, inside its IDX header",
                    "an IDX header of " + headerBytes + " bytes followed by data");
        }
        return header;
    }

    private void checkMagic(Path file, String what, int magic, int expectedMagic, String expectedHex,
                            String meaning) {
        if (magic == expectedMagic) {
            return;
        }
        String hint;
        if (magic == IMAGES_MAGIC) {
            hint = " (that is an IDX image file; are the image and label files swapped?)";
        } else if (magic == LABELS_MAGIC) {
            hint = " (that is an IDX label file; are the image and label files swapped?)";
        } else if (Integer.reverseBytes(magic) == expectedMagic) {
            hint = " (the bytes are reversed: the file was written little-endian)";
        } else if ((magic >>> 16) != 0) {
            hint = " (this is not an IDX file: IDX files start with two zero bytes)";
        } else if (((magic >>> 8) & 0xFF) != 0x08) {
            hint = String.format(Locale.ROOT, " (IDX data type 0x%02X is not unsigned byte 0x08)",
                    (magic >>> 8) & 0xFF);
        } else {
            hint = "";
        }
        throw fail(file, String.format(Locale.ROOT, "%s has the wrong magic number 0x%08X%s", what, magic, hint),
                "magic number " + expectedHex + " (" + meaning + ")");
    }

    private void checkNoTrailingBytes(InputStream in, Path file, String what, String declared,
                                      long expectedBytes) throws IOException {
        if (in.read() == -1) {
            return;
        }
        long extra = 1 + in.transferTo(OutputStream.nullOutputStream());
        throw fail(file, what + " has " + extra + " unexpected bytes after the " + declared + " that its header"
                + " declares (trailing garbage, or a header with a wrong count)", expectedBytes
                + " bytes of IDX data in total");
    }

    /** Reads a big-endian 32-bit integer, the byte order of every IDX header field. */
    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    private DatasetException readFailure(Path file, String what, IOException e) {
        if (e instanceof NoSuchFileException) {
            return fail(file, what + " does not exist", "the file to be there", e);
        }
        if (e instanceof EOFException) {
            return fail(file, what + " is truncated: its gzip data ends early (" + e.getMessage() + ")",
                    "a complete gzip stream", e);
        }
        if (e instanceof ZipException) {
            return fail(file, what + " holds corrupt gzip data (" + e.getMessage() + ")", "a valid gzip stream",
                    e);
        }
        return fail(file, "could not read " + what + ": " + e, "a readable file", e);
    }

    private DatasetException fail(Path file, String problem, String expected) {
        return fail(file, problem, expected, null);
    }

    private DatasetException fail(Path file, String problem, String expected, Throwable cause) {
        return new DatasetException(problem + "; expected " + expected + ". To fix it, " + remedy + ".", file,
                cause);
    }
}
