package org.xbarlab.algorithms.data;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataDirectoryTest extends XbarlabTestBase {

    private final Path home = Path.of("/home/someone");

    @Test
    void defaultsToDotXbarlabDataInTheHomeDirectory() {
        assertEquals(Path.of("/home/someone/.xbarlab/data"), DataDirectory.resolve(name -> null, home));
        assertEquals(Path.of("/home/someone/.xbarlab/data"),
                DataDirectory.resolve(Map.of("XBARLAB_DATA_DIR", "  ")::get, home));
    }

    @Test
    void environmentVariableOverrides() {
        assertEquals(Path.of("/srv/data"), DataDirectory.resolve(Map.of("XBARLAB_DATA_DIR", "/srv/data/")::get,
                home));
        assertEquals(Path.of("/home/someone/datasets"),
                DataDirectory.resolve(Map.of("XBARLAB_DATA_DIR", "~/datasets")::get, home));
        Path relative = DataDirectory.resolve(Map.of("XBARLAB_DATA_DIR", "data")::get, home);
        assertTrue(relative.isAbsolute(), relative.toString());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), relative);
    }

    @Test
    void eachDataSetHasItsOwnFolder() {
        Path root = Path.of("/srv/data");
        assertEquals(Path.of("/srv/data/mnist"), DataDirectory.datasetDirectory(root, DatasetKind.MNIST));
        assertEquals(Path.of("/srv/data/fashion-mnist"),
                DataDirectory.datasetDirectory(root, DatasetKind.FASHION_MNIST));
        DatasetFile file = DatasetKind.FASHION_MNIST.file(Split.TEST, DatasetFile.Content.LABELS);
        assertEquals(Path.of("/srv/data/fashion-mnist/t10k-labels-idx1-ubyte.gz"),
                DataDirectory.filePath(root, DatasetKind.FASHION_MNIST, file));
    }

    @Test
    void theRealResolutionIsAbsolute() {
        assertTrue(DataDirectory.resolve().isAbsolute());
    }
}
