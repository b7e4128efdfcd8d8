package org.xbarlab.algorithms.experiment;

import org.xbarlab.algorithms.data.DatasetKind;
import org.xbarlab.core.Checks;

/**
 * Which data an experiment uses.
 *
 * @param dataset {@code mnist}, {@code fashion-mnist} or {@code synthetic}
 * @param trainSamples use the first N training samples, 0 for all
 * @param testSamples use the first N test samples, 0 for all
 */
public record DataConfig(String dataset, int trainSamples, int testSamples) {

    /** Validates every field. */
    public DataConfig {
        Checks.notNull("dataset", dataset);
        DatasetKind.fromId(dataset);
        Checks.inRange("trainSamples", trainSamples, 0, 10_000_000);
        Checks.inRange("testSamples", testSamples, 0, 10_000_000);
    }

    /** All of MNIST. */
    public static DataConfig defaults() {
        return new DataConfig("mnist", 0, 0);
    }

    /** The data set kind. */
    public DatasetKind kind() {
        return DatasetKind.fromId(dataset);
    }
}
