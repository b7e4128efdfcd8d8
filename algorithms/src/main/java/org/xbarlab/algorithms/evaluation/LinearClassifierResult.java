package org.xbarlab.algorithms.evaluation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.xbarlab.core.Checks;

/**
 * The outcome of {@link LinearClassifier#train}: the trained classifier and its per-epoch curve. Serialised to a
 * result file without the classifier itself.
 *
 * @param classifier the classifier after the last epoch; not serialised; not null
 * @param finalTestAccuracy test accuracy after the last epoch, in {@code [0, 1]} (the seed paper's reported
 *     figure), or NaN when no test samples were given
 * @param trainLossPerEpoch mean training cross-entropy of each epoch, measured on the dropped-out batches as they
 *     were trained; one value per epoch
 * @param trainAccuracyPerEpoch fraction of training samples whose batch prediction (before that batch's step, with
 *     dropout) was right, as the reference logs it; one value per epoch
 * @param testAccuracyPerEpoch test accuracy after each epoch; empty without test samples
 * @param testLossPerEpoch mean test cross-entropy after each epoch; empty without test samples
 * @param learningRatePerEpoch Adam learning rate used in each epoch (base rate × schedule factor)
 */
public record LinearClassifierResult(@JsonIgnore LinearClassifier classifier, double finalTestAccuracy,
                                     List<Double> trainLossPerEpoch, List<Double> trainAccuracyPerEpoch,
                                     List<Double> testAccuracyPerEpoch, List<Double> testLossPerEpoch,
                                     List<Double> learningRatePerEpoch) {

    /** Validates the components and copies the lists. */
    public LinearClassifierResult {
        Checks.notNull("classifier", classifier);
        if (!Double.isNaN(finalTestAccuracy)) {
            Checks.fraction("finalTestAccuracy", finalTestAccuracy);
        }
        trainLossPerEpoch = List.copyOf(Checks.noNullElements("trainLossPerEpoch", trainLossPerEpoch));
        trainAccuracyPerEpoch = List.copyOf(Checks.noNullElements("trainAccuracyPerEpoch", trainAccuracyPerEpoch));
        testAccuracyPerEpoch = List.copyOf(Checks.noNullElements("testAccuracyPerEpoch", testAccuracyPerEpoch));
        testLossPerEpoch = List.copyOf(Checks.noNullElements("testLossPerEpoch", testLossPerEpoch));
        learningRatePerEpoch = List.copyOf(Checks.noNullElements("learningRatePerEpoch", learningRatePerEpoch));
        Checks.isTrue(trainAccuracyPerEpoch.size() == trainLossPerEpoch.size()
                        && learningRatePerEpoch.size() == trainLossPerEpoch.size(),
                "trainLossPerEpoch, trainAccuracyPerEpoch and learningRatePerEpoch must have one value per epoch,"
                        + " got %d, %d and %d", trainLossPerEpoch.size(), trainAccuracyPerEpoch.size(),
                learningRatePerEpoch.size());
        Checks.isTrue(testAccuracyPerEpoch.size() == testLossPerEpoch.size()
                        && (testAccuracyPerEpoch.isEmpty() || testAccuracyPerEpoch.size() == trainLossPerEpoch.size()),
                "testAccuracyPerEpoch and testLossPerEpoch must be empty or have one value per epoch, got %d and %d",
                testAccuracyPerEpoch.size(), testLossPerEpoch.size());
    }

    /** @return the number of epochs trained */
    public int epochs() {
        return trainLossPerEpoch.size();
    }
}
