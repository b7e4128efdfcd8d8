package org.xbarlab.algorithms.experiment;

import org.xbarlab.algorithms.data.Dataset;
import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.algorithms.data.Datasets;
import org.xbarlab.algorithms.data.Split;
import org.xbarlab.core.Checks;

/**
 * Which data an experiment uses.
 *
 * @param dataset {@code mnist}, {@code fashion-mnist}, {@code synthetic}, {@code svhn} or {@code cifar10} (the last
 *     two are 3 × 32 × 32 colour images the user downloads into the data directory; see
 *     {@link DatasetKind#howToObtain()})
 * @param trainSamples use the first N training samples, 0 for all
 * @param testSamples use the first N test samples, 0 for all
 * @param centerCrop keep the central {@code N × N} pixels of every image (MLP+NeuroSim's workload uses 20), 0 for
 *     the whole image
 * @param binarizeThreshold set pixels at or above this value to 1 and the others to 0 (MLP+NeuroSim: 0.5), or
 *     null to keep grey levels
 */
public record DataConfig(String dataset, int trainSamples, int testSamples, int centerCrop,
                         Double binarizeThreshold) {

    /** Validates every field. */
    public DataConfig {
        Checks.notNull("dataset", dataset);
        DatasetKind.fromId(dataset);
        Checks.inRange("trainSamples", trainSamples, 0, 10_000_000);
        Checks.inRange("testSamples", testSamples, 0, 10_000_000);
        Checks.inRange("centerCrop", centerCrop, 0, 10_000);
        if (binarizeThreshold != null) {
            Checks.isTrue(Double.isFinite(binarizeThreshold), "binarizeThreshold must be finite or null, got %s",
                    binarizeThreshold);
        }
    }

    /**
     * The whole images, grey levels kept.
     *
     * @param dataset the data set
     * @param trainSamples the first N training samples, 0 for all
     * @param testSamples the first N test samples, 0 for all
     */
    public DataConfig(String dataset, int trainSamples, int testSamples) {
        this(dataset, trainSamples, testSamples, 0, null);
    }

    /** All of MNIST. */
    public static DataConfig defaults() {
        return new DataConfig("mnist", 0, 0);
    }

    /**
     * Loads one split and applies the limit, the crop and the binarization (colour images keep their channels;
     * the crop and the threshold apply to every channel).
     *
     * @param split training or test
     * @param dataDirectory where the data sets are
     * @return the prepared data set
     */
    public Dataset load(Split split, java.nio.file.Path dataDirectory) {
        Dataset loaded = Datasets.load(kind(), split, dataDirectory);
        int limit = split == Split.TRAIN ? trainSamples : testSamples;
        if (limit > 0 && limit < loaded.sampleCount()) {
            loaded = loaded.take(limit);
        }
        if (centerCrop > 0) {
            Checks.isTrue(centerCrop <= Math.min(loaded.rows(), loaded.cols()),
                    "centerCrop must be at most %d for %s, got %d", Math.min(loaded.rows(), loaded.cols()),
                    loaded.name(), centerCrop);
            loaded = loaded.centerCrop(centerCrop);
        }
        if (binarizeThreshold != null) {
            loaded = loaded.binarize(binarizeThreshold);
        }
        return loaded;
    }

    /**
     * Loads one split like {@link #load(Split, java.nio.file.Path)} and checks that its images have the network's
     * number of inputs.
     *
     * @param split training or test
     * @param dataDirectory where the data sets are
     * @param inputs the network's inputs
     * @param inputsPath the config path of the network's input size, for the message
     * @return the prepared data set
     */
    public Dataset load(Split split, java.nio.file.Path dataDirectory, int inputs, String inputsPath) {
        Dataset loaded = load(split, dataDirectory);
        Checks.isTrue(loaded.featureCount() == inputs, "%s must equal the data set's %d features, got %d",
                inputsPath, loaded.featureCount(), inputs);
        return loaded;
    }

    /** The data set kind. */
    public DatasetKind kind() {
        return DatasetKind.fromId(dataset);
    }
}
