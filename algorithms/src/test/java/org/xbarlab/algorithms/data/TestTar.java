package org.xbarlab.algorithms.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes small tar archives for tests: ustar entries, GNU long names and pax path records. */
final class TestTar {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TestTar directory(String name) {
        entry(name, '5', new byte[0]);
        return this;
    }

    TestTar file(String name, byte[] content) {
        if (name.length() > 100) {
            int slash = name.lastIndexOf('/', name.length() - 2);
            if (slash > 0 && slash <= 155 && name.length() - slash - 1 <= 100) {
                rawEntry(name.substring(slash + 1), name.substring(0, slash), '0', content);
                return this;
            }
            throw new IllegalArgumentException("use gnuLongName or paxPath for " + name);
        }
        entry(name, '0', content);
        return this;
    }

    TestTar gnuLongName(String name, byte[] content) {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        entry("././@LongLink", 'L', nameBytes);
        entry(name.substring(0, 99), '0', content);
        return this;
    }

    TestTar paxPath(String name, byte[] content) {
        String record = " path=" + name + "\n";
        int length = record.length();
        int total = length + String.valueOf(length).length();
        if (String.valueOf(total).length() != String.valueOf(length).length()) {
            total++;
        }
        entry("PaxHeader", 'x', (total + record).getBytes(StandardCharsets.UTF_8));
        entry("short-name", '0', content);
        return this;
    }

    byte[] finish() {
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    /** The archive without its end-of-archive blocks, cut after {@code length} bytes. */
    byte[] truncatedAt(int length) {
        byte[] all = out.toByteArray();
        byte[] cut = new byte[length];
        System.arraycopy(all, 0, cut, 0, length);
        return cut;
    }

    private void entry(String name, char type, byte[] content) {
        rawEntry(name, "", type, content);
    }

    private void rawEntry(String name, String prefix, char type, byte[] content) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644\0");
        put(header, 108, "0001750\0");
        put(header, 116, "0001750\0");
        put(header, 124, String.format("%011o\0", content.length));
        put(header, 136, String.format("%011o\0", 1_600_000_000L));
        put(header, 148, "        ");
        header[156] = (byte) type;
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        put(header, 345, prefix);
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        out.writeBytes(header);
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
