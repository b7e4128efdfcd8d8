package org.xbarlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.DatasetFetcher;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.algorithms.evaluation.SoftmaxClassifier;
import org.xbarlab.algorithms.evaluation.SoftmaxClassifierConfig;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.provenance.Provenance;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code xbarlab demo}: the built-in default experiment, runnable on a fresh clone with nothing written first. It
 * fetches the data set when absent, trains, and prints the test accuracy; it writes {@code result.json} with the
 * full resolved configuration and provenance.
 *
 * <p>What it trains grows with the project: today a softmax classifier on the pixels, trained in software through
 * the sim-core kernels, because the device and crossbar models (issues 3 and 4) are not in yet. It says so, and it
 * prints no energy or latency until a chip model computes them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the built-in default experiment: fetches MNIST if absent, trains, prints accuracy "
                + "(and energy and latency once the chip model exists), writes result.json.")
final class DemoCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "ID",
            description = "mnist, fashion-mnist or synthetic (default: ${DEFAULT-VALUE})")
    private String dataset;

    @Option(names = "--epochs", defaultValue = "3", paramLabel = "N",
            description = "training epochs, at least 1 (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Option(names = "--train-samples", paramLabel = "N",
            description = "use only the first N training samples (default: all)")
    private Integer trainSamples;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "root seed of every random stream (default: a fresh one, printed and recorded)")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads of the linear-algebra kernels (default: all processors)")
    private Integer threads;

    @Option(names = "--out", defaultValue = "xbarlab-results/demo", paramLabel = "DIR",
            description = "directory for result.json (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data directory (default: $XBARLAB_DATA_DIR, else ~/.xbarlab/data)")
    private Path dataDir;

    @Override
    public void run() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        DatasetKind kind = DatasetKind.fromId(dataset);
        SoftmaxClassifierConfig classifierConfig = SoftmaxClassifierConfig.defaults().withEpochs(epochs);
        if (trainSamples != null && trainSamples < 1) {
            throw new IllegalArgumentException("--train-samples must be at least 1, got " + trainSamples);
        }
        if (threads != null) {
            Kernels.setThreads(threads);
        }
        long rootSeed = seed != null ? seed : RngStreams.generateRootSeed();
        RngStreams streams = RngStreams.of(rootSeed);
        Path directory = DatasetsCommand.dataDirectory(dataDir);

        if (kind.fetchable() && !Datasets.isPresent(kind, directory)) {
            stderr.println("xbarlab: " + kind.displayName() + " is not in " + directory + "; fetching it ("
                    + kind.source() + ") ...");
            DatasetFetcher.defaults().fetch(kind, directory, TerminalProgress.forConsole(stderr));
        }
        Dataset train = Datasets.load(kind, Split.TRAIN, directory);
        if (trainSamples != null && trainSamples < train.sampleCount()) {
            train = train.take(trainSamples);
        }
        Dataset test = Datasets.load(kind, Split.TEST, directory);

        ObjectNode config = ConfigMapper.jsonMapper().createObjectNode();
        config.put("experiment", "demo/softmax-classifier");
        config.put("dataset", kind.id());
        config.put("trainSamples", train.sampleCount());
        config.put("testSamples", test.sampleCount());
        config.set("classifier", ConfigMapper.valueToTree(classifierConfig));
        config.put("kernelThreads", Kernels.threads());
        Provenance provenance = Provenance.capture(rootSeed, config, spec.commandLine().getParseResult() == null
                ? List.of() : spec.commandLine().getParseResult().originalArgs(), Kernels.backendDescription());

        stdout.printf(Locale.ROOT, "xbarlab demo: %s, %d training and %d test images, seed %d%n",
                kind.displayName(), train.sampleCount(), test.sampleCount(), rootSeed);
        stdout.println("  model: softmax classifier on the pixels, trained in software through the sim-core "
                + "kernels (" + Kernels.backendName() + ", " + Kernels.threads() + " thread(s))");
        long started = System.nanoTime();
        SoftmaxClassifier classifier = SoftmaxClassifier.train(train.copyOfImages(), train.copyOfLabels(),
                train.sampleCount(), train.featureCount(), train.classCount(), classifierConfig,
                streams.stream(StreamNames.ALGORITHMS_SHUFFLE), TerminalProgress.forConsole(stderr));
        double trainSeconds = (System.nanoTime() - started) * 1e-9;
        double trainAccuracy = classifier.accuracy(train.copyOfImages(), train.copyOfLabels(), train.sampleCount());
        double testAccuracy = classifier.accuracy(test.copyOfImages(), test.copyOfLabels(), test.sampleCount());

        stdout.printf(Locale.ROOT, "  test accuracy  %.2f %%  (train %.2f %%), %d epoch(s) in %.1f s wall time%n",
                100 * testAccuracy, 100 * trainAccuracy, epochs, trainSeconds);
        stdout.println("  energy, latency: not computed - no device or crossbar model is in this build yet; "
                + "the demo will train on a simulated chip and report them once those models exist.");

        ObjectNode result = ConfigMapper.jsonMapper().createObjectNode();
        result.put("status", "completed");
        ObjectNode metrics = result.putObject("metrics");
        metrics.put("testAccuracy", testAccuracy);
        metrics.put("trainAccuracy", trainAccuracy);
        metrics.put("trainWallSeconds", trainSeconds);
        metrics.putNull("energyJoules");
        metrics.putNull("latencySeconds");
        result.put("note", "energy and latency are null: no chip model in this build");
        result.set("provenance", ConfigMapper.valueToTree(provenance));
        Path resultFile = out.resolve("result.json");
        AtomicFiles.writeString(resultFile, ConfigMapper.writeJson(result));
        stdout.println("  result: " + resultFile.toAbsolutePath());
    }
}
