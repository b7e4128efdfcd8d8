package org.xbarlab.algorithms.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.algorithms.conv.CnnConfig;
import org.xbarlab.algorithms.conv.CnnMode;
import org.xbarlab.algorithms.conv.PoolingConfig;
import org.xbarlab.algorithms.conv.PoolingKind;
import org.xbarlab.algorithms.experiment.CnnExperiment;
import org.xbarlab.algorithms.experiment.DataConfig;
import org.xbarlab.algorithms.experiment.EvaluationConfig;
import org.xbarlab.algorithms.experiment.ExperimentResult;
import org.xbarlab.algorithms.network.OptimizerKind;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.DigitalCrossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SVHN and CIFAR-10 as data set kinds: {@code DataConfig.load} reads small generated files from the data
 * directory's {@code svhn} and {@code cifar10} folders; a missing file is a {@link DatasetException} naming it, the
 * folder and the download URL; a CNN experiment runs on the colour images.
 */
class ColourDatasetsTest extends XbarlabTestBase {

    @TempDir
    Path dataDirectory;

    @Test
    void kindsDescribeColourDataTheUserDownloads() {
        for (DatasetKind kind : List.of(DatasetKind.SVHN, DatasetKind.CIFAR10)) {
            assertFalse(kind.fetchable(), kind.id());
            assertFalse(kind.generated(), kind.id());
            assertTrue(kind.downloadedByUser(), kind.id());
            assertEquals(3, kind.channels());
            assertEquals(3072, kind.featureCount());
            assertEquals(10, kind.classCount());
            assertTrue(kind.files().isEmpty());
            assertTrue(kind.howToObtain().contains(kind.downloadUrl()) && kind.howToObtain().contains("<data dir>/"
                    + kind.id()), kind.howToObtain());
            IllegalStateException e = assertThrows(IllegalStateException.class, kind::fetchCommand);
            assertTrue(e.getMessage().contains(kind.downloadUrl()), e.getMessage());
            assertEquals(kind, DatasetKind.fromId(kind.id().toUpperCase(java.util.Locale.ROOT)));
        }
        assertEquals(DatasetKind.SVHN, new DataConfig("svhn", 0, 0).kind());
        assertEquals(DatasetKind.CIFAR10, new DataConfig("cifar10", 0, 0).kind());
        assertEquals(List.of("train_32x32.mat"), DatasetKind.SVHN.userFiles(Split.TRAIN));
        assertEquals(5, DatasetKind.CIFAR10.userFiles(Split.TRAIN).size());
        assertTrue(DatasetKind.SYNTHETIC.generated() && !DatasetKind.SYNTHETIC.downloadedByUser());
        assertTrue(!DatasetKind.MNIST.generated() && DatasetKind.MNIST.howToObtain().equals(
                "xbarlab datasets fetch mnist"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DatasetKind.fromId("cifar100"));
        assertTrue(unknown.getMessage().contains("svhn, cifar10"), unknown.getMessage());
    }

    @Test
    void svhnLoadsFromItsFolderThroughDataConfig() throws IOException {
        Path folder = Files.createDirectories(dataDirectory.resolve("svhn"));
        assertFalse(Datasets.isPresent(DatasetKind.SVHN, dataDirectory));
        int[] trainLabels = {0, 3, 9, 5, 1};
        byte[] trainPixels = pixels(trainLabels.length * 3072, 1);
        MatFileFixtures.write(folder.resolve("train_32x32.mat"), trainPixels, trainLabels.length, 3, 32, 32,
                trainLabels, true, ByteOrder.LITTLE_ENDIAN, false);
        DatasetException missing = assertThrows(DatasetException.class,
                () -> new DataConfig("svhn", 0, 0).load(Split.TEST, dataDirectory));
        assertTrue(missing.getMessage().contains(folder.resolve("test_32x32.mat").toString())
                && missing.getMessage().contains(SvhnMatReader.DOWNLOAD_URL)
                && missing.getMessage().contains("cannot fetch"), missing.getMessage());
        assertEquals(folder.resolve("test_32x32.mat"), missing.file().orElseThrow());
        int[] testLabels = {7, 2};
        MatFileFixtures.write(folder.resolve("test_32x32.mat"), pixels(2 * 3072, 2), 2, 3, 32, 32, testLabels,
                false, ByteOrder.BIG_ENDIAN, true);
        assertTrue(Datasets.isPresent(DatasetKind.SVHN, dataDirectory));
        assertEquals(2, Datasets.verify(DatasetKind.SVHN, dataDirectory).size());

        Dataset train = new DataConfig("svhn", 4, 0).load(Split.TRAIN, dataDirectory);
        assertEquals(4, train.sampleCount());
        assertEquals(3, train.channels());
        assertEquals(32, train.rows());
        assertEquals(3072, train.featureCount());
        for (int n = 0; n < 4; n++) {
            assertEquals(trainLabels[n], train.label(n));
        }
        // Sample 2, blue plane (2), row 5, column 7, planar.
        int feature = 2 * 1024 + 5 * 32 + 7;
        assertEquals((trainPixels[2 * 3072 + feature] & 0xFF) / 255f, train.pixel(2, feature));
        Dataset test = new DataConfig("svhn", 0, 0, 20, null).load(Split.TEST, dataDirectory);
        assertEquals(3 * 20 * 20, test.featureCount());
        assertEquals(7, test.label(0));
    }

    @Test
    void cifarLoadsFromItsFolderOrTheArchiveSubfolderThroughDataConfig() throws IOException {
        Path archive = Files.createDirectories(dataDirectory.resolve("cifar10").resolve("cifar-10-batches-bin"));
        DatasetException missing = assertThrows(DatasetException.class,
                () -> new DataConfig("cifar10", 0, 0).load(Split.TRAIN, dataDirectory));
        assertTrue(missing.getMessage().contains(dataDirectory.resolve("cifar10").resolve("data_batch_1.bin")
                .toString()) && missing.getMessage().contains(Cifar10Reader.DOWNLOAD_URL), missing.getMessage());
        List<byte[]> batches = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            int records = f < 5 ? 3 : 4;
            byte[] bytes = pixels(records * Cifar10Reader.RECORD_BYTES, 10 + f);
            for (int r = 0; r < records; r++) {
                bytes[r * Cifar10Reader.RECORD_BYTES] = (byte) ((f + r) % 10);
            }
            batches.add(bytes);
            Files.write(archive.resolve(f < 5 ? Cifar10Reader.TRAIN_FILES.get(f) : Cifar10Reader.TEST_FILE), bytes);
        }
        assertTrue(Datasets.isPresent(DatasetKind.CIFAR10, dataDirectory));
        Dataset train = new DataConfig("cifar10", 0, 0).load(Split.TRAIN, dataDirectory);
        assertEquals("CIFAR-10/train", train.name());
        assertEquals(15, train.sampleCount());
        assertEquals(3, train.channels());
        // Batch 4 (index 3), record 1: sample 10.
        assertEquals((3 + 1) % 10, train.label(10));
        assertEquals((batches.get(3)[Cifar10Reader.RECORD_BYTES + 1 + 2000] & 0xFF) / 255f, train.pixel(10, 2000));
        Dataset test = new DataConfig("cifar10", 0, 2).load(Split.TEST, dataDirectory);
        assertEquals(2, test.sampleCount());

        // A batch cut inside a record is refused, naming the file.
        Files.write(archive.resolve(Cifar10Reader.TEST_FILE), java.util.Arrays.copyOf(batches.get(5), 3073 + 10));
        DatasetException truncated = assertThrows(DatasetException.class,
                () -> new DataConfig("cifar10", 0, 0).load(Split.TEST, dataDirectory));
        assertTrue(truncated.getMessage().contains("truncated")
                && truncated.getMessage().contains(Cifar10Reader.TEST_FILE), truncated.getMessage());
    }

    @Test
    void aConvolutionalExperimentRunsOnColourImages() throws IOException {
        Path folder = Files.createDirectories(dataDirectory.resolve("cifar10"));
        for (int f = 0; f < 6; f++) {
            int records = 8;
            byte[] bytes = pixels(records * Cifar10Reader.RECORD_BYTES, 30 + f);
            for (int r = 0; r < records; r++) {
                bytes[r * Cifar10Reader.RECORD_BYTES] = (byte) (r % 10);
            }
            Files.write(folder.resolve(f < 5 ? Cifar10Reader.TRAIN_FILES.get(f) : Cifar10Reader.TEST_FILE), bytes);
        }
        CnnConfig config = new CnnConfig(CnnMode.SUPERVISED, "4f3-8f3-10", PoolingConfig.seedPaper(PoolingKind.MAX),
                0.0, 0.0, OptimizerKind.ADAM, List.of(1e-3, 1e-3, 1e-3), 1, 8, 1.0, 1, 0.0, 1, 0.0, 0.0);
        ExperimentResult result = new CnnExperiment(config, new DataConfig("cifar10", 0, 0),
                EvaluationConfig.defaults()).run((layer, rows, columns) -> new DigitalCrossbar(rows, columns),
                RngStreams.of(TEST_SEED), dataDirectory, Progress.NONE, line -> { });
        assertTrue(result.completed());
        assertEquals(40, result.trainingSamples());
        assertNotNull(result.finalEvaluation().networkAccuracy());
    }

    private static byte[] pixels(int count, long seed) {
        byte[] bytes = new byte[count];
        new SplittableRandom(TEST_SEED + seed).nextBytes(bytes);
        return bytes;
    }
}
