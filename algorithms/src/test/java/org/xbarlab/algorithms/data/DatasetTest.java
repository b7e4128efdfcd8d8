package org.xbarlab.algorithms.data;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ReadOnlyBufferException;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest extends XbarlabTestBase {

    /** Five 2×3 images; pixel j of sample i is (10 i + j) / 100, so every value says where it came from. */
    private static float[] images() {
        float[] images = new float[5 * 6];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 6; j++) {
                images[i * 6 + j] = (10 * i + j) / 100f;
            }
        }
        return images;
    }

    private final int[] labels = {0, 1, 2, 1, 0};
    private final Dataset dataset = Dataset.of("fixture", images(), labels, 2, 3, 3);

    @Test
    void exposesShapeAndContent() {
        assertEquals("fixture", dataset.name());
        assertEquals(5, dataset.sampleCount());
        assertEquals(2, dataset.rows());
        assertEquals(3, dataset.cols());
        assertEquals(6, dataset.featureCount());
        assertEquals(3, dataset.classCount());
        assertEquals(0.34f, dataset.pixel(3, 4));
        assertEquals(2, dataset.label(2));
        assertArrayEquals(new float[] {0.20f, 0.21f, 0.22f, 0.23f, 0.24f, 0.25f}, dataset.image(2));
        assertArrayEquals(new int[] {2, 2, 1}, dataset.classCounts());
        assertEquals("fixture (5 samples, 2×3, 3 classes)", dataset.toString());
    }

    @Test
    void copiesItsInputsAndOutputs() {
        float[] images = images();
        int[] ownLabels = labels.clone();
        Dataset copy = Dataset.of("copy", images, ownLabels, 2, 3, 3);
        images[0] = 1f;
        ownLabels[0] = 2;
        assertEquals(0f, copy.pixel(0, 0));
        assertEquals(0, copy.label(0));
        copy.copyOfImages()[0] = 1f;
        copy.copyOfLabels()[0] = 2;
        copy.image(0)[0] = 1f;
        assertEquals(0f, copy.pixel(0, 0));
        assertEquals(0, copy.label(0));
    }

    @Test
    void subsetsAreViews() {
        Dataset middle = dataset.subset(1, 4);
        assertEquals("fixture[1:4]", middle.name());
        assertEquals(3, middle.sampleCount());
        assertEquals(0.10f, middle.pixel(0, 0));
        assertArrayEquals(new int[] {1, 2, 1}, middle.copyOfLabels());
        assertArrayEquals(new int[] {0, 2, 1}, middle.classCounts());
        Dataset inner = middle.subset(1, 2);
        assertEquals(0.20f, inner.pixel(0, 0));
        assertEquals(2, inner.label(0));
        assertSame(dataset, dataset.subset(0, 5));
        assertEquals(0, dataset.subset(2, 2).sampleCount());
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.subset(3, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.subset(3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> middle.label(3));
    }

    @Test
    void takeReturnsAPrefix() {
        assertEquals(2, dataset.take(2).sampleCount());
        assertEquals(5, dataset.take(100).sampleCount());
        assertEquals(0, dataset.take(0).sampleCount());
        assertThrows(IllegalArgumentException.class, () -> dataset.take(-1));
    }

    @Test
    void selectCopiesInTheGivenOrder() {
        Dataset selected = dataset.select(new int[] {4, 0, 4});
        assertEquals(3, selected.sampleCount());
        assertArrayEquals(new int[] {0, 0, 0}, selected.copyOfLabels());
        assertEquals(0.40f, selected.pixel(0, 0));
        assertEquals(0.00f, selected.pixel(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.select(new int[] {5}));
    }

    @Test
    void copiesBatchesIntoCallerBuffers() {
        Dataset view = dataset.subset(1, 5);
        float[] batch = new float[2 + 2 * 6];
        view.copyImages(1, 3, batch, 2);
        assertEquals(0f, batch[0]);
        assertEquals(0.20f, batch[2]);
        assertEquals(0.35f, batch[13]);
        int[] batchLabels = new int[2];
        view.copyLabels(2, 4, batchLabels, 0);
        assertArrayEquals(new int[] {1, 0}, batchLabels);
        assertThrows(IndexOutOfBoundsException.class, () -> view.copyImages(0, 4, new float[6], 0));
    }

    @Test
    void viewsAreReadOnlyAndCoverTheSubset() {
        Dataset view = dataset.subset(2, 4);
        FloatBuffer pixels = view.imagesView();
        assertEquals(12, pixels.remaining());
        assertEquals(0.20f, pixels.get(0));
        assertEquals(0.35f, pixels.get(11));
        assertThrows(ReadOnlyBufferException.class, () -> pixels.put(0, 1f));
        IntBuffer viewLabels = view.labelsView();
        assertEquals(2, viewLabels.remaining());
        assertEquals(2, viewLabels.get(0));
        assertThrows(ReadOnlyBufferException.class, () -> viewLabels.put(0, 1));
    }

    @Test
    void withNameSharesTheSamples() {
        Dataset renamed = dataset.subset(1, 3).withName("renamed");
        assertEquals("renamed", renamed.name());
        assertEquals(0.10f, renamed.pixel(0, 0));
    }

    @Test
    void centerCropKeepsTheMiddlePixelsOfEveryImageOfAView() {
        // Two 4×4 images whose pixel value encodes (sample, row, column).
        float[] images = new float[3 * 16];
        for (int n = 0; n < 3; n++) {
            for (int k = 0; k < 16; k++) {
                images[n * 16 + k] = (n * 100 + (k / 4) * 10 + k % 4) / 1000f;
            }
        }
        Dataset data = Dataset.of("grid", images, new int[] {0, 1, 2}, 4, 4, 3).subset(1, 3);
        Dataset cropped = data.centerCrop(2);
        assertEquals(2, cropped.sampleCount());
        assertEquals(4, cropped.featureCount());
        assertArrayEquals(new float[] {0.111f, 0.112f, 0.121f, 0.122f}, cropped.image(0), 1e-6f);
        assertArrayEquals(new float[] {0.211f, 0.212f, 0.221f, 0.222f}, cropped.image(1), 1e-6f);
        assertEquals(2, cropped.label(1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> data.centerCrop(5));
        assertTrue(error.getMessage().contains("centerCrop"), error.getMessage());
    }

    @Test
    void binarizeSetsPixelsAtOrAboveTheThresholdToOne() {
        Dataset data = Dataset.of("grey", new float[] {0.2f, 0.5f, 0.7f, 0.49f, 0f, 1f, 0.5f, 0.1f, 0.3f},
                new int[] {1}, 3, 3, 2);
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1, 1, 0, 0}, data.binarize(0.5).image(0), 0f);
        assertThrows(IllegalArgumentException.class, () -> data.binarize(Double.NaN));
    }

    @Test
    void rejectsInvalidContentNamingTheProblem() {
        float[] nan = images();
        nan[7] = Float.NaN;
        assertMessage("images[7] (sample 1) must be in [0, 1]", () -> Dataset.of("x", nan, labels, 2, 3, 3));
        float[] bright = images();
        bright[0] = 1.5f;
        assertMessage("must be in [0, 1], got 1.5", () -> Dataset.of("x", bright, labels, 2, 3, 3));
        assertMessage("labels[2] must be in 0..1, got 2", () -> Dataset.of("x", images(), labels, 2, 3, 2));
        assertMessage("must hold labels.length", () -> Dataset.of("x", images(), labels, 3, 3, 3));
        assertMessage("rows and cols", () -> Dataset.of("x", new float[0], new int[0], 0, 3, 3));
        assertMessage("name", () -> Dataset.of(" ", images(), labels, 2, 3, 3));
        assertMessage("classCount", () -> Dataset.of("x", images(), labels, 2, 3, 0));
    }

    private static void assertMessage(String fragment, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
