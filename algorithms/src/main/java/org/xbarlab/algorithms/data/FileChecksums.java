package org.xbarlab.algorithms.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * SHA-256 sums of data set files and their verification against {@link DatasetFile}. Stateless and thread-safe.
 */
public final class FileChecksums {

    private static final int BUFFER_BYTES = 1 << 16;

    private FileChecksums() {
    }

    /**
     * Computes the SHA-256 of a file's bytes.
     *
     * @param file the file, never null
     * @return 64 lower-case hex digits
     * @throws DatasetException naming the file if it cannot be read
     */
    public static String sha256(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException e) {
            throw new DatasetException("could not compute the SHA-256 of " + file + ": " + e, file, e);
        }
    }

    /**
     * Computes the SHA-256 of a file's content: of its decompressed bytes when it starts with the gzip magic bytes,
     * of its bytes otherwise.
     *
     * @param file the file, never null
     * @return 64 lower-case hex digits
     * @throws DatasetException naming the file if it cannot be read or its gzip data is corrupt
     */
    public static String contentSha256(Path file) {
        Objects.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (!gzip) {
                return sha256(in);
            }
            try (InputStream content = new GZIPInputStream(in, BUFFER_BYTES)) {
                return sha256(content);
            }
        } catch (IOException e) {
            throw new DatasetException("could not compute the SHA-256 of the content of " + file + ": " + e, file,
                    e);
        }
    }

    /**
     * Computes the SHA-256 of everything left in a stream, which is read to its end but not closed.
     *
     * @param in the stream, never null
     * @return 64 lower-case hex digits
     * @throws IOException if reading fails
     */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[BUFFER_BYTES];
        int read;
        while ((read = in.read(buffer)) != -1) {
            digest.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Tells whether a file holds the expected data: its bytes match {@link DatasetFile#sha256()}, or its content
     * (decompressed if gzip) matches {@link DatasetFile#contentSha256()}.
     *
     * @param file the file; a missing file does not match; never null
     * @param expected the expected file, never null
     * @return true if the file exists and matches
     * @throws DatasetException naming the file if it exists but cannot be read
     */
    public static boolean matches(Path file, DatasetFile expected) {
        return Files.isRegularFile(file) && mismatch(file, expected) == null;
    }

    /**
     * Checks that a file holds the expected data (see {@link #matches}).
     *
     * @param file the file, never null
     * @param kind the data set the file belongs to, for the message; never null
     * @param expected the expected file, one of {@code kind.files()}; never null
     * @throws DatasetException if the file is missing, unreadable or does not match; the message names the file,
     *     both sums and the fetch command
     */
    public static void verify(Path file, DatasetKind kind, DatasetFile expected) {
        Objects.requireNonNull(kind, "kind");
        String fix = " To fix it, run `" + kind.fetchCommand() + "`, which downloads the file again and checks it.";
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(expected.describe(kind) + " file " + file + " does not exist; expected "
                    + expected.fileName() + " from the " + kind.source() + "." + fix, file, null);
        }
        String actual = mismatch(file, expected);
        if (actual != null) {
            throw new DatasetException("SHA-256 of " + expected.describe(kind) + " file " + file + " is " + actual
                    + "; expected " + expected.sha256()
                    + (expected.compressed() ? " (or " + expected.contentSha256() + " for its decompressed content)"
                    : "") + ". The file is corrupt, incomplete or a different version." + fix, file, null);
        }
    }

    /** Returns null when the file matches, else its SHA-256 for the message. */
    private static String mismatch(Path file, DatasetFile expected) {
        String actual = sha256(file);
        if (actual.equals(expected.sha256()) || actual.equals(expected.contentSha256())) {
            return null;
        }
        if (expected.compressed()) {
            try {
                if (contentSha256(file).equals(expected.contentSha256())) {
                    // Same IDX data, compressed by another tool or at another level: the data is what matters.
                    return null;
                }
            } catch (DatasetException corruptGzip) {
                // Reported below as a mismatch of the file's own sum, which is what the user can act on.
            }
        }
        return actual;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest specification).
            throw new IllegalStateException("the Java platform lacks SHA-256", e);
        }
    }
}
