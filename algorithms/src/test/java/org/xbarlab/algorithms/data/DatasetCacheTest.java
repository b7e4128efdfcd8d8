package org.xbarlab.algorithms.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.data.DatasetFile.Content;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

/**
 * A data set is read and verified once per JVM (a sweep's runs, a Spark executor's tasks) and read again when one of
 * its files changes. Uses the real MNIST test split (CI fetches it; skipped when absent).
 */
class DatasetCacheTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void aDataSetIsReadOnceAndAgainWhenAFileChanges() throws Exception {
        Path source = DataDirectory.resolve();
        assumeTrue(Datasets.isPresent(DatasetKind.MNIST, source), "MNIST is not in " + source);
        Path folder = Files.createDirectories(directory.resolve("mnist"));
        Path images = null;
        for (Content content : Content.values()) {
            DatasetFile file = DatasetKind.MNIST.file(Split.TEST, content);
            Path found = DataDirectory.datasetDirectory(source, DatasetKind.MNIST).resolve(file.fileName());
            assumeTrue(Files.exists(found), "uncompressed " + found);
            Path copy = folder.resolve(file.fileName());
            Files.copy(found, copy);
            if (content == Content.IMAGES) {
                images = copy;
            }
        }
        Dataset first = Datasets.load(DatasetKind.MNIST, Split.TEST, directory);
        assertSame(first, Datasets.load(DatasetKind.MNIST, Split.TEST, directory), "read once");

        Files.setLastModifiedTime(images, FileTime.fromMillis(Files.getLastModifiedTime(images).toMillis() + 5000));
        Dataset touched = Datasets.load(DatasetKind.MNIST, Split.TEST, directory);
        assertNotSame(first, touched, "a changed file is read again");
        assertArrayEquals(first.copyOfLabels(), touched.copyOfLabels());

        byte[] bytes = Files.readAllBytes(images);
        bytes[bytes.length - 1] ^= 1;
        Files.write(images, bytes);
        Files.setLastModifiedTime(images, FileTime.fromMillis(Files.getLastModifiedTime(images).toMillis() + 5000));
        assertThrows(DatasetException.class, () -> Datasets.load(DatasetKind.MNIST, Split.TEST, directory),
                "a corrupted file is verified again, not served from the cache");
    }

}
