package org.xbarlab.algorithms.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.xbarlab.algorithms.data.DatasetFile.Content;

/**
 * Loads data sets by kind and split: the entry point for training code and the command line.
 *
 * <p>MNIST and Fashion-MNIST are read from their folder in the data directory ({@link DataDirectory}) after their
 * SHA-256 sums are verified; SVHN and CIFAR-10, which the user downloads, from theirs by their readers; the
 * synthetic set is generated from its default configuration. Stateless and
 * thread-safe.
 */
public final class Datasets {

    /** Suffix of gzip-compressed files, tried in both directions when the expected name is missing. */
    private static final String GZIP_SUFFIX = ".gz";

    private Datasets() {
    }

    /**
     * Loads one split of a data set from the default data directory ({@link DataDirectory#resolve()}).
     *
     * @param kind the data set, never null
     * @param split the split, never null
     * @return the data set, named for example {@code "MNIST/train"}
     * @throws DatasetException if a file is missing, corrupt or malformed; the message names the file and the
     *     fetch command
     */
    public static Dataset load(DatasetKind kind, Split split) {
        return load(kind, split, kind.generated() ? null : DataDirectory.resolve());
    }

    /**
     * Loads one split of a data set.
     *
     * <p>For MNIST and Fashion-MNIST this checks that both files of the split are present (accepting the
     * uncompressed or gzip-compressed variant of each name), verifies their SHA-256 sums (about 0.2 s for the
     * training set) and reads them with {@link IdxReader}, which checks their structure. For
     * {@link DatasetKind#SYNTHETIC} it returns {@link SyntheticDataset#generate(SyntheticDatasetConfig, Split)} of
     * the default configuration sized by {@link DatasetKind#sampleCount(Split)}. SVHN and CIFAR-10, which the user
     * downloads, are read from the data set's folder ({@code <data dir>/svhn}, {@code <data dir>/cifar10} or its
     * {@code cifar-10-batches-bin} subfolder) by {@link SvhnMatReader} and {@link Cifar10Reader} (CIFAR-10 batches
     * of any whole number of records); a missing file gives a {@link DatasetException} naming it, the folder and
     * the download URL.
     *
     * @param kind the data set, never null
     * @param split the split, never null
     * @param dataDirectory the data directory (not the data set's folder); ignored, and may be null, for the
     *     synthetic set
     * @return the data set, named for example {@code "MNIST/train"}
     * @throws DatasetException if a file is missing, corrupt or malformed; the message names the file and the
     *     fetch command
     */
    public static Dataset load(DatasetKind kind, Split split, Path dataDirectory) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(split, "split");
        if (kind.generated()) {
            return SyntheticDataset.generate(
                    SyntheticDatasetConfig.defaults().withSampleCount(kind.sampleCount(split)), split);
        }
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (kind.downloadedByUser()) {
            Path folder = userFolderOrFail(kind, split, dataDirectory);
            return cached(kind, split, filesIn(folder), () -> kind == DatasetKind.SVHN
                    ? SvhnMatReader.read(folder, split) : Cifar10Reader.readAnyLength(folder, split));
        }
        DatasetFile imagesFile = kind.file(split, Content.IMAGES);
        DatasetFile labelsFile = kind.file(split, Content.LABELS);
        Path images = locateOrFail(kind, imagesFile, dataDirectory);
        Path labels = locateOrFail(kind, labelsFile, dataDirectory);
        return cached(kind, split, List.of(images, labels), () -> {
            FileChecksums.verify(labels, kind, labelsFile);
            FileChecksums.verify(images, kind, imagesFile);
            return IdxReader.forDataset(kind).read(kind.displayName() + "/" + split.id(), images, labels,
                    kind.classCount(), kind.rows(), kind.cols());
        });
    }

    /**
     * Data sets read in this JVM, by kind, split and the identity of their files (real path, size and modification
     * time): a sweep's runs, or a Spark executor's tasks, read and verify a data set once, and a file that changes
     * is read (and verified) again. A {@link Dataset} is immutable, so sharing one is safe; soft references let the
     * garbage collector drop a data set no run holds when memory runs short. Guarded by its own lock: a second
     * thread that wants the same data set waits for the first one's read instead of reading it too.
     */
    private static final java.util.Map<List<Object>, java.lang.ref.SoftReference<Dataset>> CACHE =
            new java.util.HashMap<>();

    /** The regular files of a folder, in name order (its identity for the cache); empty if it cannot be listed. */
    private static List<Path> filesIn(Path folder) {
        try (java.util.stream.Stream<Path> listed = Files.list(folder)) {
            return listed.filter(Files::isRegularFile).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static Dataset cached(DatasetKind kind, Split split, List<Path> files,
                                  java.util.function.Supplier<Dataset> read) {
        if (files.isEmpty()) {
            return read.get();
        }
        List<Object> key = new java.util.ArrayList<>(List.of(kind, split));
        for (Path file : files) {
            try {
                key.add(file.toRealPath().toString());
                key.add(java.nio.file.Files.size(file));
                key.add(java.nio.file.Files.getLastModifiedTime(file).toMillis());
            } catch (java.io.IOException e) {
                return read.get();
            }
        }
        List<Object> frozen = List.copyOf(key);
        synchronized (CACHE) {
            java.lang.ref.SoftReference<Dataset> reference = CACHE.get(frozen);
            Dataset dataset = reference == null ? null : reference.get();
            if (dataset == null) {
                CACHE.keySet().removeIf(other -> other.get(0) == kind && other.get(1) == split);
                dataset = read.get();
                CACHE.put(frozen, new java.lang.ref.SoftReference<>(dataset));
            }
            return dataset;
        }
    }

    /**
     * Tells whether every file of a data set is present in the data directory (without checking the sums).
     *
     * @param kind the data set, never null
     * @param dataDirectory the data directory, never null
     * @return true if all files exist (for SVHN and CIFAR-10: the files of both splits, in the data set's folder or,
     *     for CIFAR-10, in its {@code cifar-10-batches-bin} subfolder); always true for the synthetic set
     */
    public static boolean isPresent(DatasetKind kind, Path dataDirectory) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (kind.downloadedByUser()) {
            for (Split split : Split.values()) {
                if (userFolder(kind, split, dataDirectory) == null) {
                    return false;
                }
            }
            return true;
        }
        for (DatasetFile file : kind.files()) {
            if (locate(kind, file, dataDirectory) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Verifies the SHA-256 sums of every file of a data set in the data directory.
     *
     * @param kind the data set, never null
     * @param dataDirectory the data directory, never null
     * @return the verified files, in the order of {@link DatasetKind#files()}; empty for the synthetic set; for
     *     SVHN and CIFAR-10, which have no published SHA-256 sums, the files found (present, not checked: their
     *     readers check the structure)
     * @throws DatasetException at the first missing or mismatching file, naming it and the fetch command
     */
    public static List<Path> verify(DatasetKind kind, Path dataDirectory) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        List<Path> verified = new ArrayList<>();
        if (kind.downloadedByUser()) {
            for (Split split : Split.values()) {
                Path folder = userFolderOrFail(kind, split, dataDirectory);
                for (String name : kind.userFiles(split)) {
                    verified.add(folder.resolve(name));
                }
            }
            return List.copyOf(verified);
        }
        for (DatasetFile file : kind.files()) {
            Path path = locateOrFail(kind, file, dataDirectory);
            FileChecksums.verify(path, kind, file);
            verified.add(path);
        }
        return List.copyOf(verified);
    }

    /** Subfolder of {@code <data dir>/cifar10} that unpacking {@code cifar-10-binary.tar.gz} there creates. */
    static final String CIFAR10_ARCHIVE_FOLDER = "cifar-10-batches-bin";

    /**
     * The folder holding every file of a split of a data set the user downloads: the data set's folder, or for
     * CIFAR-10 its archive subfolder; null when neither holds them all.
     */
    static Path userFolder(DatasetKind kind, Split split, Path dataDirectory) {
        Path folder = DataDirectory.datasetDirectory(dataDirectory, kind);
        List<Path> candidates = kind == DatasetKind.CIFAR10 ? List.of(folder, folder.resolve(CIFAR10_ARCHIVE_FOLDER))
                : List.of(folder);
        for (Path candidate : candidates) {
            boolean all = true;
            for (String name : kind.userFiles(split)) {
                all &= Files.isRegularFile(candidate.resolve(name));
            }
            if (all) {
                return candidate;
            }
        }
        return null;
    }

    private static Path userFolderOrFail(DatasetKind kind, Split split, Path dataDirectory) {
        Path found = userFolder(kind, split, dataDirectory);
        if (found != null) {
            return found;
        }
        Path folder = DataDirectory.datasetDirectory(dataDirectory, kind);
        Path missing = null;
        for (String name : kind.userFiles(split)) {
            if (!Files.isRegularFile(folder.resolve(name))) {
                missing = folder.resolve(name);
                break;
            }
        }
        throw new DatasetException(kind.displayName() + " is not in the data directory: the " + split.id()
                + " file " + missing + " does not exist. xbarlab cannot fetch " + kind.displayName()
                + ": download it yourself from " + kind.downloadUrl() + " and put "
                + String.join(", ", kind.userFiles(Split.TRAIN)) + " and " + String.join(", ",
                kind.userFiles(Split.TEST)) + " into " + folder + ", or set " + DataDirectory.ENVIRONMENT_VARIABLE
                + " (or --data-dir) to the data directory whose " + kind.id() + " folder holds them (the default is ~/"
                + DataDirectory.DEFAULT_RELATIVE_TO_HOME + ").", missing, null);
    }

    /**
     * Finds a file in the data set's folder under its expected name, else under the other variant of its name
     * (with or without {@code .gz}); returns null when neither exists.
     */
    static Path locate(DatasetKind kind, DatasetFile file, Path dataDirectory) {
        Path expected = DataDirectory.filePath(dataDirectory, kind, file);
        if (Files.isRegularFile(expected)) {
            return expected;
        }
        String name = file.fileName();
        String alternative = name.endsWith(GZIP_SUFFIX)
                ? name.substring(0, name.length() - GZIP_SUFFIX.length()) : name + GZIP_SUFFIX;
        Path other = expected.resolveSibling(alternative);
        return Files.isRegularFile(other) ? other : null;
    }

    private static Path locateOrFail(DatasetKind kind, DatasetFile file, Path dataDirectory) {
        Path found = locate(kind, file, dataDirectory);
        if (found != null) {
            return found;
        }
        Path folder = DataDirectory.datasetDirectory(dataDirectory, kind);
        Path expected = folder.resolve(file.fileName());
        throw new DatasetException(kind.displayName() + " is not in the data directory: " + file.describe(kind)
                + " file " + expected + " does not exist; expected the " + kind.files().size() + " files of the "
                + kind.source() + " in " + folder + ". To fix it, run `" + kind.fetchCommand() + "` to download "
                + kind.displayName() + " there, or set " + DataDirectory.ENVIRONMENT_VARIABLE
                + " to the data directory that holds it (the default is ~/" + DataDirectory.DEFAULT_RELATIVE_TO_HOME
                + ").", expected, null);
    }
}
