package org.xbarlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.core.config.ConfigMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarlab validate CONFIG}: checks an experiment file or a sweep file (every point of it) without running
 * anything, and says what it would run.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Checks an experiment file or a sweep file (every point) without running anything.",
        description = {
            "Checks an experiment file (as 'xbarlab run' reads it: laid over the defaults, with --set overrides) or "
                    + "a sweep file (every point of its grid, as 'xbarlab sweep' would resolve them) without running "
                    + "anything. Prints what would run and whether its data set is present; --print also "
                    + "prints the resolved experiment (every default filled in). A file with a top-level \"base\" "
                    + "or \"parameters\" is a sweep.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the file is valid",
            "1:internal error",
            "2:invalid command line",
            "3:invalid configuration (the message names the path, the value and what is allowed)",
            "4:input/output error",
        })
final class ValidateCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "an experiment or sweep file (JSON or YAML)")
    private Path config;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a value of the experiment (of the base, for a sweep), as for 'xbarlab run' "
                    + "(repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--print", description = "also print the resolved experiment (for a sweep: of its first point) "
            + "as JSON")
    private boolean print;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "data directory checked for the data set (default: $XBARLAB_DATA_DIR, else "
                    + "~/.xbarlab/data)")
    private Path dataDir;

    @Override
    public void run() {
        JsonNode tree = ConfigMapper.readTree(config);
        ExperimentConfig experiment;
        if (isSweep(tree)) {
            SweepConfig file = SweepPlan.read(config);
            List<String> all = new ArrayList<>(file.baseOverrides());
            all.addAll(overrides);
            SweepConfig sweep = new SweepConfig(file.schemaVersion(), file.name(), file.base(), all,
                    file.parameters(), file.trials(), file.seed(), file.seeding(), file.metrics());
            Path parent = config.toAbsolutePath().getParent();
            SweepPlan plan = SweepPlan.prepare(sweep, parent != null ? parent : Path.of(""));
            List<ExperimentConfig> points = plan.validateAll();
            experiment = points.get(0);
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: valid sweep '%s': %d parameter(s), %d point(s) x "
                            + "%d trial(s) = %d run(s); every point resolves (base: %s)%n", config,
                    sweep.name(), sweep.parameters().size(), plan.grid().points().size(), sweep.trials(),
                    plan.grid().runs().size(), plan.baseSource());
            for (SweepParameter parameter : sweep.parameters()) {
                spec.commandLine().getOut().println("  " + parameter.describe());
            }
            spec.commandLine().getOut().println("  metrics: " + String.join(", ", sweep.metrics()));
        } else {
            experiment = ExperimentRunner.resolve(config, ExperimentConfig.defaults(), overrides);
            // What run checks before it starts.
            ExperimentRunner.checkAgainstData(experiment);
            ExperimentRunner.checkMemory(experiment, Runtime.getRuntime().maxMemory());
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: valid experiment '%s'%n", config, experiment.name());
        }
        JsonNode resolved = ConfigMapper.valueToTree(experiment);
        DatasetKind kind = experiment.data().kind();
        boolean present = kind.generated() || Datasets.isPresent(kind, DatasetsCommand.dataDirectory(dataDir));
        spec.commandLine().getOut().printf(Locale.ROOT, "  data set %s: %s%n", kind.displayName(),
                kind.generated() ? "generated" : present ? "present" : kind.fetchable()
                        ? "absent (fetched on the first run, or: xbarlab datasets fetch)"
                        : "absent (" + kind.howToObtain() + ")");
        if (print) {
            spec.commandLine().getOut().println(ConfigMapper.writeJson(resolved));
        }
        spec.commandLine().getOut().flush();
    }

    /** Whether a parsed file is a sweep file: an object with a top-level "base" or "parameters". */
    static boolean isSweep(JsonNode tree) {
        return tree.isObject() && (tree.has("base") || tree.has("parameters"));
    }
}
