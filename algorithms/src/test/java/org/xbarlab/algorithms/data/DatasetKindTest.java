package org.xbarlab.algorithms.data;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.data.DatasetFile.Content;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetKindTest extends XbarlabTestBase {

    @Test
    void findsKindsByCommandLineName() {
        assertEquals(DatasetKind.MNIST, DatasetKind.fromId("mnist"));
        assertEquals(DatasetKind.FASHION_MNIST, DatasetKind.fromId("Fashion-MNIST"));
        assertEquals(DatasetKind.FASHION_MNIST, DatasetKind.fromId("fashion_mnist"));
        assertEquals(DatasetKind.SYNTHETIC, DatasetKind.fromId(" synthetic "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetKind.fromId("cifar"));
        assertTrue(e.getMessage().contains("mnist, fashion-mnist, synthetic"), e.getMessage());
        assertEquals(Split.TEST, Split.fromId("TEST"));
        assertThrows(IllegalArgumentException.class, () -> Split.fromId("validation"));
    }

    @Test
    void fetchableKindsHaveFourFilesWithDistinctSums() {
        for (DatasetKind kind : new DatasetKind[] {DatasetKind.MNIST, DatasetKind.FASHION_MNIST}) {
            assertTrue(kind.fetchable());
            assertEquals("xbarlab datasets fetch " + kind.id(), kind.fetchCommand());
            assertEquals(4, kind.files().size());
            Set<String> sums = new HashSet<>();
            for (Split split : Split.values()) {
                for (Content content : Content.values()) {
                    DatasetFile file = kind.file(split, content);
                    assertEquals(split, file.split());
                    assertEquals(content, file.content());
                    assertTrue(sums.add(file.sha256()), file.fileName());
                    // IDX sizes follow from the header: 16 + n*28*28 for images, 8 + n for labels.
                    long n = kind.sampleCount(split);
                    long expectedContent = content == Content.IMAGES ? 16 + n * 28 * 28 : 8 + n;
                    assertEquals(expectedContent, file.contentSizeBytes(), file.fileName());
                }
            }
            assertEquals(10, kind.classCount());
            assertEquals(10, kind.classNames().size());
        }
        assertFalse(DatasetKind.MNIST.file(Split.TRAIN, Content.IMAGES).compressed());
        assertTrue(DatasetKind.FASHION_MNIST.file(Split.TRAIN, Content.IMAGES).compressed());
        assertEquals("Ankle boot", DatasetKind.FASHION_MNIST.classNames().get(9));
        assertEquals("Fashion-MNIST training images",
                DatasetKind.FASHION_MNIST.file(Split.TRAIN, Content.IMAGES).describe(DatasetKind.FASHION_MNIST));
    }

    @Test
    void syntheticHasNoFilesAndNothingToFetch() {
        assertFalse(DatasetKind.SYNTHETIC.fetchable());
        assertTrue(DatasetKind.SYNTHETIC.files().isEmpty());
        assertThrows(IllegalStateException.class, DatasetKind.SYNTHETIC::fetchCommand);
        assertThrows(IllegalStateException.class, () -> DatasetKind.SYNTHETIC.file(Split.TRAIN, Content.IMAGES));
    }

    @Test
    void fileDescriptionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> DatasetFile.uncompressed("a/b", Split.TRAIN,
                Content.IMAGES, 1, "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> DatasetFile.uncompressed("a", Split.TRAIN,
                Content.IMAGES, 1, "ABC"));
        assertThrows(IllegalArgumentException.class, () -> DatasetFile.uncompressed("a", Split.TRAIN,
                Content.IMAGES, 0, "0".repeat(64)));
    }
}
