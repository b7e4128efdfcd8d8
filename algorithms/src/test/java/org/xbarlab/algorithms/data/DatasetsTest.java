package org.xbarlab.algorithms.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.algorithms.data.DatasetFile.Content;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest extends XbarlabTestBase {

    @TempDir
    Path dataDirectory;

    @Test
    void missingDataNamesTheFileTheFolderTheFetchCommandAndTheVariable() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load(DatasetKind.MNIST, Split.TRAIN, dataDirectory));
        String message = e.getMessage();
        assertTrue(message.contains(dataDirectory.resolve("mnist").toString()), message);
        assertTrue(message.contains("train-images-idx3-ubyte"), message);
        assertTrue(message.contains("`xbarlab datasets fetch mnist`"), message);
        assertTrue(message.contains("XBARLAB_DATA_DIR"), message);
        assertEquals(dataDirectory.resolve("mnist/train-images-idx3-ubyte"), e.file().orElseThrow());
        assertFalse(Datasets.isPresent(DatasetKind.MNIST, dataDirectory));
        assertThrows(DatasetException.class, () -> Datasets.verify(DatasetKind.FASHION_MNIST, dataDirectory));
    }

    @Test
    void aPresentButCorruptFileIsRejectedBeforeParsing() throws Exception {
        Path folder = Files.createDirectories(dataDirectory.resolve("mnist"));
        for (DatasetFile file : DatasetKind.MNIST.files()) {
            Files.write(folder.resolve(file.fileName()), new byte[] {0, 0, 8, 1});
        }
        assertTrue(Datasets.isPresent(DatasetKind.MNIST, dataDirectory));
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.load(DatasetKind.MNIST, Split.TEST, dataDirectory));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("xbarlab datasets fetch mnist"), e.getMessage());
    }

    @Test
    void findsTheOtherCompressionVariantOfAName() throws Exception {
        Path folder = Files.createDirectories(dataDirectory.resolve("fashion-mnist"));
        DatasetFile compressed = DatasetKind.FASHION_MNIST.file(Split.TRAIN, Content.LABELS);
        assertNull(Datasets.locate(DatasetKind.FASHION_MNIST, compressed, dataDirectory));
        Path uncompressed = Files.createFile(folder.resolve("train-labels-idx1-ubyte"));
        assertEquals(uncompressed, Datasets.locate(DatasetKind.FASHION_MNIST, compressed, dataDirectory));
        Path exact = Files.createFile(folder.resolve("train-labels-idx1-ubyte.gz"));
        assertEquals(exact, Datasets.locate(DatasetKind.FASHION_MNIST, compressed, dataDirectory));

        Path mnistFolder = Files.createDirectories(dataDirectory.resolve("mnist"));
        Path gzipped = Files.createFile(mnistFolder.resolve("t10k-images-idx3-ubyte.gz"));
        assertEquals(gzipped, Datasets.locate(DatasetKind.MNIST,
                DatasetKind.MNIST.file(Split.TEST, Content.IMAGES), dataDirectory));
    }

    @Test
    void syntheticLoadsWithoutFiles() {
        Dataset train = Datasets.load(DatasetKind.SYNTHETIC, Split.TRAIN, null);
        Dataset test = Datasets.load(DatasetKind.SYNTHETIC, Split.TEST);
        assertEquals(2000, train.sampleCount());
        assertEquals(500, test.sampleCount());
        assertEquals("synthetic/test", test.name());
        assertTrue(Datasets.isPresent(DatasetKind.SYNTHETIC, dataDirectory));
        assertTrue(Datasets.verify(DatasetKind.SYNTHETIC, dataDirectory).isEmpty());
        assertArrayEquals(train.copyOfLabels(), Datasets.load(DatasetKind.SYNTHETIC, Split.TRAIN, null)
                .copyOfLabels());
    }
}
