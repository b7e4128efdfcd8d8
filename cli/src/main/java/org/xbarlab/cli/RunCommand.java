package org.xbarlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "xbarlab-results/run",
            description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    @Mixin
    private ExecutionOptions execution = new ExecutionOptions();

    @Override
    public void run() {
        List<String> all = new ArrayList<>(overrides);
        if (seed != null) {
            all.add("seed=" + seed);
        }
        ExperimentConfig resolved = ExperimentRunner.resolve(config, ExperimentConfig.defaults(), all);
        execution.applyThreads();
        ExperimentRunner.run(resolved, out, execution.dataDirectory(),
                spec.commandLine().getParseResult().originalArgs(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
