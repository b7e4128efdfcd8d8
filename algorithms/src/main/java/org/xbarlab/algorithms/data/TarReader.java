package org.xbarlab.algorithms.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of tar archives (POSIX ustar, with GNU long names and pax {@code path} records), enough for npm
 * package tarballs. It streams regular files to a visitor and never writes to disk itself, so an entry name such as
 * {@code ../../etc/passwd} cannot escape anywhere: callers choose the destination. Not API.
 */
final class TarReader {

    private static final int BLOCK_BYTES = 512;

    /** Receives each regular file of an archive. */
    @FunctionalInterface
    interface FileVisitor {
        /**
         * Called once per regular file.
         *
         * @param path the entry's path inside the archive, for example {@code package/data/t10k-labels-idx1-ubyte}
         * @param sizeBytes the entry's size
         * @param content the entry's bytes; reading stops at the end of the entry; closing it does nothing
         * @throws IOException if the visitor fails to consume the content
         */
        void visit(String path, long sizeBytes, InputStream content) throws IOException;
    }

    private TarReader() {
    }

    /**
     * Reads an (uncompressed) tar stream to its end-of-archive marker.
     *
     * @param in the archive; read but not closed
     * @param archiveName the archive's name for messages
     * @param visitor receives every regular file
     * @throws IOException if reading fails or the visitor throws
     * @throws DatasetException if the archive is malformed or truncated
     */
    static void read(InputStream in, String archiveName, FileVisitor visitor) throws IOException {
        byte[] header = new byte[BLOCK_BYTES];
        String pendingLongName = null;
        while (true) {
            int read = in.readNBytes(header, 0, BLOCK_BYTES);
            if (read == 0) {
                return; // some writers omit the end-of-archive blocks
            }
            if (read < BLOCK_BYTES) {
                throw malformed(archiveName, "it ends inside a header block");
            }
            if (isZero(header)) {
                return; // end-of-archive marker
            }
            checkChecksum(header, archiveName);
            String name = string(header, 0, 100);
            if (string(header, 257, 6).startsWith("ustar")) {
                String prefix = string(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            long size = number(header, 124, 12, archiveName);
            byte type = header[156];
            if (type == 'L') { // GNU long name for the next entry
                pendingLongName = trimNul(new String(readEntry(in, size, archiveName), StandardCharsets.UTF_8));
                skipPadding(in, size, archiveName);
                continue;
            }
            if (type == 'x') { // pax extended header for the next entry
                String path = paxPath(new String(readEntry(in, size, archiveName), StandardCharsets.UTF_8));
                if (path != null) {
                    pendingLongName = path;
                }
                skipPadding(in, size, archiveName);
                continue;
            }
            if (pendingLongName != null) {
                name = pendingLongName;
                pendingLongName = null;
            }
            if (type == '0' || type == 0 || type == '7') {
                BoundedInputStream content = new BoundedInputStream(in, size, archiveName);
                visitor.visit(name, size, content);
                content.skipRest(archiveName);
            } else {
                skipFully(in, size, archiveName); // directories, links, global pax headers: nothing to keep
            }
            skipPadding(in, size, archiveName);
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void checkChecksum(byte[] header, String archiveName) {
        long stored = number(header, 148, 8, archiveName);
        long sum = 0;
        for (int i = 0; i < BLOCK_BYTES; i++) {
            // The checksum field itself counts as eight spaces.
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
        }
        if (sum != stored) {
            throw malformed(archiveName, "a header checksum is " + stored + " but its bytes sum to " + sum);
        }
    }

    /** Parses an octal field, or a base-256 field (high bit set) as GNU tar writes for large sizes. */
    private static long number(byte[] header, int offset, int length, String archiveName) {
        if ((header[offset] & 0x80) != 0) {
            long value = header[offset] & 0x7F;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xFF);
            }
            return value;
        }
        int i = offset;
        int end = offset + length;
        while (i < end && header[i] == ' ') {
            i++; // leading spaces are padding
        }
        long value = 0;
        for (; i < end && header[i] != 0 && header[i] != ' '; i++) {
            byte b = header[i];
            if (b < '0' || b > '7') {
                throw malformed(archiveName, "a header has a non-octal number field");
            }
            value = (value << 3) + (b - '0');
        }
        return value;
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    /** Extracts the {@code path} record from pax extended header text ({@code "<length> path=<value>\n"}). */
    private static String paxPath(String records) {
        String path = null;
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String record = line.substring(space + 1);
            if (record.startsWith("path=")) {
                path = record.substring("path=".length());
            }
        }
        return path;
    }

    private static byte[] readEntry(InputStream in, long size, String archiveName) throws IOException {
        if (size > 1 << 20) {
            throw malformed(archiveName, "an extended header of " + size + " bytes is implausibly large");
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length < size) {
            throw malformed(archiveName, "it ends inside an entry");
        }
        return bytes;
    }

    private static void skipPadding(InputStream in, long size, String archiveName) throws IOException {
        long padding = (BLOCK_BYTES - size % BLOCK_BYTES) % BLOCK_BYTES;
        skipFully(in, padding, archiveName);
    }

    private static void skipFully(InputStream in, long bytes, String archiveName) throws IOException {
        try {
            in.skipNBytes(bytes);
        } catch (EOFException e) {
            throw malformed(archiveName, "it ends inside an entry");
        }
    }

    private static DatasetException malformed(String archiveName, String problem) {
        return new DatasetException("package archive " + archiveName + " is not a valid tar archive: " + problem
                + "; the download may be incomplete, try again", null, null);
    }

    /** The bytes of one entry; never reads past it, and closing does not close the archive. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private final String archiveName;
        private long remaining;

        BoundedInputStream(InputStream in, long size, String archiveName) {
            this.in = in;
            this.remaining = size;
            this.archiveName = archiveName;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw malformed(archiveName, "it ends inside an entry");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw malformed(archiveName, "it ends inside an entry");
            }
            remaining -= read;
            return read;
        }

        void skipRest(String archiveName) throws IOException {
            skipFully(in, remaining, archiveName);
            remaining = 0;
        }

        @Override
        public void close() {
            // The archive stream belongs to the caller of TarReader.read.
        }
    }
}
