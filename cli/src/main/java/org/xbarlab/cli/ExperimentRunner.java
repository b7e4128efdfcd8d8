package org.xbarlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.algorithms.data.DatasetFetcher;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.algorithms.conv.CnnConfig;
import org.xbarlab.algorithms.conv.CnnMode;
import org.xbarlab.algorithms.conv.ConvNetConfig;
import org.xbarlab.algorithms.conv.FeatureShape;
import org.xbarlab.algorithms.experiment.Checkpointing;
import org.xbarlab.algorithms.experiment.CnnExperiment;
import org.xbarlab.algorithms.experiment.Evaluation;
import org.xbarlab.algorithms.experiment.Experiment;
import org.xbarlab.algorithms.experiment.ExperimentResult;
import org.xbarlab.algorithms.experiment.HebbianExperiment;
import org.xbarlab.algorithms.experiment.MuscleExperiment;
import org.xbarlab.algorithms.experiment.SemiSupervisedExperiment;
import org.xbarlab.algorithms.experiment.SupervisedExperiment;
import org.xbarlab.algorithms.experiment.WtaExperiment;
import org.xbarlab.algorithms.hebbian.HebbianConfig;
import org.xbarlab.algorithms.muscle.MuscleConfig;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.supervised.SemiSupervisedConfig;
import org.xbarlab.algorithms.supervised.SupervisedConfig;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.CostSummary;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.provenance.Provenance;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.Chip;
import org.xbarlab.crossbar.DigitalCrossbar;

/**
 * Resolves an experiment file, runs it, prints its summary and writes {@code result.json}. Shared by
 * {@code xbarlab run} and {@code xbarlab demo}; the simulation itself is in the library modules.
 */
final class ExperimentRunner {

    private ExperimentRunner() {
    }

    /**
     * Reads an experiment file over the defaults and applies {@code --set} overrides.
     *
     * @param file the experiment file (JSON or YAML)
     * @param base the defaults the file is laid over
     * @param overrides {@code path=value} overrides
     * @return the resolved config
     */
    static ExperimentConfig resolve(Path file, ExperimentConfig base, List<String> overrides) {
        return resolve(ConfigMapper.readTree(file), file.toString(), base, overrides);
    }

    /**
     * Lays an experiment tree over the defaults and applies {@code --set} overrides.
     *
     * @param experiment the experiment as parsed, not modified
     * @param sourceName the name errors give as the source
     * @param base the defaults the experiment is laid over
     * @param overrides {@code path=value} overrides
     * @return the resolved config
     */
    static ExperimentConfig resolve(JsonNode experiment, String sourceName, ExperimentConfig base,
                                    List<String> overrides) {
        JsonNode tree = ConfigOverlay.overlay(ConfigMapper.valueToTree(base), experiment);
        // A file that gives a full device (a calibrated preset, say) replaces the defaults' named preset.
        JsonNode givenChip = experiment.path("chip");
        if (givenChip.path("device").isObject() && !givenChip.has("devicePreset")
                && tree.path("chip") instanceof ObjectNode chip) {
            chip.putNull("devicePreset");
        }
        // A section's preset is chosen before the section is expanded, so "--set hebbian.preset=…" (and a sweep
        // over presets) works like the key in the file.
        List<String> rest = new java.util.ArrayList<>();
        for (String override : overrides) {
            String section = presetSection(override);
            if (section != null && tree instanceof ObjectNode root) {
                JsonNode given = root.path(section);
                ObjectNode object = given instanceof ObjectNode existing ? existing : root.putObject(section);
                object.put("preset", override.substring(override.indexOf('=') + 1).trim());
            } else {
                rest.add(override);
            }
        }
        tree = expandMethod(tree, rest, sourceName);
        tree = ConfigMapper.applyOverrides(tree, rest);
        return ConfigMapper.treeToValue(tree, ExperimentConfig.class, sourceName);
    }

    /** The section an override {@code SECTION.preset=NAME} chooses a preset of, or null for another override. */
    private static String presetSection(String override) {
        for (ExperimentMethod method : SECTION_PRESETS.keySet()) {
            if (override.startsWith(method.section() + ".preset=")) {
                return method.section();
            }
        }
        return null;
    }

    /**
     * Checks that the network fits the data set (inputs = pixels after the crop; supervised outputs = classes ×
     * outputs per class) before anything runs, so a mismatch is a config error naming its path.
     */
    static void checkAgainstData(ExperimentConfig config) {
        var kind = config.data().kind();
        int crop = config.data().centerCrop();
        if (crop > Math.min(kind.rows(), kind.cols())) {
            throw new org.xbarlab.core.config.ConfigException("data.centerCrop", -1, "the experiment",
                    "must be at most " + Math.min(kind.rows(), kind.cols()) + " for " + kind.displayName()
                            + ", got " + crop);
        }
        int features = crop > 0 ? kind.channels() * crop * crop : kind.featureCount();
        String section = config.method().section();
        if (config.method() == ExperimentMethod.CNN) {
            ConvNetConfig network = cnnNetwork(config);
            if (config.cnn().mode() == CnnMode.SUPERVISED && network.outputs() != kind.classCount()) {
                throw new org.xbarlab.core.config.ConfigException("cnn.network", -1, "the experiment",
                        "must end with the " + kind.classCount() + " classes of " + kind.displayName()
                                + " in supervised mode, got " + network.outputs() + " outputs ("
                                + config.cnn().network() + ")");
            }
            return;
        }
        List<Integer> sizes = layerSizes(config);
        if (sizes.get(0) != features) {
            throw new org.xbarlab.core.config.ConfigException(section + ".layerSizes[0]", -1, "the experiment",
                    "must equal the " + features + " inputs of " + kind.displayName()
                            + (crop > 0 ? " cropped to " + crop + "×" + crop + " (data.centerCrop)"
                            : " (data.centerCrop = 0: no crop)") + ", got " + sizes.get(0));
        }
        if (config.method() != ExperimentMethod.WTA && config.method() != ExperimentMethod.HEBBIAN) {
            int perClass = config.method() == ExperimentMethod.SUPERVISED ? config.supervised().outputsPerClass() : 1;
            int outputs = sizes.get(sizes.size() - 1);
            if (outputs != kind.classCount() * perClass) {
                throw new org.xbarlab.core.config.ConfigException(section + ".layerSizes[" + (sizes.size() - 1)
                        + "]", -1, "the experiment", "must be the " + kind.classCount() + " classes of "
                        + kind.displayName() + " × outputsPerClass " + perClass + " = " + kind.classCount()
                        * perClass + ", got " + outputs);
            }
        }
    }

    /**
     * Bytes of arrays per weight on a chip: two devices of a balanced pair at 32 bytes each (6 floats of parameters
     * and 2 of state, more with drift, retention, faults or write noise) and 36 bytes of tile caches and pulse-counter
     * work arrays (docs/performance.md, Memory).
     */
    static final long CHIP_BYTES_PER_WEIGHT = 2 * 32 + 36;

    /** Bytes per weight with exact software weights: the weights, their gradient and a transposed or staged copy. */
    static final long EXACT_BYTES_PER_WEIGHT = 12;

    /**
     * A lower bound of the memory an experiment's arrays need: the images of both splits, the network's weights
     * (with their devices on a chip) and the features the evaluation keeps for every sample. The JVM needs more
     * (garbage-collector headroom: about 120 bytes per device were measured, docs/performance.md).
     *
     * @param config the resolved experiment
     * @return the estimate in bytes
     */
    /** The CNN of an experiment, laid over its data set's shape; a network that does not fit is a config error. */
    static ConvNetConfig cnnNetwork(ExperimentConfig config) {
        var kind = config.data().kind();
        int crop = config.data().centerCrop();
        FeatureShape shape = new FeatureShape(kind.channels(), crop > 0 ? crop : kind.rows(),
                crop > 0 ? crop : kind.cols());
        try {
            return config.cnn().network(shape);
        } catch (IllegalArgumentException e) {
            throw new org.xbarlab.core.config.ConfigException("cnn.network", -1, "the experiment",
                    "\"" + config.cnn().network() + "\" does not fit " + kind.displayName() + " (" + shape + "): "
                            + e.getMessage());
        }
    }

    static long estimatedBytes(ExperimentConfig config) {
        var data = config.data();
        var kind = data.kind();
        long train = data.trainSamples() > 0 ? Math.min(data.trainSamples(),
                kind.sampleCount(org.xbarlab.algorithms.data.Split.TRAIN))
                : kind.sampleCount(org.xbarlab.algorithms.data.Split.TRAIN);
        long test = data.testSamples() > 0 ? Math.min(data.testSamples(),
                kind.sampleCount(org.xbarlab.algorithms.data.Split.TEST))
                : kind.sampleCount(org.xbarlab.algorithms.data.Split.TEST);
        long weights = 0;
        long units = 0;
        if (config.method() == ExperimentMethod.CNN) {
            ConvNetConfig network = cnnNetwork(config);
            List<FeatureShape> shapes = network.convolutionShapes();
            int channels = network.inputChannels();
            for (int l = 0; l < network.convolutions().size(); l++) {
                var convolution = network.convolutions().get(l);
                weights += (long) convolution.filters() * convolution.kernel() * convolution.kernel() * channels;
                channels = convolution.filters();
            }
            long previous = network.flattenedSize();
            units = previous;
            for (int width : network.denseSizes()) {
                weights += previous * width;
                units += width;
                previous = width;
            }
        } else {
            List<Integer> sizes = layerSizes(config);
            for (int l = 0; l + 1 < sizes.size(); l++) {
                weights += (long) sizes.get(l) * sizes.get(l + 1);
                units += sizes.get(l + 1);
            }
        }
        long perWeight = config.chip() == null ? EXACT_BYTES_PER_WEIGHT : CHIP_BYTES_PER_WEIGHT;
        long images = (train + test) * (long) kind.featureCount() * 4;
        long features = (train + test) * units * 4;
        return images + weights * perWeight + features;
    }

    private static List<Integer> layerSizes(ExperimentConfig config) {
        return switch (config.method()) {
            case WTA -> config.training().layerSizes();
            case SUPERVISED -> config.supervised().layerSizes();
            case SEMI_SUPERVISED -> config.semiSupervised().layerSizes();
            case HEBBIAN -> config.hebbian().layerSizes();
            case MUSCLE -> config.muscle().layerSizes();
            case CNN -> throw new IllegalStateException("a CNN has no layer sizes: see cnnNetwork");
        };
    }

    /**
     * Refuses, before anything is built, an experiment whose arrays alone would not fit in the memory this JVM may
     * use, naming the estimate and what to change.
     *
     * @param config the resolved experiment
     * @param availableBytes the memory the JVM may use ({@code Runtime.maxMemory()})
     * @throws org.xbarlab.core.config.ConfigException if the estimate exceeds {@code availableBytes}
     */
    static void checkMemory(ExperimentConfig config, long availableBytes) {
        long needed = estimatedBytes(config);
        if (needed > availableBytes) {
            throw new org.xbarlab.core.config.ConfigException(config.method().section() + ".layerSizes", -1,
                    "the experiment",
                    String.format(Locale.ROOT, "%s with %s needs at least %.1f GB of memory (images, weights%s "
                                    + "and the evaluation's features), more than the %.1f GB this Java process "
                                    + "may use; use fewer or narrower layers, fewer samples (data.trainSamples), "
                                    + "or give Java more memory (JAVA_OPTS=-Xmx…G)",
                            config.method() == ExperimentMethod.CNN ? config.cnn().network() : layerSizes(config),
                            config.chip() == null ? "exact weights" : "a chip",
                            needed / 1e9, config.chip() == null ? "" : " with their devices",
                            availableBytes / 1e9));
        }
    }

    /** One line on what the experiment trains. */
    private static String describe(ExperimentConfig config) {
        String data = config.data().kind().displayName();
        return switch (config.method()) {
            case WTA -> String.format(Locale.ROOT,
                    "unsupervised (self-defined target) network %s trained by %s on %s, %d epoch(s), batch %d",
                    config.training().layerSizes(), words(config.training().rule()), data, config.training().epochs(),
                    config.training().batchSize());
            case SUPERVISED -> String.format(Locale.ROOT,
                    "supervised network %s trained by %s on %s, %d epoch(s), batch %d",
                    config.supervised().layerSizes(), words(config.supervised().rule()), data,
                    config.supervised().epochs(), config.supervised().batchSize());
            case SEMI_SUPERVISED -> String.format(Locale.ROOT,
                    "semi-supervised network %s trained by %s on %s with %d labels: %d pre-training "
                            + "and %d alternating epoch(s)", config.semiSupervised().layerSizes(),
                    words(config.semiSupervised().rule()), data,
                    config.semiSupervised().labeledSamples(), config.semiSupervised().preEpochs(),
                    config.semiSupervised().epochs());
            case HEBBIAN -> String.format(Locale.ROOT, "Hebbian network %s trained by the %s rule on %s, %d "
                            + "epoch(s), batch %d", config.hebbian().layerSizes(), words(config.hebbian().rule()),
                    data, config.hebbian().epochs(), config.hebbian().batchSize());
            case MUSCLE -> String.format(Locale.ROOT, "MUSCLE network %s (mutual information of two views%s) on %s "
                            + "with %d labels, %d epoch(s), batch %d", config.muscle().layerSizes(),
                    config.muscle().wtaWeight() > 0 ? " and the self-defined target" : "", data,
                    config.muscle().labeledSamples(), config.muscle().epochs(), config.muscle().batchSize());
            case CNN -> String.format(Locale.ROOT, "convolutional network %s trained %s on %s, %d epoch(s), batch %d",
                    config.cnn().network(), config.cnn().mode() == CnnMode.WTA ? "by the self-defined target "
                            + "(backpropagation)" : "supervised (cross-entropy)", data, config.cnn().epochs(),
                    config.cnn().batchSize());
        };
    }

    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Presets of the {@code supervised} section, chosen by its {@code preset} key. */
    static final java.util.Map<String, java.util.function.Supplier<SupervisedConfig>> SUPERVISED_PRESETS =
            java.util.Map.of("backpropagation-baseline", SupervisedConfig::backpropagationBaseline,
                    "equilibrium-baseline", SupervisedConfig::equilibriumBaseline,
                    "neurosim-mlp", SupervisedConfig::neurosimMlp);

    /** Presets of the {@code semiSupervised} section, chosen by its {@code preset} key. */
    static final java.util.Map<String, java.util.function.Supplier<SemiSupervisedConfig>> SEMI_SUPERVISED_PRESETS =
            semiSupervisedPresets();

    private static java.util.Map<String, java.util.function.Supplier<SemiSupervisedConfig>> semiSupervisedPresets() {
        java.util.Map<String, java.util.function.Supplier<SemiSupervisedConfig>> presets = new java.util.HashMap<>();
        for (int labels : new int[] {100, 300, 600, 1000, 3000}) {
            presets.put("backpropagation-" + labels, () -> SemiSupervisedConfig.backpropagation(labels));
            presets.put("equilibrium-" + labels, () -> SemiSupervisedConfig.equilibrium(labels));
        }
        return java.util.Map.copyOf(presets);
    }

    /** Presets of the {@code hebbian} section, chosen by its {@code preset} key. */
    static final java.util.Map<String, java.util.function.Supplier<HebbianConfig>> HEBBIAN_PRESETS =
            java.util.Map.of("soft-wta", HebbianConfig::softWinnerTakeAll, "sanger-pca", HebbianConfig::sangerPca,
                    "krotov-hopfield", HebbianConfig::krotovHopfield,
                    "krotov-hopfield-mnist", HebbianConfig::krotovHopfieldMnist);

    /** Presets of the {@code muscle} section, chosen by its {@code preset} key. */
    static final java.util.Map<String, java.util.function.Supplier<MuscleConfig>> MUSCLE_PRESETS = musclePresets();

    private static java.util.Map<String, java.util.function.Supplier<MuscleConfig>> musclePresets() {
        java.util.Map<String, java.util.function.Supplier<MuscleConfig>> presets = new java.util.HashMap<>();
        for (int labels : new int[] {100, 600, 3000}) {
            presets.put("muscle-" + labels, () -> MuscleConfig.defaults(labels));
            presets.put("muscle-wta-" + labels, () -> MuscleConfig.withWtaTarget(labels));
        }
        return java.util.Map.copyOf(presets);
    }

    /** Presets of the {@code cnn} section, chosen by its {@code preset} key. */
    static final java.util.Map<String, java.util.function.Supplier<CnnConfig>> CNN_PRESETS =
            java.util.Map.of("seed-paper-mnist", CnnConfig::seedPaperMnist,
                    "seed-paper-fashion-mnist", CnnConfig::seedPaperFashionMnist,
                    "seed-paper-svhn", CnnConfig::seedPaperSvhn,
                    "supervised-baseline", CnnConfig::supervisedBaseline);

    /**
     * A method section's presets, chosen by its {@code preset} key, and the preset used when the section names none.
     *
     * @param presets the presets by name
     * @param defaultPreset the default preset's name
     */
    record SectionPresets(java.util.Map<String, ? extends java.util.function.Supplier<?>> presets,
                          String defaultPreset) {
    }

    /** The methods whose section is laid over a preset (the unsupervised {@code training} section is not). */
    static final java.util.Map<ExperimentMethod, SectionPresets> SECTION_PRESETS = new java.util.EnumMap<>(
            java.util.Map.of(
                    ExperimentMethod.SUPERVISED, new SectionPresets(SUPERVISED_PRESETS, "backpropagation-baseline"),
                    ExperimentMethod.SEMI_SUPERVISED, new SectionPresets(SEMI_SUPERVISED_PRESETS,
                            "backpropagation-600"),
                    ExperimentMethod.HEBBIAN, new SectionPresets(HEBBIAN_PRESETS, "soft-wta"),
                    ExperimentMethod.MUSCLE, new SectionPresets(MUSCLE_PRESETS, "muscle-600"),
                    ExperimentMethod.CNN, new SectionPresets(CNN_PRESETS, "seed-paper-mnist")));

    /**
     * Fills the section of the experiment's method from its preset: a supervised (semi-supervised) experiment lays
     * its {@code supervised} ({@code semiSupervised}) section over the preset it names ({@code
     * backpropagation-baseline} and {@code backpropagation-600} when it names none) and drops the unsupervised
     * {@code training} defaults. The method may come from a {@code method=} override.
     */
    private static JsonNode expandMethod(JsonNode tree, List<String> overrides, String sourceName) {
        JsonNode given = tree.path("method");
        String method = given.isMissingNode() ? "wta" : given.isTextual() ? given.asText() : null;
        for (String override : overrides) {
            if (override.startsWith("method=")) {
                method = override.substring("method=".length()).trim();
            }
        }
        ExperimentMethod chosen = null;
        List<String> names = new java.util.ArrayList<>();
        for (ExperimentMethod candidate : ExperimentMethod.values()) {
            String name = ConfigMapper.valueToTree(candidate).asText();
            names.add(name);
            if (name.equals(method)) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new org.xbarlab.core.config.ConfigException("method", -1, sourceName,
                    "must be one of " + String.join(", ", names) + ", got " + (method == null ? given : "\"" + method
                            + "\""));
        }
        SectionPresets presets = SECTION_PRESETS.get(chosen);
        if (!(tree instanceof ObjectNode root) || presets == null) {
            return tree;
        }
        return expandSection(root, chosen.section(), presets.presets(), presets.defaultPreset(), sourceName);
    }

    private static JsonNode expandSection(ObjectNode root, String key,
                                          java.util.Map<String, ? extends java.util.function.Supplier<?>> presets,
                                          String defaultPreset, String sourceName) {
        JsonNode given = root.path(key);
        String preset = defaultPreset;
        ObjectNode section = ConfigMapper.jsonMapper().createObjectNode();
        if (given instanceof ObjectNode object) {
            section = object.deepCopy();
            JsonNode name = section.remove("preset");
            if (name != null) {
                preset = name.asText();
            }
        }
        var supplier = presets.get(preset);
        if (supplier == null) {
            throw new org.xbarlab.core.config.ConfigException(key + ".preset", -1, sourceName, "must be one of "
                    + new java.util.TreeSet<>(presets.keySet()) + ", got \"" + preset + "\"");
        }
        ObjectNode copy = root.deepCopy();
        copy.set(key, ConfigOverlay.overlay(ConfigMapper.valueToTree(supplier.get()), section));
        copy.remove("training");
        return copy;
    }

    /**
     * Runs an experiment and writes {@code out/result.json}.
     *
     * @param config the resolved experiment
     * @param out the output directory
     * @param dataDirectory the data directory
     * @param commandLine the command-line arguments, for the provenance
     * @param stdout where the summary goes
     * @param stderr where progress goes
     * @return the result file
     */
    static Path run(ExperimentConfig config, Path out, Path dataDirectory, List<String> commandLine,
                    PrintWriter stdout, PrintWriter stderr) {
        return run(config, out, dataDirectory, commandLine, stdout, stderr, TerminalProgress.forConsole(stderr));
    }

    /**
     * Runs an experiment and writes {@code out/result.json}, reporting the epochs' progress to {@code progress}
     * (a sweep passes {@link org.xbarlab.core.progress.Progress#NONE} so parallel runs draw no bars).
     *
     * @param config the resolved experiment
     * @param out the output directory
     * @param dataDirectory the data directory
     * @param commandLine the command-line arguments, for the provenance
     * @param stdout where the summary goes
     * @param stderr where messages go
     * @param progress receives the progress of every epoch
     * @return the result file
     */
    static Path run(ExperimentConfig config, Path out, Path dataDirectory, List<String> commandLine,
                    PrintWriter stdout, PrintWriter stderr, org.xbarlab.core.progress.Progress progress) {
        return run(config, out, dataDirectory, commandLine, stdout, stderr, progress, CheckpointOptions.NONE);
    }

    /**
     * Runs an experiment and writes {@code out/result.json}, checkpointing as {@code checkpoints} says. With
     * checkpoints on, a SIGINT or SIGTERM (Ctrl-C, {@code kill}) stops the run after its current mini-batch with a
     * checkpoint and a partial result marked {@code interrupted} ({@link RunInterruptedException}); a completed run
     * removes its checkpoint.
     *
     * @param config the resolved experiment
     * @param out the output directory
     * @param dataDirectory the data directory
     * @param commandLine the command-line arguments, for the provenance
     * @param stdout where the summary goes
     * @param stderr where messages go
     * @param progress receives the progress of every epoch
     * @param checkpoints when to checkpoint and whether to resume
     * @return the result file
     */
    static Path run(ExperimentConfig config, Path out, Path dataDirectory, List<String> commandLine,
                    PrintWriter stdout, PrintWriter stderr, org.xbarlab.core.progress.Progress progress,
                    CheckpointOptions checkpoints) {
        long rootSeed = config.seed() != null ? config.seed() : RngStreams.generateRootSeed();
        ExperimentConfig resolved = config.withSeedAndChip(rootSeed,
                config.chip() == null ? null : config.chip().resolved());
        checkAgainstData(resolved);
        checkMemory(resolved, Runtime.getRuntime().maxMemory());
        RngStreams streams = RngStreams.of(rootSeed);
        if (resolved.data().kind().fetchable() && !Datasets.isPresent(resolved.data().kind(), dataDirectory)) {
            stderr.println("xbarlab: " + resolved.data().kind().displayName() + " is not in " + dataDirectory
                    + "; fetching it (" + resolved.data().kind().source() + ") ...");
            DatasetFetcher.defaults().fetch(resolved.data().kind(), dataDirectory,
                    TerminalProgress.forConsole(stderr));
        }
        CostLedger ledger;
        CrossbarFactory factory;
        Chip chip = null;
        if (resolved.chip() != null) {
            chip = new Chip(resolved.chip(), streams);
            Chip built = chip;
            factory = built::crossbar;
            ledger = chip.ledger();
        } else {
            factory = (layer, rows, columns) -> new DigitalCrossbar(rows, columns);
            ledger = new CostLedger();
        }
        stdout.printf(Locale.ROOT, "xbarlab run: %s, seed %d%n", resolved.name(), rootSeed);
        stdout.println("  " + describe(resolved));
        stdout.println("  chip: " + (chip == null ? "none (exact software weights)"
                : resolved.chip().resolvedDevice().name() + " devices, " + resolved.chip().tile().tileRows() + "x"
                + resolved.chip().tile().tileColumns() + " tiles, updates by "
                + resolved.chip().tile().updateMethod().name().toLowerCase(Locale.ROOT)));
        stdout.flush();

        JsonNode resolvedTree = ConfigMapper.valueToTree(resolved);
        Provenance provenance = Provenance.capture(rootSeed, resolvedTree, commandLine,
                Kernels.backendDescription());
        long started = System.nanoTime();
        java.util.function.Consumer<String> log = line -> {
            stdout.println(line);
            stdout.flush();
        };
        Checkpointing checkpointing = checkpoints.enabled()
                ? Checkpointing.to(checkpoints.file(), checkpoints.intervalSeconds(), checkpoints.intervalBatches(),
                        ConfigMapper.writeJson(resolvedTree), ledger, checkpoints.resume())
                : Checkpointing.none();
        // A signal asks the training loop to checkpoint and stop; the hook waits until the partial result is out.
        java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            checkpointing.requestStop();
            try {
                written.await(SIGNAL_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "xbarlab-checkpoint-on-signal");
        if (checkpointing.enabled()) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            return runAndWrite(resolved, out, dataDirectory, stdout, stderr, progress, chip, ledger, factory, streams,
                    provenance, started, log, checkpointing);
        } finally {
            written.countDown();
            if (checkpointing.enabled()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The JVM is shutting down: the hook has run or is running.
                }
            }
        }
    }

    /** Seconds a SIGINT/SIGTERM waits for the checkpoint and the partial result before the JVM exits anyway. */
    static final int SIGNAL_GRACE_SECONDS = 120;

    private static Path runAndWrite(ExperimentConfig resolved, Path out, Path dataDirectory, PrintWriter stdout,
                                    PrintWriter stderr,
                                    org.xbarlab.core.progress.Progress progress, Chip chip, CostLedger ledger,
                                    CrossbarFactory factory, RngStreams streams, Provenance provenance,
                                    long started, java.util.function.Consumer<String> log,
                                    Checkpointing checkpointing) {
        Experiment experiment = switch (resolved.method()) {
            case WTA -> new WtaExperiment(resolved.training(), resolved.data(), resolved.evaluation());
            case SUPERVISED -> new SupervisedExperiment(resolved.supervised(), resolved.data(), resolved.evaluation());
            case SEMI_SUPERVISED -> new SemiSupervisedExperiment(resolved.semiSupervised(), resolved.data(),
                    resolved.evaluation());
            case HEBBIAN -> new HebbianExperiment(resolved.hebbian(), resolved.data(), resolved.evaluation());
            case MUSCLE -> new MuscleExperiment(resolved.muscle(), resolved.data(), resolved.evaluation());
            case CNN -> new CnnExperiment(resolved.cnn(), resolved.data(), resolved.evaluation());
        };
        ExperimentResult result = experiment.run(factory, streams, dataDirectory, progress, log, checkpointing);
        double wallSeconds = (System.nanoTime() - started) * 1e-9;

        ObjectNode json = ConfigMapper.jsonMapper().createObjectNode();
        json.put("schemaVersion", 1);
        json.put("status", result.failure() != null ? "failed" : result.completed() ? "completed" : "interrupted");
        if (result.failure() != null) {
            json.put("failure", result.failure());
        }
        ObjectNode metrics = json.putObject("metrics");
        Evaluation last = result.finalEvaluation();
        putNullable(metrics, "testAccuracyDirectAssociation", last == null ? null : last.directAssociationAccuracy());
        putNullable(metrics, "testAccuracyDirectAssociationMaxRule",
                last == null ? null : last.directAssociationMaxRuleAccuracy());
        putNullable(metrics, "testAccuracyLinearClassifier", last == null ? null : last.linearClassifierAccuracy());
        putNullable(metrics, "testAccuracy", last == null ? null : last.networkAccuracy());
        metrics.put("trainingSamples", result.trainingSamples());
        metrics.put("inferenceSamples", result.inferenceSamples());
        metrics.put("wallSeconds", wallSeconds);
        metrics.set("epochs", ConfigMapper.valueToTree(result.epochs()));
        metrics.set("evaluations", ConfigMapper.valueToTree(result.evaluations()));
        ObjectNode cost = json.putObject("cost");
        long samples = Math.max(1, result.trainingSamples() + result.inferenceSamples());
        CostSummary summary = ledger.summarize(samples);
        cost.set("summary", ConfigMapper.valueToTree(summary));
        putPhase(cost, "training", ledger, Phase.TRAINING, result.trainingSamples());
        putPhase(cost, "inference", ledger, Phase.INFERENCE, result.inferenceSamples());
        putPhase(cost, "programming", ledger, Phase.PROGRAMMING, 0);
        if (chip != null) {
            cost.put("deviceCount", chip.deviceCount());
        }
        cost.put("note", chip == null ? "no chip: exact software weights, nothing charged"
                : "per-sample figures divide each phase by its own samples; the linear classifier is digital "
                + "and not charged");
        if (chip != null) {
            // Every device's conductance at the end of the run (after training and any drift evaluations).
            ObjectNode devices = json.putObject("devices");
            devices.put("count", chip.deviceCount());
            devices.set("conductanceHistogram", ConfigMapper.valueToTree(chip.conductanceHistogram(64)));
        }
        json.set("provenance", ConfigMapper.valueToTree(provenance));
        Path file = out.resolve("result.json");
        AtomicFiles.writeString(file, ConfigMapper.writeJson(json));

        if (chip != null) {
            stdout.printf(Locale.ROOT, "  chip cost: training %s and %s per sample; inference %s and %s per sample"
                            + " (%,d devices)%n",
                    Units.energy(perSample(ledger.energyJoules(Phase.TRAINING), result.trainingSamples())),
                    Units.time(perSample(ledger.latencySeconds(Phase.TRAINING), result.trainingSamples())),
                    Units.energy(perSample(ledger.energyJoules(Phase.INFERENCE), result.inferenceSamples())),
                    Units.time(perSample(ledger.latencySeconds(Phase.INFERENCE), result.inferenceSamples())),
                    chip.deviceCount());
        }
        stdout.printf(Locale.ROOT, "  wall time %.1f s; result: %s%n", wallSeconds, file.toAbsolutePath());
        if (result.failure() != null) {
            throw new org.xbarlab.core.NumericalFailureException(result.failure() + " (what was measured before it is "
                    + "in " + file.toAbsolutePath() + ", marked failed)");
        }
        if (!result.completed()) {
            // Printed here: after a signal the JVM exits as soon as this run returns, before any handler prints.
            RunInterruptedException interrupted = new RunInterruptedException("the checkpoint is " + checkpointing.file().toAbsolutePath()
                    + " and what was measured so far is in " + file.toAbsolutePath() + ", marked interrupted; "
                    + "continue with: xbarlab run --resume --out " + out);
            stderr.println("xbarlab: interrupted: " + interrupted.getMessage());
            stderr.flush();
            throw interrupted;
        }
        if (checkpointing.enabled()) {
            try {
                java.nio.file.Files.deleteIfExists(checkpointing.file());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the run completed, but its checkpoint "
                        + checkpointing.file() + " cannot be removed: " + e.getMessage(), e);
            }
        }
        return file;
    }

    private static double perSample(double total, long samples) {
        return samples > 0 ? total / samples : 0;
    }

    private static void putPhase(ObjectNode cost, String name, CostLedger ledger, Phase phase, long samples) {
        ObjectNode node = cost.putObject(name);
        node.put("energyJoules", ledger.energyJoules(phase));
        node.put("latencySeconds", ledger.latencySeconds(phase));
        node.put("samples", samples);
        if (samples > 0) {
            node.put("energyPerSampleJoules", ledger.energyJoules(phase) / samples);
            node.put("latencyPerSampleSeconds", ledger.latencySeconds(phase) / samples);
        }
    }

    private static void putNullable(ObjectNode node, String key, Double value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }
}
