package org.xbarlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.xbarlab.core.kernels.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xbarlab run CONFIG}: one experiment from a file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs an experiment file (JSON or YAML; it gives only what differs from the defaults, see "
                + "docs/examples/) and writes DIR/result.json with the metrics, the chip's energy and latency by "
                + "component and phase, the resolved config and the provenance.")
final class RunCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "the experiment file")
    private Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a config value, for example --set training.epochs=2 (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "SEED", description = "root seed (overrides the file's)")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads of the linear-algebra kernels, 1 to ${sys:xbarlab.maxThreads:-64} (default: all "
                    + "processors); results do not depend on it")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xbarlab-results/run",
            description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data directory (default: $XBARLAB_DATA_DIR, else ~/.xbarlab/data)")
    private Path dataDir;

    @Override
    public void run() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        ExperimentConfig resolved = ExperimentRunner.resolve(config, ExperimentConfig.defaults(), all);
        if (threads != null) {
            Kernels.setThreads(threads);
        }
        ExperimentRunner.run(resolved, out, DatasetsCommand.dataDirectory(dataDir),
                spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
