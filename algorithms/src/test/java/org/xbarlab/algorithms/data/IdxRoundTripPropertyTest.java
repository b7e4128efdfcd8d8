package org.xbarlab.algorithms.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writing random IDX files and reading them back gives the same data. (jqwik does not run the JUnit lifecycle of
 * {@link XbarlabTestBase}; the class extends it for uniformity and its {@link #TEST_SEED}.)
 */
class IdxRoundTripPropertyTest extends XbarlabTestBase {

    @Property(tries = 60)
    void writtenFilesReadBackEqual(@ForAll @IntRange(min = 0, max = 40) int count,
                                   @ForAll @IntRange(min = 1, max = 12) int rows,
                                   @ForAll @IntRange(min = 1, max = 12) int cols,
                                   @ForAll @IntRange(min = 1, max = 256) int classCount,
                                   @ForAll boolean compressed,
                                   @ForAll long seed) {
        byte[] pixels = IdxFixtures.randomBytes(seed, count * rows * cols, 256);
        byte[] labelBytes = IdxFixtures.randomBytes(seed ^ 0x5DEECE66DL, count, classCount);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[i] & 0xFF;
        }
        Path directory = temporaryDirectory();
        try {
            Path imagesFile = directory.resolve("images");
            Path labelsFile = directory.resolve("labels");
            IdxWriter.writeImages(imagesFile, pixels, count, rows, cols, compressed);
            IdxWriter.writeLabels(labelsFile, labels, compressed);

            Dataset dataset = IdxReader.standalone().read("round-trip", imagesFile, labelsFile, classCount, rows,
                    cols);

            assertEquals(count, dataset.sampleCount());
            assertArrayEquals(labels, dataset.copyOfLabels());
            float[] images = dataset.copyOfImages();
            for (int i = 0; i < pixels.length; i++) {
                assertEquals((pixels[i] & 0xFF) / 255f, images[i]);
            }

            // A data set written back quantises to exactly the original bytes.
            Path imagesAgain = directory.resolve("images-again");
            Path labelsAgain = directory.resolve("labels-again");
            IdxWriter.write(dataset, imagesAgain, labelsAgain, !compressed);
            Dataset again = IdxReader.standalone().read("again", imagesAgain, labelsAgain, classCount, rows, cols);
            assertArrayEquals(images, again.copyOfImages());
            assertArrayEquals(labels, again.copyOfLabels());
        } finally {
            delete(directory);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("xbarlab-idx-property-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
