package org.xbarlab.algorithms.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads CIFAR-10's binary distribution ("CIFAR-10 binary version (suitable for C programs)", Krizhevsky, "Learning
 * Multiple Layers of Features from Tiny Images", 2009, <a href="https://www.cs.toronto.edu/~kriz/cifar.html">
 * https://www.cs.toronto.edu/~kriz/cifar.html</a>): the training batches {@code data_batch_1.bin} …
 * {@code data_batch_5.bin} and the test batch {@code test_batch.bin}, each 10 000 records of 3073 bytes: one label
 * byte (0–9) and 3072 pixel bytes, the red plane, then the green plane, then the blue plane, each 32×32 row-major.
 * That is already the planar layout of {@link Dataset#ofChannels}, so pixels are copied in order, scaled as
 * {@code byte/255f}.
 *
 * <p>xbarlab cannot fetch CIFAR-10: the user downloads {@code cifar-10-binary.tar.gz} from the URL above, unpacks it
 * and puts the {@code .bin} files into the {@code cifar10} folder of the data directory, where
 * {@link Datasets#load} looks for them. Every failure (missing file, a size
 * that is not a whole number of records, a wrong record count, a label outside 0–9) throws a
 * {@link DatasetException} naming the file, what was expected and what was found, and saying so.
 *
 * <p>Stateless and thread-safe.
 */
public final class Cifar10Reader {

    /** Where the user downloads CIFAR-10 (the binary version). */
    public static final String DOWNLOAD_URL = "https://www.cs.toronto.edu/~kriz/cifar.html";
    /** Bytes per record: 1 label byte and 3 × 32 × 32 pixel bytes. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;
    /** Records in each batch of the standard distribution. */
    public static final int RECORDS_PER_BATCH = 10_000;
    /** The training batch files, in order. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** The test batch file. */
    public static final String TEST_FILE = "test_batch.bin";
    /** The class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");

    private static final String REMEDY = "CIFAR-10 must be downloaded by the user (the binary version, "
            + "cifar-10-binary.tar.gz, from " + DOWNLOAD_URL + ") and unpacked, with data_batch_1.bin … "
            + "data_batch_5.bin and test_batch.bin put into the cifar10 folder of the data directory "
            + "(<data dir>/cifar10; the data directory is --data-dir, else $XBARLAB_DATA_DIR, else ~/.xbarlab/data); "
            + "xbarlab cannot fetch it";

    private static final float[] PIXEL_SCALE = new float[256];

    static {
        for (int i = 0; i < PIXEL_SCALE.length; i++) {
            PIXEL_SCALE[i] = i / 255f;
        }
    }

    private Cifar10Reader() {
    }

    /**
     * Reads a split of the standard distribution (10 000 records per batch file).
     *
     * @param directory the folder holding the {@code .bin} files
     * @param split train (the five data batches, 50 000 images) or test (10 000)
     * @return the data set, named {@code CIFAR-10/train} or {@code CIFAR-10/test}, 3 × 32 × 32, 10 classes
     * @throws DatasetException if a file is missing, truncated or malformed
     */
    public static Dataset read(Path directory, Split split) {
        return read(directory, split, RECORDS_PER_BATCH);
    }

    /**
     * Reads a split whose batch files hold a given number of records each (for the standard files,
     * {@link #RECORDS_PER_BATCH}; smaller numbers for test fixtures).
     *
     * @param directory the folder holding the {@code .bin} files
     * @param split train or test
     * @param recordsPerBatch the records every batch file must hold, at least 1
     * @return the data set
     * @throws DatasetException if a file is missing, truncated or malformed
     */
    public static Dataset read(Path directory, Split split, int recordsPerBatch) {
        if (recordsPerBatch < 1) {
            throw new IllegalArgumentException("recordsPerBatch must be at least 1, got " + recordsPerBatch);
        }
        List<String> names = split == Split.TRAIN ? TRAIN_FILES : List.of(TEST_FILE);
        int total = Math.multiplyExact(recordsPerBatch, names.size());
        float[] images = new float[Math.multiplyExact(total, RECORD_BYTES - 1)];
        int[] labels = new int[total];
        for (int i = 0; i < names.size(); i++) {
            Path file = directory.resolve(names.get(i));
            byte[] bytes = load(file);
            int records = recordCount(file, bytes);
            if (records != recordsPerBatch) {
                throw new DatasetException(String.format(java.util.Locale.ROOT,
                        "CIFAR-10 batch %s holds %d records (%d bytes); expected %d records of %d bytes (%d bytes). "
                                + "%s.", file, records, bytes.length, recordsPerBatch, RECORD_BYTES,
                        (long) recordsPerBatch * RECORD_BYTES, REMEDY), file, null);
            }
            decode(file, bytes, records, images, labels, i * recordsPerBatch);
        }
        return Dataset.wrapChannels("CIFAR-10/" + split.id(), images, labels, 3, 32, 32, 10);
    }

    /**
     * Reads a split whose batch files hold any whole number of records each (the standard files hold
     * {@link #RECORDS_PER_BATCH}; a cut-down copy or a test fixture fewer). Every file must still be a whole number of
     * 3073-byte records with labels 0–9.
     *
     * @param directory the folder holding the {@code .bin} files
     * @param split train (the five data batches, in order) or test
     * @return the data set, named {@code CIFAR-10/train} or {@code CIFAR-10/test}, 3 × 32 × 32, 10 classes
     * @throws DatasetException if a file is missing, truncated or malformed
     */
    public static Dataset readAnyLength(Path directory, Split split) {
        List<String> names = split == Split.TRAIN ? TRAIN_FILES : List.of(TEST_FILE);
        long total = 0;
        for (String name : names) {
            Path file = directory.resolve(name);
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException e) {
                throw new DatasetException("CIFAR-10 batch " + file + " does not exist. " + REMEDY + ".", file, e);
            } catch (IOException e) {
                throw new DatasetException("cannot read CIFAR-10 batch " + file + ": " + e.getMessage() + ". "
                        + REMEDY + ".", file, e);
            }
            total += size / RECORD_BYTES;
        }
        if (total * (RECORD_BYTES - 1) > Integer.MAX_VALUE - 16) {
            throw new DatasetException("CIFAR-10 " + split.id() + " batches in " + directory + " hold " + total
                    + " records, more than one array can hold. " + REMEDY + ".", directory, null);
        }
        float[] images = new float[(int) total * (RECORD_BYTES - 1)];
        int[] labels = new int[(int) total];
        int first = 0;
        for (String name : names) {
            Path file = directory.resolve(name);
            byte[] bytes = load(file);
            int records = recordCount(file, bytes);
            if (first + records > total) {
                throw new DatasetException("CIFAR-10 batch " + file + " changed while it was read. " + REMEDY + ".",
                        file, null);
            }
            decode(file, bytes, records, images, labels, first);
            first += records;
        }
        if (first != total) {
            throw new DatasetException("CIFAR-10 batches in " + directory + " changed while they were read. " + REMEDY
                    + ".", directory, null);
        }
        return Dataset.wrapChannels("CIFAR-10/" + split.id(), images, labels, 3, 32, 32, 10);
    }

    /**
     * Reads one batch file with any whole number of records.
     *
     * @param file the {@code .bin} file
     * @param name the data set's name
     * @return the data set, 3 × 32 × 32, 10 classes
     * @throws DatasetException if the file is missing, truncated or malformed
     */
    public static Dataset readBatch(Path file, String name) {
        byte[] bytes = load(file);
        int records = recordCount(file, bytes);
        float[] images = new float[Math.multiplyExact(records, RECORD_BYTES - 1)];
        int[] labels = new int[records];
        decode(file, bytes, records, images, labels, 0);
        return Dataset.wrapChannels(name, images, labels, 3, 32, 32, 10);
    }

    private static byte[] load(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException("CIFAR-10 batch " + file + " does not exist. " + REMEDY + ".", file, e);
        } catch (IOException e) {
            throw new DatasetException("cannot read CIFAR-10 batch " + file + ": " + e.getMessage() + ". " + REMEDY
                    + ".", file, e);
        }
    }

    private static int recordCount(Path file, byte[] bytes) {
        if (bytes.length == 0 || bytes.length % RECORD_BYTES != 0) {
            long whole = bytes.length / RECORD_BYTES;
            throw new DatasetException(String.format(java.util.Locale.ROOT,
                    "CIFAR-10 batch %s is truncated or not a CIFAR-10 binary batch: expected a whole number of "
                            + "%d-byte records (1 label byte + 3072 pixel bytes; a complete batch is %d records = %d "
                            + "bytes), found %d bytes (%d whole records and %d bytes over). %s.", file, RECORD_BYTES,
                    RECORDS_PER_BATCH, (long) RECORDS_PER_BATCH * RECORD_BYTES, bytes.length, whole,
                    bytes.length - whole * RECORD_BYTES, REMEDY), file, null);
        }
        return bytes.length / RECORD_BYTES;
    }

    private static void decode(Path file, byte[] bytes, int records, float[] images, int[] labels, int first) {
        int pixels = RECORD_BYTES - 1;
        for (int r = 0; r < records; r++) {
            int offset = r * RECORD_BYTES;
            int label = bytes[offset] & 0xFF;
            if (label > 9) {
                throw new DatasetException(String.format(java.util.Locale.ROOT,
                        "CIFAR-10 batch %s: record %d (byte offset %d) has label %d; expected 0–9. The file is "
                                + "corrupt or not a CIFAR-10 binary batch (CIFAR-100 uses 2 label bytes). %s.",
                        file, r, offset, label, REMEDY), file, null);
            }
            labels[first + r] = label;
            int target = (first + r) * pixels;
            for (int k = 0; k < pixels; k++) {
                images[target + k] = PIXEL_SCALE[bytes[offset + 1 + k] & 0xFF];
            }
        }
    }
}
