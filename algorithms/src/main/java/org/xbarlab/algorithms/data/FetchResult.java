package org.xbarlab.algorithms.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DatasetFetcher#fetch} did.
 *
 * <p>The constructor throws {@link IllegalArgumentException} if the count is outside {@code 0..files.size()}.
 *
 * @param kind the data set, never null
 * @param directory the data set's folder in the data directory, never null
 * @param files every file of the data set, now present and verified, in the order of {@link DatasetKind#files()};
 *     never null
 * @param downloadedFileCount how many of them were installed by this call (0 when all were already present)
 */
public record FetchResult(DatasetKind kind, Path directory, List<Path> files, int downloadedFileCount) {

    /** Validates the components and copies the list; the class comment lists the exceptions. */
    public FetchResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
        if (downloadedFileCount < 0 || downloadedFileCount > files.size()) {
            throw new IllegalArgumentException("downloadedFileCount must be in 0.." + files.size() + ", got "
                    + downloadedFileCount);
        }
    }

    /**
     * Tells whether every file was already present with the right sums, so nothing was downloaded.
     *
     * @return true if this call installed nothing
     */
    public boolean alreadyPresent() {
        return downloadedFileCount == 0;
    }
}
