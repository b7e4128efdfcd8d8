package org.xbarlab.algorithms.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.xbarlab.algorithms.data.DataDirectory;
import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed paper's linear classifier with its BP setting ({@link LinearClassifierConfig#defaults()}: identity,
 * Adam lr 0.1 × 0.9^epoch, 50 epochs, dropout 0.2, batch 256) trained on the raw MNIST pixels with all 60 000
 * labels: multinomial logistic regression, whose usual MNIST test accuracy is about 92 %. Skipped when MNIST is not
 * in the data directory. Slow (tens of seconds): run with
 * {@code mvn -B -q -o -pl algorithms test -Pslow -Dtest=LinearClassifierMnistTest}. The accuracy and time go to
 * {@code algorithms/target/evaluation-reports/linear-classifier-mnist.txt}, a JUnit report entry and the assertion
 * message.
 */
@Tag("slow")
class LinearClassifierMnistTest extends XbarlabTestBase {

    /** Where the measured figures are written (relative to the module, as Surefire runs there). */
    private static final Path REPORT = Path.of("target", "evaluation-reports", "linear-classifier-mnist.txt");

    @Test
    void paperSettingOnRawPixelsBeatsNinetyPercent(TestReporter reporter) throws IOException {
        Path directory = DataDirectory.resolve();
        assumeTrue(Datasets.isPresent(DatasetKind.MNIST, directory), "MNIST is not in " + directory);
        Dataset train = Datasets.load(DatasetKind.MNIST, Split.TRAIN, directory);
        Dataset test = Datasets.load(DatasetKind.MNIST, Split.TEST, directory);
        LabeledFeatures trainFeatures = LabeledFeatures.of(train.copyOfImages(), train.copyOfLabels(),
                train.sampleCount(), train.featureCount());
        LabeledFeatures testFeatures = LabeledFeatures.of(test.copyOfImages(), test.copyOfLabels(),
                test.sampleCount(), test.featureCount());
        RngStreams streams = RngStreams.of(TEST_SEED);

        long start = System.nanoTime();
        LinearClassifierResult result = LinearClassifier.train(trainFeatures, testFeatures, 10,
                LinearClassifierConfig.defaults(), streams.stream(StreamNames.ALGORITHMS_SHUFFLE, 0),
                streams.stream(StreamNames.ALGORITHMS_SHUFFLE, 1), Progress.NONE);
        double seconds = (System.nanoTime() - start) * 1e-9;

        String summary = String.format(Locale.ROOT,
                "MNIST raw pixels, linear classifier (paper BP setting, %d epochs): test accuracy %.2f %%,"
                        + " train loss %.4f, %.1f s wall time on %s; accuracy per epoch %s",
                result.epochs(), 100 * result.finalTestAccuracy(),
                result.trainLossPerEpoch().get(result.epochs() - 1), seconds, Kernels.backendDescription(),
                result.testAccuracyPerEpoch());
        reporter.publishEntry("summary", summary);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, summary + System.lineSeparator());
        assertTrue(result.finalTestAccuracy() > 0.90, summary);
    }
}
