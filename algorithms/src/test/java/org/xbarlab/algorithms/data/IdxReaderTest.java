package org.xbarlab.algorithms.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarlab.algorithms.data.IdxFixtures.gzip;
import static org.xbarlab.algorithms.data.IdxFixtures.imageFileBytes;
import static org.xbarlab.algorithms.data.IdxFixtures.labelFileBytes;
import static org.xbarlab.algorithms.data.IdxFixtures.randomBytes;
import static org.xbarlab.algorithms.data.IdxFixtures.truncate;
import static org.xbarlab.algorithms.data.IdxFixtures.write;

class IdxReaderTest extends XbarlabTestBase {

    private static final int COUNT = 7;
    private static final int ROWS = 4;
    private static final int COLS = 3;
    private static final int CLASSES = 10;

    @TempDir
    Path directory;

    private final byte[] pixels = randomBytes(TEST_SEED, COUNT * ROWS * COLS, 256);
    private final byte[] labels = randomBytes(TEST_SEED + 1, COUNT, CLASSES);
    private final IdxReader reader = IdxReader.forDataset(DatasetKind.MNIST);

    private Path goodImages(boolean compressed) {
        byte[] bytes = imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels);
        return write(directory.resolve("images-idx3-ubyte"), compressed ? gzip(bytes) : bytes);
    }

    private Path goodLabels(boolean compressed) {
        byte[] bytes = labelFileBytes(IdxReader.LABELS_MAGIC, COUNT, labels);
        return write(directory.resolve("labels-idx1-ubyte"), compressed ? gzip(bytes) : bytes);
    }

    /** Asserts that reading fails with a message naming the file, the problem and the remedy. */
    private DatasetException assertFails(Path file, Runnable read, String... expectedFragments) {
        DatasetException e = assertThrows(DatasetException.class, read::run);
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), () -> "message should name " + file + ": " + message);
        assertTrue(message.contains("xbarlab datasets fetch mnist"), () -> "message should say how to fix: "
                + message);
        for (String fragment : expectedFragments) {
            assertTrue(message.contains(fragment), () -> "message should contain '" + fragment + "': " + message);
        }
        assertEquals(file, e.file().orElseThrow());
        return e;
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsGoodFilesRawAndCompressed(boolean compressed) {
        Dataset dataset = reader.read("fixture", goodImages(compressed), goodLabels(compressed), CLASSES, ROWS,
                COLS);

        assertEquals(COUNT, dataset.sampleCount());
        assertEquals(ROWS, dataset.rows());
        assertEquals(COLS, dataset.cols());
        assertEquals(ROWS * COLS, dataset.featureCount());
        float[] images = dataset.copyOfImages();
        for (int i = 0; i < pixels.length; i++) {
            assertEquals((pixels[i] & 0xFF) / 255f, images[i], "pixel " + i);
        }
        for (int i = 0; i < COUNT; i++) {
            assertEquals(labels[i], dataset.label(i), "label " + i);
        }
    }

    @Test
    void detectsCompressionByContentNotByName() {
        byte[] bytes = gzip(imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels));
        Path misnamed = write(directory.resolve("images.raw"), bytes);
        assertEquals(COUNT, reader.readImages(misnamed, ROWS, COLS).count());

        byte[] raw = imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels);
        Path misnamedRaw = write(directory.resolve("images.gz"), raw);
        assertEquals(COUNT, reader.readImages(misnamedRaw, 0, 0).count());
    }

    @Test
    void acceptsAnyDimensionsWhenNoneAreExpected() {
        IdxImages images = reader.readImages(goodImages(false), 0, 0);
        assertEquals(ROWS, images.rows());
        assertEquals(COLS, images.cols());
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void rejectsTruncatedImages(boolean compressed) {
        byte[] bytes = imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels);
        byte[] cut = truncate(bytes, bytes.length - 5);
        Path file = write(directory.resolve("cut-images"), compressed ? gzip(cut) : cut);
        assertFails(file, () -> reader.readImages(file, ROWS, COLS), "truncated", "shorter than its header says",
                COUNT + " images");
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] bytes = imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels);
        Path file = write(directory.resolve("cut-header"), truncate(bytes, 10));
        assertFails(file, () -> reader.readImages(file, ROWS, COLS), "truncated", "inside its IDX header");
    }

    @Test
    void rejectsTruncatedLabels() {
        byte[] bytes = labelFileBytes(IdxReader.LABELS_MAGIC, COUNT, labels);
        Path file = write(directory.resolve("cut-labels"), truncate(bytes, bytes.length - 1));
        assertFails(file, () -> reader.readLabels(file, CLASSES), "truncated", COUNT + " labels");
    }

    @Test
    void rejectsTruncatedGzipStream() {
        byte[] compressed = gzip(imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels));
        Path file = write(directory.resolve("cut.gz"), truncate(compressed, compressed.length / 2));
        assertFails(file, () -> reader.readImages(file, ROWS, COLS), "truncated");
    }

    @Test
    void rejectsCorruptGzipStream() {
        byte[] compressed = gzip(imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels));
        for (int i = 10; i < compressed.length - 8; i++) {
            compressed[i] = (byte) 0xFF;
        }
        Path file = write(directory.resolve("corrupt.gz"), compressed);
        assertFails(file, () -> reader.readImages(file, ROWS, COLS));
    }

    @Test
    void rejectsTrailingGarbage() {
        byte[] bytes = imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, ROWS, COLS, pixels);
        byte[] longer = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, longer, 0, bytes.length);
        Path file = write(directory.resolve("long-images"), longer);
        assertFails(file, () -> reader.readImages(file, ROWS, COLS), "3 unexpected bytes");

        byte[] labelBytes = labelFileBytes(IdxReader.LABELS_MAGIC, COUNT - 1, labels);
        Path labelFile = write(directory.resolve("long-labels"), labelBytes);
        assertFails(labelFile, () -> reader.readLabels(labelFile, CLASSES), "1 unexpected bytes");
    }

    @Test
    void rejectsWrongMagicNumber() {
        Path file = write(directory.resolve("bad-magic"),
                imageFileBytes(0x00000804, COUNT, ROWS, COLS, pixels));
        assertFails(file, () -> reader.readImages(file, ROWS, COLS), "wrong magic number 0x00000804",
                IdxReader.IMAGES_MAGIC_HEX);
    }

    @Test
    void explainsSwappedImageAndLabelFiles() {
        Path labelFile = goodLabels(false);
        assertFails(labelFile, () -> reader.readImages(labelFile, ROWS, COLS), "swapped");
        Path imageFile = goodImages(false);
        assertFails(imageFile, () -> reader.readLabels(imageFile, CLASSES), "swapped", IdxReader.LABELS_MAGIC_HEX);
    }

    @Test
    void explainsFilesThatAreNotIdx() {
        Path html = write(directory.resolve("page.html"), "<html><body>404 Not Found</body></html>".getBytes(
                StandardCharsets.US_ASCII));
        assertFails(html, () -> reader.readImages(html, ROWS, COLS), "not an IDX file");
        Path littleEndian = write(directory.resolve("little-endian"),
                imageFileBytes(Integer.reverseBytes(IdxReader.IMAGES_MAGIC), COUNT, ROWS, COLS, pixels));
        assertFails(littleEndian, () -> reader.readImages(littleEndian, ROWS, COLS), "little-endian");
    }

    @Test
    void rejectsUnexpectedDimensions() {
        Path file = goodImages(false);
        assertFails(file, () -> reader.readImages(file, 28, 28), ROWS + "×" + COLS, "28×28");
    }

    @Test
    void rejectsNonPositiveDimensionsAndNegativeCounts() {
        Path zeroRows = write(directory.resolve("zero-rows"),
                imageFileBytes(IdxReader.IMAGES_MAGIC, COUNT, 0, COLS, new byte[0]));
        assertFails(zeroRows, () -> reader.readImages(zeroRows, 0, 0), "0×" + COLS);
        Path negative = write(directory.resolve("negative-count"),
                imageFileBytes(IdxReader.IMAGES_MAGIC, -1, ROWS, COLS, new byte[0]));
        assertFails(negative, () -> reader.readImages(negative, 0, 0), "4294967295 images");
    }

    @Test
    void rejectsLabelOutOfRange() {
        byte[] bad = labels.clone();
        bad[3] = 10;
        Path file = write(directory.resolve("bad-labels"), labelFileBytes(IdxReader.LABELS_MAGIC, COUNT, bad));
        assertFails(file, () -> reader.readLabels(file, CLASSES), "label 10 at index 3", "0..9");
    }

    @Test
    void rejectsImageAndLabelCountMismatch() {
        Path images = goodImages(false);
        Path labelFile = write(directory.resolve("fewer-labels"),
                labelFileBytes(IdxReader.LABELS_MAGIC, COUNT - 2, truncate(labels, COUNT - 2)));
        DatasetException e = assertFails(images,
                () -> reader.read("mismatch", images, labelFile, CLASSES, ROWS, COLS),
                COUNT + " images", (COUNT - 2) + " labels");
        assertTrue(e.getMessage().contains(labelFile.toString()), e.getMessage());
    }

    @Test
    void rejectsEmptyFile() throws Exception {
        Path file = Files.createFile(directory.resolve("empty"));
        assertFails(file, () -> reader.readImages(file, ROWS, COLS), "empty");
        assertFails(file, () -> reader.readLabels(file, CLASSES), "empty");
    }

    @Test
    void rejectsEmptyGzipContent() {
        Path file = write(directory.resolve("empty.gz"), gzip(new byte[0]));
        assertFails(file, () -> reader.readImages(file, ROWS, COLS), "0 bytes");
    }

    @Test
    void rejectsMissingFileAndDirectory() {
        Path missing = directory.resolve("does-not-exist");
        assertFails(missing, () -> reader.readImages(missing, ROWS, COLS), "does not exist");
        assertFails(missing, () -> reader.readLabels(missing, CLASSES), "does not exist");
        assertFails(directory, () -> reader.readImages(directory, ROWS, COLS), "is a directory");
    }

    @Test
    void readsAnEmptyButWellFormedFile() {
        Path images = write(directory.resolve("no-images"),
                imageFileBytes(IdxReader.IMAGES_MAGIC, 0, ROWS, COLS, new byte[0]));
        Path labelFile = write(directory.resolve("no-labels"), labelFileBytes(IdxReader.LABELS_MAGIC, 0,
                new byte[0]));
        Dataset dataset = reader.read("empty", images, labelFile, CLASSES, ROWS, COLS);
        assertEquals(0, dataset.sampleCount());
        assertArrayEquals(new int[CLASSES], dataset.classCounts());
    }

    @Test
    void standaloneReaderSuggestsReplacingTheFile() {
        Path missing = directory.resolve("nothing-here");
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxReader.standalone().readImages(missing, 0, 0));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("To fix it, replace the file"), e.getMessage());
    }

    @Test
    void rejectsInvalidArguments() {
        Path labelFile = goodLabels(false);
        assertThrows(IllegalArgumentException.class, () -> reader.readLabels(labelFile, 0));
        assertThrows(IllegalArgumentException.class, () -> reader.readLabels(labelFile, 257));
        assertThrows(IllegalArgumentException.class, () -> reader.readImages(goodImages(false), -1, 0));
        assertThrows(IllegalStateException.class, () -> IdxReader.forDataset(DatasetKind.SYNTHETIC));
    }
}
