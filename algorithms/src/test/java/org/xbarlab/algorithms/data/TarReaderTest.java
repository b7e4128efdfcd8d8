package org.xbarlab.algorithms.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TarReaderTest extends XbarlabTestBase {

    private static Map<String, byte[]> readAll(byte[] archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        TarReader.read(new ByteArrayInputStream(archive), "test.tar", (path, size, content) -> {
            byte[] bytes = content.readAllBytes();
            assertEquals(size, bytes.length);
            files.put(path, bytes);
        });
        return files;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsRegularFilesAndSkipsDirectories() throws IOException {
        byte[] big = IdxFixtures.randomBytes(TEST_SEED, 1500, 256);
        byte[] archive = new TestTar()
                .directory("package/")
                .file("package/package.json", bytes("{}"))
                .file("package/data/train-labels-idx1-ubyte", big)
                .file("package/empty", new byte[0])
                .finish();
        Map<String, byte[]> files = readAll(archive);
        assertEquals(3, files.size());
        assertArrayEquals(bytes("{}"), files.get("package/package.json"));
        assertArrayEquals(big, files.get("package/data/train-labels-idx1-ubyte"));
        assertArrayEquals(new byte[0], files.get("package/empty"));
    }

    @Test
    void readsLongNames() throws IOException {
        String prefixed = "package/" + "d".repeat(100) + "/file-with-prefix";
        String gnu = "package/" + "g".repeat(150) + "/gnu-long-name";
        String pax = "package/" + "p".repeat(150) + "/pax-path";
        byte[] archive = new TestTar()
                .file(prefixed, bytes("prefix"))
                .gnuLongName(gnu, bytes("gnu"))
                .paxPath(pax, bytes("pax"))
                .file("package/after", bytes("after"))
                .finish();
        Map<String, byte[]> files = readAll(archive);
        assertArrayEquals(bytes("prefix"), files.get(prefixed));
        assertArrayEquals(bytes("gnu"), files.get(gnu));
        assertArrayEquals(bytes("pax"), files.get(pax));
        assertArrayEquals(bytes("after"), files.get("package/after"), "long names apply to one entry only");
        assertEquals(4, files.size(), files.keySet().toString());
    }

    @Test
    void skipsUnreadContent() throws IOException {
        byte[] archive = new TestTar().file("a", bytes("first")).file("b", bytes("second")).finish();
        Map<String, Long> sizes = new LinkedHashMap<>();
        TarReader.read(new ByteArrayInputStream(archive), "test.tar", (path, size, content) -> sizes.put(path,
                size));
        assertEquals(Map.of("a", 5L, "b", 6L), sizes);
    }

    @Test
    void rejectsTruncatedArchivesAndBadChecksums() {
        TestTar tar = new TestTar().file("a", IdxFixtures.randomBytes(TEST_SEED, 2000, 256));
        byte[] cutInContent = tar.truncatedAt(1000);
        DatasetException truncated = assertThrows(DatasetException.class, () -> readAll(cutInContent));
        assertTrue(truncated.getMessage().contains("test.tar"), truncated.getMessage());

        byte[] cutInHeader = tar.truncatedAt(100);
        assertThrows(DatasetException.class, () -> readAll(cutInHeader));

        byte[] corrupt = new TestTar().file("a", bytes("x")).finish();
        corrupt[10] ^= 1;
        DatasetException checksum = assertThrows(DatasetException.class, () -> readAll(corrupt));
        assertTrue(checksum.getMessage().contains("checksum"), checksum.getMessage());
    }
}
