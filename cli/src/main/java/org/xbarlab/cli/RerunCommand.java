package org.xbarlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarlab rerun RESULT}: repeats a run from the resolved configuration and the root seed its
 * {@code result.json} embeds, and checks that every number comes out the same: the metrics, the cost ledger and
 * the devices' conductance histogram, bit for bit, except the wall times. A reviewer repeats a figure with it; with
 * {@code --threads} it also shows that the thread count does not change results.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = "Repeats a run from the configuration and root seed embedded in its result.json (written by "
                + "'xbarlab run', 'demo' or a sweep) and checks that the metrics, costs and device histogram come "
                + "out identical (wall times excepted). Exit code 0 when identical, 5 when they differ (the "
                + "differences are listed).")
final class RerunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULT", description = "a result.json written by xbarlab run")
    private Path result;

    @Option(names = "--out", paramLabel = "DIR",
            description = "where the repeated run writes its result.json (default: the folder 'rerun' beside "
                    + "RESULT)")
    private Path out;

    @Mixin
    private ExecutionOptions execution = new ExecutionOptions();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        JsonNode original = ConfigMapper.readTree(result);
        JsonNode provenance = original.path("provenance");
        JsonNode embedded = provenance.path("resolvedConfig");
        if (!embedded.isObject() || !provenance.path("rootSeed").canConvertToLong()) {
            throw new ConfigException("provenance.resolvedConfig", -1, result.toString(),
                    "must be present with provenance.rootSeed: the file is not a result.json of xbarlab run");
        }
        ExperimentConfig config = ConfigMapper.treeToValue(embedded, ExperimentConfig.class, result.toString());
        config = config.withSeedAndChip(provenance.path("rootSeed").asLong(), config.chip());
        execution.applyThreads();
        Path target = out != null ? out : result.toAbsolutePath().getParent().resolve("rerun");
        stdout.println("xbarlab rerun: " + result + " (commit " + provenance.path("gitCommit").asText("unknown")
                + (provenance.path("gitDirty").asBoolean(false) ? ", uncommitted changes" : "") + ")");
        Path repeated = ExperimentRunner.run(config, target, execution.dataDirectory(),
                spec.commandLine().getParseResult().originalArgs(), stdout, spec.commandLine().getErr());
        List<String> differences = differences(original, ConfigMapper.readTree(repeated));
        if (differences.isEmpty()) {
            stdout.println("identical: metrics, costs and device histogram equal the original's (wall times "
                    + "excepted)");
            return ExitCodes.OK;
        }
        stdout.println("DIFFERENT: " + differences.size() + " value(s) differ from the original:");
        differences.stream().limit(20).forEach(line -> stdout.println("  " + line));
        if (differences.size() > 20) {
            stdout.println("  ... and " + (differences.size() - 20) + " more");
        }
        return ExitCodes.RESULTS_DIFFER;
    }

    /**
     * The values of two result files that differ: {@code status}, {@code metrics}, {@code cost} and
     * {@code devices}, compared recursively and exactly; every field named {@code wallSeconds} is skipped.
     *
     * @param original the first result
     * @param repeated the repeated result
     * @return one line per difference, {@code path: original ≠ repeated}; empty when they agree
     */
    static List<String> differences(JsonNode original, JsonNode repeated) {
        List<String> found = new ArrayList<>();
        for (String section : List.of("status", "metrics", "cost", "devices")) {
            compare(section, original.path(section), repeated.path(section), found);
        }
        return found;
    }

    /**
     * The values of two whole trees that differ, each as {@code path: a ≠ b} with paths from the root (no leading
     * dot); fields named {@code wallSeconds} are skipped.
     *
     * @param a one tree
     * @param b the other
     * @return the differences, in path order
     */
    static List<String> treeDifferences(JsonNode a, JsonNode b) {
        List<String> found = new ArrayList<>();
        compare("", a, b, found);
        return found.stream().map(line -> line.startsWith(".") ? line.substring(1) : line).toList();
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> found) {
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!name.equals("wallSeconds")) {
                    compare(path + "." + name, a.path(name), b.path(name), found);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), found);
            }
        } else if (!a.equals(b)) {
            found.add(path + ": " + a + " ≠ " + b);
        }
    }
}
