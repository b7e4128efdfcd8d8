package org.xbarlab.algorithms.data;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads the real MNIST and Fashion-MNIST files when they are in the data directory ({@code $XBARLAB_DATA_DIR} or
 * {@code ~/.xbarlab/data}) and checks sizes and label histograms; skipped when the data is absent. CI fetches the
 * data first ({@code xbarlab datasets fetch mnist fashion-mnist}), so there it always runs. About 1 s per data set.
 */
class RealDatasetsTest extends XbarlabTestBase {

    /** Training label histogram of MNIST, a well-known property of the canonical files. */
    private static final int[] MNIST_TRAIN_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};
    private static final int[] MNIST_TEST_COUNTS = {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009};

    private final Path dataDirectory = DataDirectory.resolve();

    @Test
    void mnist() {
        assumeTrue(Datasets.isPresent(DatasetKind.MNIST, dataDirectory), "MNIST is not in " + dataDirectory);
        Dataset train = check(DatasetKind.MNIST, Split.TRAIN, MNIST_TRAIN_COUNTS);
        Dataset test = check(DatasetKind.MNIST, Split.TEST, MNIST_TEST_COUNTS);
        // The first training digit is the famous 5, the first test digit a 7.
        assertEquals(5, train.label(0));
        assertEquals(7, test.label(0));
    }

    @Test
    void fashionMnist() {
        assumeTrue(Datasets.isPresent(DatasetKind.FASHION_MNIST, dataDirectory),
                "Fashion-MNIST is not in " + dataDirectory);
        int[] trainCounts = new int[10];
        int[] testCounts = new int[10];
        Arrays.fill(trainCounts, 6000);
        Arrays.fill(testCounts, 1000);
        Dataset train = check(DatasetKind.FASHION_MNIST, Split.TRAIN, trainCounts);
        check(DatasetKind.FASHION_MNIST, Split.TEST, testCounts);
        assertEquals(9, train.label(0), "the first training article is an ankle boot");
    }

    private Dataset check(DatasetKind kind, Split split, int[] expectedCounts) {
        long start = System.nanoTime();
        Dataset dataset = Datasets.load(kind, split, dataDirectory);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(kind.sampleCount(split), dataset.sampleCount());
        assertEquals(28, dataset.rows());
        assertEquals(28, dataset.cols());
        assertEquals(kind.displayName() + "/" + split.id(), dataset.name());
        assertArrayEquals(expectedCounts, dataset.classCounts(), dataset.name());
        // Pixels span the whole range: background 0 and full ink 255 both occur.
        float min = 1;
        float max = 0;
        for (float v : dataset.copyOfImages()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        assertTrue(seconds < 5, dataset.name() + " took " + seconds + " s to load");
        return dataset;
    }
}
