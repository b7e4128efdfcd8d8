package org.xbarlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xbarlab.core.config.ConfigMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xbarlab demo}: the built-in default experiment, runnable on a fresh clone with nothing written first. It
 * is an ordinary experiment file shipped in the jar ({@value #RESOURCE}, printed by {@code --show-config}), run
 * exactly as {@code xbarlab run} would run it: the data set is fetched when absent, the network trains on a
 * simulated chip, and the test accuracy is printed next to the chip's energy and latency per sample.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the built-in default experiment: unsupervised one-layer WTA training by backpropagation "
                + "on a simulated chip of NeuroSim's Ag:a-Si devices, on MNIST (fetched when absent). Prints the "
                + "test accuracy and the chip's energy and latency per sample; writes result.json.")
final class DemoCommand implements Runnable {

    /** The built-in experiment, a class-path resource of the cli module. */
    static final String RESOURCE = "demo.json";

    @Spec
    private CommandSpec spec;

    @Option(names = "--show-config", description = "print the built-in experiment file and exit")
    private boolean showConfig;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a value of the built-in experiment, as for xbarlab run (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: the file's)")
    private Integer epochs;

    @Option(names = "--train-samples", paramLabel = "N",
            description = "use the first N training images (default: the file's)")
    private Integer trainSamples;

    @Option(names = "--dataset", paramLabel = "ID", description = "mnist, fashion-mnist or synthetic "
            + "(default: the file's)")
    private String dataset;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "root seed of every random stream (default: a fresh one, printed and recorded)")
    private Long seed;

    @Option(names = "--out", defaultValue = "xbarlab-results/demo", paramLabel = "DIR",
            description = "directory for result.json (default: ${DEFAULT-VALUE})")
    private Path out;

    @Mixin
    private ExecutionOptions execution = new ExecutionOptions();

    @Override
    public void run() {
        String text = builtIn();
        if (showConfig) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        List<String> all = new ArrayList<>(overrides);
        if (epochs != null) {
            all.add("training.epochs=" + epochs);
        }
        if (trainSamples != null) {
            all.add("data.trainSamples=" + trainSamples);
        }
        if (dataset != null) {
            all.add("data.dataset=" + dataset);
        }
        if (seed != null) {
            all.add("seed=" + seed);
        }
        execution.applyThreads();
        ExperimentConfig config = ExperimentRunner.resolve(
                ConfigMapper.readTree(text, ConfigMapper.Format.JSON, RESOURCE), RESOURCE,
                ExperimentConfig.defaults(), all);
        ExperimentRunner.run(config, out, execution.dataDirectory(),
                spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The text of the built-in experiment. */
    static String builtIn() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in experiment " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in experiment: " + e.getMessage(), e);
        }
    }
}
