package org.xbarlab.algorithms.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileChecksumsTest extends XbarlabTestBase {

    /** SHA-256 of "abc", from FIPS 180-2 appendix B.1. */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path directory;

    @Test
    void computesTheStandardSum() {
        Path file = IdxFixtures.write(directory.resolve("abc"), "abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(SHA256_ABC, FileChecksums.sha256(file));
        assertEquals(SHA256_ABC, FileChecksums.contentSha256(file));
        Path compressed = IdxFixtures.write(directory.resolve("abc.gz"),
                IdxFixtures.gzip("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(SHA256_ABC, FileChecksums.contentSha256(compressed));
    }

    @Test
    void verificationRejectsACorruptedFile() throws Exception {
        byte[] content = IdxFixtures.randomBytes(TEST_SEED, 5000, 256);
        Path file = IdxFixtures.write(directory.resolve("train-labels-idx1-ubyte"), content);
        DatasetFile expected = DatasetFile.uncompressed("train-labels-idx1-ubyte", Split.TRAIN,
                DatasetFile.Content.LABELS, content.length, FileChecksums.sha256(file));
        assertTrue(FileChecksums.matches(file, expected));
        assertDoesNotThrow(() -> FileChecksums.verify(file, DatasetKind.MNIST, expected));

        content[1234] ^= 1;
        Files.write(file, content);
        String corruptSum = FileChecksums.sha256(file);

        assertFalse(FileChecksums.matches(file, expected));
        DatasetException e = assertThrows(DatasetException.class,
                () -> FileChecksums.verify(file, DatasetKind.MNIST, expected));
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains(corruptSum), message);
        assertTrue(message.contains(expected.sha256()), message);
        assertTrue(message.contains("xbarlab datasets fetch mnist"), message);
    }

    @Test
    void acceptsTheSameContentCompressedDifferentlyOrDecompressed() {
        byte[] content = IdxFixtures.randomBytes(TEST_SEED, 5000, 16);
        byte[] shipped = IdxFixtures.gzip(content);
        Path reference = IdxFixtures.write(directory.resolve("reference"), content);
        Path shippedFile = IdxFixtures.write(directory.resolve("shipped.gz"), shipped);
        DatasetFile expected = new DatasetFile("shipped.gz", Split.TEST, DatasetFile.Content.IMAGES,
                shipped.length, FileChecksums.sha256(shippedFile), content.length,
                FileChecksums.sha256(reference));
        assertTrue(expected.compressed());
        assertTrue(FileChecksums.matches(shippedFile, expected));
        assertTrue(FileChecksums.matches(reference, expected), "decompressed copy");

        // Same content, different gzip header bytes (modification time): still the same data.
        byte[] recompressed = shipped.clone();
        recompressed[4] ^= 0x55;
        Path recompressedFile = IdxFixtures.write(directory.resolve("recompressed.gz"), recompressed);
        assertTrue(FileChecksums.matches(recompressedFile, expected));

        byte[] corrupt = shipped.clone();
        corrupt[shipped.length / 2] ^= 0x55;
        Path corruptFile = IdxFixtures.write(directory.resolve("corrupt.gz"), corrupt);
        assertFalse(FileChecksums.matches(corruptFile, expected));
        assertThrows(DatasetException.class, () -> FileChecksums.verify(corruptFile, DatasetKind.FASHION_MNIST,
                expected));
    }

    @Test
    void missingFileDoesNotMatchAndNamesTheFetchCommand() {
        Path missing = directory.resolve("t10k-images-idx3-ubyte.gz");
        DatasetFile expected = DatasetKind.FASHION_MNIST.file(Split.TEST, DatasetFile.Content.IMAGES);
        assertFalse(FileChecksums.matches(missing, expected));
        DatasetException e = assertThrows(DatasetException.class,
                () -> FileChecksums.verify(missing, DatasetKind.FASHION_MNIST, expected));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("xbarlab datasets fetch fashion-mnist"), e.getMessage());
    }
}
