package org.xbarlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.algorithms.experiment.Checkpointing;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xbarlab run CONFIG}: one experiment from a file, checkpointed and resumable. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs an experiment file (JSON or YAML; it gives only what differs from the defaults, see "
                + "docs/examples/) and writes DIR/result.json with the metrics, the chip's energy and latency by "
                + "component and phase, the resolved config and the provenance.",
            "While it trains it writes DIR/" + CheckpointOptions.FILE_NAME + " between mini-batches (every "
                + "--checkpoint-every, and when stopped by Ctrl-C or kill); 'xbarlab run --resume --out DIR' "
                + "continues from it and ends with the same numbers, bit for bit, as a run never interrupted."})
final class RunCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "the experiment file (optional with --resume: the checkpoint records its config)")
    private Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a config value, for example --set training.epochs=2 (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "SEED", description = "root seed (overrides the file's)")
    private Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xbarlab-results/run",
            description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--checkpoint-every", paramLabel = "TIME", defaultValue = "10m",
            description = "wall time between checkpoints, such as 90s, 10m or 2h; 0 for none by time "
                    + "(default: ${DEFAULT-VALUE}); a checkpoint is also written when the run is interrupted")
    private String checkpointEvery;

    @Option(names = "--checkpoint-every-batches", paramLabel = "N", defaultValue = "0",
            description = "also checkpoint every N mini-batches (default: ${DEFAULT-VALUE}, off)")
    private long checkpointEveryBatches;

    @Option(names = "--resume",
            description = "continue the run whose checkpoint is in DIR (without CONFIG: with the config the "
                    + "checkpoint records; with CONFIG: which must resolve to that config)")
    private boolean resume;

    @Mixin
    private ExecutionOptions execution = new ExecutionOptions();

    @Override
    public void run() {
        double intervalSeconds = durationSeconds("--checkpoint-every", checkpointEvery);
        if (checkpointEveryBatches < 0) {
            throw new IllegalArgumentException("--checkpoint-every-batches must be 0 (off) or positive, got "
                    + checkpointEveryBatches);
        }
        Path checkpoint = out.resolve(CheckpointOptions.FILE_NAME);
        var err = spec.commandLine().getErr();
        ExperimentConfig resolved;
        boolean resuming = resume && Files.exists(checkpoint);
        if (resuming) {
            resolved = recorded(checkpoint);
            if (config != null) {
                checkSameRun(resolved, checkpoint);
            }
            err.println("xbarlab run: resuming from " + checkpoint);
        } else {
            if (config == null) {
                throw new IllegalArgumentException(resume ? "--resume: " + out + " holds no checkpoint ("
                        + CheckpointOptions.FILE_NAME + "); give CONFIG to start the run"
                        : "CONFIG is required (the experiment file), unless --resume continues a checkpoint");
            }
            if (resume) {
                err.println("xbarlab run: no checkpoint in " + out + "; starting from the beginning");
            } else if (Files.exists(checkpoint)) {
                err.println("xbarlab run: " + checkpoint + " of an earlier run will be replaced (--resume continues "
                        + "it instead)");
            }
            resolved = ExperimentRunner.resolve(config, ExperimentConfig.defaults(), withSeed());
        }
        execution.applyThreads();
        CheckpointOptions checkpoints = new CheckpointOptions(checkpoint, intervalSeconds, checkpointEveryBatches,
                resuming);
        ExperimentRunner.run(resolved, out, execution.dataDirectory(),
                spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(), err,
                TerminalProgress.forConsole(err), checkpoints);
    }

    private List<String> withSeed() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        return all;
    }

    /** The resolved config (with its root seed and resolved chip) that a checkpoint records. */
    private static ExperimentConfig recorded(Path checkpoint) {
        String identity = Checkpointing.identity(checkpoint);
        JsonNode tree = ConfigMapper.readTree(identity, ConfigMapper.Format.JSON, checkpoint.toString());
        return ConfigMapper.treeToValue(tree, ExperimentConfig.class, checkpoint.toString());
    }

    /** Refuses CONFIG (with --set/--seed) when it does not resolve to the checkpoint's config. */
    private void checkSameRun(ExperimentConfig recorded, Path checkpoint) {
        ExperimentConfig given = ExperimentRunner.resolve(config, ExperimentConfig.defaults(), withSeed());
        ExperimentConfig comparable = given.withSeedAndChip(given.seed() != null ? given.seed() : recorded.seed(),
                given.chip() == null ? null : given.chip().resolved());
        List<String> differences = RerunCommand.treeDifferences(ConfigMapper.valueToTree(recorded),
                ConfigMapper.valueToTree(comparable));
        if (!differences.isEmpty()) {
            throw new ConfigException(differences.get(0).replaceFirst(": .*", ""), -1, config.toString(),
                    "differs from the run recorded in " + checkpoint + " (" + differences.get(0) + "); resume "
                            + "without CONFIG to continue that run, or run without --resume to start this one");
        }
    }

    /**
     * Seconds of a duration such as {@code 90s}, {@code 10m}, {@code 2h} or {@code 0}.
     *
     * @param option the option's name, for the message
     * @param text the duration
     * @return seconds, non-negative
     * @throws IllegalArgumentException naming the option and the value when the text is not a duration
     */
    static double durationSeconds(String option, String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        double unit = 1;
        String number = trimmed;
        if (trimmed.endsWith("ms")) {
            unit = 1e-3;
            number = trimmed.substring(0, trimmed.length() - 2);
        } else if (trimmed.endsWith("s")) {
            number = trimmed.substring(0, trimmed.length() - 1);
        } else if (trimmed.endsWith("m")) {
            unit = 60;
            number = trimmed.substring(0, trimmed.length() - 1);
        } else if (trimmed.endsWith("h")) {
            unit = 3600;
            number = trimmed.substring(0, trimmed.length() - 1);
        } else if (!trimmed.equals("0")) {
            number = "";
        }
        try {
            double value = Double.parseDouble(number.trim()) * unit;
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " must be a duration such as 90s, 10m or 2h (0 for none), got '"
                + text + "'");
    }
}
