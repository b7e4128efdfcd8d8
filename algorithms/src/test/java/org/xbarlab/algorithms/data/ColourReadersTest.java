package org.xbarlab.algorithms.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SVHN's MAT files and CIFAR-10's binary batches: round trips of generated files, and clear errors. */
class ColourReadersTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"false, LITTLE_ENDIAN, false", "true, LITTLE_ENDIAN, false", "true, BIG_ENDIAN, true",
        "false, BIG_ENDIAN, true"})
    void svhnFilesRoundTrip(boolean compressed, String endian, boolean labelsAsUint8) {
        ByteOrder order = endian.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int count = 7;
        byte[] pixels = randomBytes(count * 3 * 32 * 32);
        int[] labels = {0, 1, 2, 9, 5, 0, 3};
        Path file = MatFileFixtures.write(directory.resolve(SvhnMatReader.TRAIN_FILE), pixels, count, 3, 32, 32,
                labels, compressed, order, labelsAsUint8);

        Dataset dataset = SvhnMatReader.read(directory, Split.TRAIN);

        assertEquals("SVHN/train", dataset.name());
        assertEquals(3, dataset.channels());
        assertEquals(32, dataset.rows());
        assertEquals(3072, dataset.featureCount());
        assertArrayEquals(labels, dataset.copyOfLabels(), "label 10 becomes digit 0");
        float[] images = dataset.copyOfImages();
        for (int i = 0; i < pixels.length; i++) {
            assertEquals((pixels[i] & 0xFF) / 255f, images[i], "planar pixel " + i);
        }
    }

    @Test
    void svhnReaderHandlesOtherShapesAndASingleImage() {
        byte[] pixels = randomBytes(2 * 5 * 3);
        Path file = MatFileFixtures.write(directory.resolve("odd.mat"), pixels, 1, 2, 5, 3, new int[] {4}, true,
                ByteOrder.LITTLE_ENDIAN, false);
        Dataset dataset = SvhnMatReader.read(file, "odd");
        assertEquals(2, dataset.channels());
        assertEquals(5, dataset.rows());
        assertEquals(3, dataset.cols());
        assertEquals(4, dataset.label(0));
        assertEquals((pixels[7] & 0xFF) / 255f, dataset.pixel(0, 7));
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void truncatedSvhnFilesAreRejectedWithAClearMessage(boolean compressed) throws IOException {
        byte[] pixels = randomBytes(3 * 3 * 32 * 32);
        Path whole = MatFileFixtures.write(directory.resolve("whole.mat"), pixels, 3, 3, 32, 32,
                new int[] {1, 2, 3}, compressed, ByteOrder.LITTLE_ENDIAN, false);
        byte[] bytes = Files.readAllBytes(whole);
        for (int cut : new int[] {bytes.length - 1, bytes.length / 2, 200, 100}) {
            Path truncated = directory.resolve("truncated-" + cut + ".mat");
            Files.write(truncated, Arrays.copyOf(bytes, cut));
            DatasetException error = assertThrows(DatasetException.class,
                    () -> SvhnMatReader.read(truncated, "cut"));
            String message = error.getMessage();
            assertTrue(message.contains(truncated.toString()), message);
            assertTrue(message.contains("truncated"), message);
            assertTrue(message.contains(SvhnMatReader.DOWNLOAD_URL) && message.contains("cannot fetch"), message);
            assertEquals(truncated, error.file().orElseThrow());
        }
    }

    @Test
    void malformedSvhnFilesAreRejectedWithAClearMessage() throws IOException {
        Path missing = directory.resolve("missing");
        DatasetException absent = assertThrows(DatasetException.class,
                () -> SvhnMatReader.read(missing, Split.TEST));
        assertTrue(absent.getMessage().contains("test_32x32.mat") && absent.getMessage().contains("does not exist")
                && absent.getMessage().contains(SvhnMatReader.DOWNLOAD_URL), absent.getMessage());

        Path notMat = directory.resolve("not.mat");
        Files.write(notMat, new byte[300]);
        DatasetException header = assertThrows(DatasetException.class, () -> SvhnMatReader.read(notMat, "x"));
        assertTrue(header.getMessage().contains("MATLAB"), header.getMessage());

        Path badLabel = MatFileFixtures.write(directory.resolve("label.mat"), randomBytes(3 * 32 * 32), 1, 3, 32, 32,
                new int[] {0}, false, ByteOrder.LITTLE_ENDIAN, false);
        byte[] bytes = Files.readAllBytes(badLabel);
        // The last 8 bytes are y's only double (10.0); make it 11.
        java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).putDouble(11.0);
        Files.write(badLabel, bytes);
        DatasetException label = assertThrows(DatasetException.class, () -> SvhnMatReader.read(badLabel, "x"));
        assertTrue(label.getMessage().contains("1–10") && label.getMessage().contains("11"), label.getMessage());
    }

    @Test
    void cifarBatchesRoundTrip() throws IOException {
        int records = 4;
        SplittableRandom random = new SplittableRandom(TEST_SEED);
        byte[][] files = new byte[6][];
        for (int f = 0; f < 6; f++) {
            files[f] = new byte[records * Cifar10Reader.RECORD_BYTES];
            for (int r = 0; r < records; r++) {
                int offset = r * Cifar10Reader.RECORD_BYTES;
                files[f][offset] = (byte) random.nextInt(10);
                for (int k = 1; k < Cifar10Reader.RECORD_BYTES; k++) {
                    files[f][offset + k] = (byte) random.nextInt(256);
                }
            }
            String name = f < 5 ? Cifar10Reader.TRAIN_FILES.get(f) : Cifar10Reader.TEST_FILE;
            Files.write(directory.resolve(name), files[f]);
        }
        Dataset train = Cifar10Reader.read(directory, Split.TRAIN, records);
        assertEquals("CIFAR-10/train", train.name());
        assertEquals(5 * records, train.sampleCount());
        assertEquals(3, train.channels());
        // Batch 3, record 2: label, and the first green pixel (plane 1, row 0, column 0).
        int sample = 2 * records + 2;
        int offset = 2 * Cifar10Reader.RECORD_BYTES;
        assertEquals(files[2][offset], train.label(sample));
        assertEquals((files[2][offset + 1 + 1024] & 0xFF) / 255f, train.pixel(sample, 1024));
        assertEquals((files[2][offset + 1 + 3071] & 0xFF) / 255f, train.pixel(sample, 3071));
        Dataset test = Cifar10Reader.read(directory, Split.TEST, records);
        assertEquals(records, test.sampleCount());
        assertEquals(files[5][Cifar10Reader.RECORD_BYTES] & 0xFF, test.label(1));
        Dataset batch = Cifar10Reader.readBatch(directory.resolve("data_batch_1.bin"), "one");
        assertEquals(records, batch.sampleCount());
        assertTrue(batch.toString().contains("3×32×32"), batch.toString());
    }

    @Test
    void truncatedOrMalformedCifarBatchesAreRejectedWithAClearMessage() throws IOException {
        Path truncated = directory.resolve("test_batch.bin");
        Files.write(truncated, new byte[2 * Cifar10Reader.RECORD_BYTES + 100]);
        DatasetException cut = assertThrows(DatasetException.class,
                () -> Cifar10Reader.read(directory, Split.TEST));
        String message = cut.getMessage();
        assertTrue(message.contains(truncated.toString()) && message.contains("truncated")
                && message.contains("3073") && message.contains(String.valueOf(2 * 3073 + 100)), message);
        assertTrue(message.contains(Cifar10Reader.DOWNLOAD_URL) && message.contains("cannot fetch"), message);

        Files.write(truncated, new byte[2 * Cifar10Reader.RECORD_BYTES]);
        DatasetException count = assertThrows(DatasetException.class,
                () -> Cifar10Reader.read(directory, Split.TEST));
        assertTrue(count.getMessage().contains("holds 2 records") && count.getMessage().contains("10000"),
                count.getMessage());

        byte[] badLabel = new byte[Cifar10Reader.RECORD_BYTES];
        badLabel[0] = 12;
        Files.write(truncated, badLabel);
        DatasetException label = assertThrows(DatasetException.class,
                () -> Cifar10Reader.readBatch(truncated, "x"));
        assertTrue(label.getMessage().contains("label 12"), label.getMessage());

        DatasetException missing = assertThrows(DatasetException.class,
                () -> Cifar10Reader.read(directory, Split.TRAIN, 1));
        assertTrue(missing.getMessage().contains("data_batch_1.bin") && missing.getMessage().contains("does not "
                + "exist"), missing.getMessage());
    }

    @Test
    void colourDatasetsKeepTheirChannelsThroughViewsAndCrops() {
        float[] images = new float[2 * 3 * 4 * 4];
        for (int i = 0; i < images.length; i++) {
            images[i] = i / (float) images.length;
        }
        Dataset dataset = Dataset.ofChannels("colour", images, new int[] {1, 2}, 3, 4, 4, 10);
        assertEquals(48, dataset.featureCount());
        assertEquals(3, dataset.subset(1, 2).channels());
        assertEquals(3, dataset.select(new int[] {1, 0}).channels());
        assertEquals(images[48 + 16 + 5], dataset.select(new int[] {1}).pixel(0, 16 + 5));
        Dataset crop = dataset.centerCrop(2);
        assertEquals(12, crop.featureCount());
        // Sample 1, green plane, crop row 0 column 1 = original row 1 column 2.
        assertEquals(images[48 + 16 + 4 + 2], crop.pixel(1, 4 + 1));
        assertEquals(1, Dataset.of("grey", new float[4], new int[] {0}, 2, 2, 1).channels());
        assertThrows(IllegalArgumentException.class,
                () -> Dataset.ofChannels("bad", new float[10], new int[] {0}, 3, 2, 2, 1));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SplittableRandom(TEST_SEED).nextBytes(bytes);
        return bytes;
    }
}
