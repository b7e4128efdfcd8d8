package org.xbarlab.algorithms.evaluation;

import java.util.Arrays;
import java.util.Objects;

import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * Direct association ("one-to-one" class association) of the seed paper: every output neuron is labeled with the
 * class it responds to most, and a sample is classified from the activity of the labeled neurons (D. Liu et al.,
 * "Unsupervised end-to-end training with a self-defined target", Neuromorph. Comput. Eng. 4 (2024) 044005,
 * arXiv:2403.12116; the official code's {@code direct_association} and {@code One2one}; specified in
 * reference/seed-algorithm.md §4.1).
 *
 * <p><b>Fit</b> ({@link #fit(LabeledFeatures, int)}), on the frozen network's outputs {@code y} for the labeled
 * samples:
 * <ol>
 *   <li>class-mean responses {@code M[c][j] = mean over labeled samples b of class c of y[b][j]}, computed as one
 *       product {@code Sᵀ·Y} of the transposed one-hot label matrix {@code S} and the features through
 *       {@link Kernels#gemm}, then divided by the class sizes;</li>
 *   <li>neuron label {@code ℓ_j = argmax_c M[c][j]}, the lowest class index among equal maxima; {@code ℓ_j = −1}
 *       (unassigned) when that maximum is exactly 0, i.e. a neuron with non-negative outputs that never responds to
 *       a labeled sample. A class without any labeled sample takes no part in the argmax (the reference divides
 *       by zero there). Note that a neuron whose class means are all equal and non-zero, for example a
 *       hard-sigmoid unit saturated at 1 for every sample, gets label 0 by the tie rule, as in the reference
 *       ({@code torch.argmax} returns the first maximum): many such neurons make the average rule predict class 0
 *       for every sample.</li>
 * </ol>
 *
 * <p><b>Predict</b>, for a sample with outputs {@code y}:
 * <ul>
 *   <li>average rule ({@link #predictAverage}, the paper's "One2one_av", the headline number): score
 *       {@code s_c = mean of y_j over the neurons with ℓ_j = c}, or {@code −1} when no neuron has label {@code c};
 *       the prediction is {@code argmax_c s_c}, lowest index among ties. The sums are one product
 *       {@code Y·A} with the 0/1 assignment matrix {@code A} ({@code neurons × classes}) through
 *       {@link Kernels#gemm}, then divided by the neuron counts;</li>
 *   <li>max rule ({@link #predictMax}, "One2one_max", logged but not headlined): unassigned neurons' outputs are
 *       replaced by {@code −1}, the most active neuron (lowest index among ties) is found and its label is the
 *       prediction. If that neuron is unassigned (every assigned neuron outputs less than −1, or no neuron is
 *       assigned) the prediction is −1, which never equals a label.</li>
 * </ul>
 * Both rules follow the reference exactly, including its use of −1 as a sentinel score. Float sums are taken in a
 * different order than PyTorch's, so scores may differ in the last bits and nearly tied classes may come out
 * differently.
 *
 * <p><b>Cost.</b> Fitting on 60 000 × 2 000 features is one {@code 10 × 2000 × 60000} product plus one pass to
 * build the one-hot matrix; the average rule is one {@code samples × 10 × 2000} product; the max rule one pass
 * over the features. {@code DirectAssociationBenchmark} (benchmarks module, OpenBLAS backend, 2 kernel threads,
 * shared 2-core machine) measured on 60 000 × 2 000 features: fit 135 ± 47 ms, average rule 129 ± 43 ms, max
 * rule 123 ± 35 ms, {@link #evaluate} 289 ± 67 ms, against 77 ± 14 ms for one plain pass over the features.
 *
 * <p>Features must be finite. Instances are immutable and thread-safe.
 */
public final class DirectAssociation {

    /** Label of a neuron that never responds to a labeled sample, and the max rule's "no class" prediction. */
    public static final int UNASSIGNED = -1;

    /** Score of a class that no neuron is labeled with, in the average rule (the reference's sentinel). */
    static final float EMPTY_CLASS_SCORE = -1f;

    /** Output value the max rule gives unassigned neurons (the reference's sentinel). */
    static final float UNASSIGNED_OUTPUT = -1f;

    /**
     * Rows per product in prediction, and per gathered copy when samples are a {@link LabeledFeatures#select view}
     * (also used by {@link LinearClassifier}). Chunks keep the kernel backend's staging copy of the operand small
     * (OpenBLAS stages the whole left operand in native memory: 480 MB for 60 000 × 2 000 features in one call,
     * 8 MB for 1 024 rows) and let the max rule re-read rows that the product has just brought into the cache
     * (1 024 rows of 2 000 features and their staged copy fit in this machine's 32 MB L3 cache). Timed on the
     * shared, heavily loaded 2-core machine, chunks of 512 to 4 096 rows were not slower than one call over all
     * 60 000 rows; the noise hid any difference among them.
     */
    static final int CHUNK_ROWS = 1024;

    private final int neuronCount;
    private final int classCount;
    /** {@code classCount × neuronCount}, row-major. */
    private final float[] classMeans;
    private final int[] neuronLabels;
    private final int[] neuronsPerClass;
    private final int[] labeledSamplesPerClass;
    /** {@code neuronCount × classCount}: 1 where the neuron's label is the class, else 0. */
    private final float[] assignment;
    private final int unassignedCount;

    private DirectAssociation(int neuronCount, int classCount, float[] classMeans, int[] neuronLabels,
                              int[] labeledSamplesPerClass) {
        this.neuronCount = neuronCount;
        this.classCount = classCount;
        this.classMeans = classMeans;
        this.neuronLabels = neuronLabels;
        this.labeledSamplesPerClass = labeledSamplesPerClass;
        this.neuronsPerClass = new int[classCount];
        this.assignment = new float[neuronCount * classCount];
        int unassigned = 0;
        for (int j = 0; j < neuronCount; j++) {
            int label = neuronLabels[j];
            if (label == UNASSIGNED) {
                unassigned++;
            } else {
                neuronsPerClass[label]++;
                assignment[j * classCount + label] = 1f;
            }
        }
        this.unassignedCount = unassigned;
    }

    /**
     * Fits the association on the first {@code samples} rows of a feature matrix.
     *
     * @param features row-major {@code samples × neurons} outputs of the frozen network; not modified
     * @param labels class of each sample, in {@code [0, classes)}; not modified
     * @param samples number of labeled samples, at least 1
     * @param neurons number of output neurons (features per sample), at least 1
     * @param classes number of classes, at least 1
     * @return the fitted association
     * @throws IllegalArgumentException if a size is out of range, an array is too short or a label is out of range
     */
    public static DirectAssociation fit(float[] features, int[] labels, int samples, int neurons, int classes) {
        return fit(LabeledFeatures.of(features, labels, samples, neurons), classes);
    }

    /**
     * Fits the association on labeled samples, typically {@code all.select(LabeledSubset.stratified(...))}.
     *
     * @param labeled the labeled samples' outputs, at least one sample; its arrays are read, not modified
     * @param classes number of classes, at least 1; every label must be below it
     * @return the fitted association
     * @throws IllegalArgumentException if there is no sample or a label is out of range
     */
    public static DirectAssociation fit(LabeledFeatures labeled, int classes) {
        Objects.requireNonNull(labeled, "labeled");
        int samples = labeled.sampleCount();
        if (samples < 1) {
            throw new IllegalArgumentException("direct association needs at least one labeled sample, got 0");
        }
        int[] counts = labeled.classCounts(classes);
        int neurons = labeled.featureCount();
        float[] sums = new float[classes * neurons];
        int[] labels = labeled.sharedLabels();
        if (labeled.isContiguous()) {
            float[] oneHot = new float[samples * classes];
            for (int b = 0; b < samples; b++) {
                oneHot[b * classes + labels[b]] = 1f;
            }
            Kernels.gemm(Transpose.YES, Transpose.NO, classes, neurons, samples, 1f, oneHot, 0, classes,
                    labeled.sharedFeatures(), 0, neurons, 0f, sums, 0, neurons);
        } else {
            int chunk = Math.min(CHUNK_ROWS, samples);
            float[] rows = new float[chunk * neurons];
            float[] oneHot = new float[chunk * classes];
            for (int start = 0; start < samples; start += chunk) {
                int n = Math.min(chunk, samples - start);
                labeled.copyRows(start, n, rows, 0);
                Arrays.fill(oneHot, 0f);
                for (int b = 0; b < n; b++) {
                    oneHot[b * classes + labels[labeled.row(start + b)]] = 1f;
                }
                Kernels.gemm(Transpose.YES, Transpose.NO, classes, neurons, n, 1f, oneHot, 0, classes,
                        rows, 0, neurons, start == 0 ? 0f : 1f, sums, 0, neurons);
            }
        }
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                float size = counts[c];
                for (int j = 0; j < neurons; j++) {
                    sums[c * neurons + j] /= size;
                }
            }
        }
        return new DirectAssociation(neurons, classes, sums, labelNeurons(sums, counts, classes, neurons), counts);
    }

    /** {@code ℓ_j = argmax_c M[c][j]} over classes with samples, lowest index on ties; −1 when the maximum is 0. */
    private static int[] labelNeurons(float[] means, int[] counts, int classes, int neurons) {
        int[] labels = new int[neurons];
        for (int j = 0; j < neurons; j++) {
            int best = UNASSIGNED;
            float bestMean = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                float mean = means[c * neurons + j];
                if (counts[c] > 0 && (best == UNASSIGNED || mean > bestMean)) {
                    best = c;
                    bestMean = mean;
                }
            }
            labels[j] = bestMean == 0f ? UNASSIGNED : best;
        }
        return labels;
    }

    // --------------------------------------------------------------------------------------------------------
    // prediction

    /**
     * Predicts with the average rule.
     *
     * @param features row-major {@code samples × neurons()} outputs; not modified
     * @param samples number of samples, at least 0
     * @return a new array of predicted classes, each in {@code [0, classes())}
     * @throws IllegalArgumentException if {@code features} is too short
     */
    public int[] predictAverage(float[] features, int samples) {
        return predictAverage(unlabeled(features, samples));
    }

    /**
     * Predicts with the average rule.
     *
     * @param samples the outputs, with {@code neurons()} features; labels are ignored
     * @return a new array of predicted classes, each in {@code [0, classes())}
     * @throws IllegalArgumentException if the feature count differs from {@link #neurons()}
     */
    public int[] predictAverage(LabeledFeatures samples) {
        checkWidth(samples);
        int[] predicted = new int[samples.sampleCount()];
        forEachChunk(samples, (start, rows, x, xOffset, scores) -> {
            averageScores(rows, x, xOffset, scores);
            for (int r = 0; r < rows; r++) {
                predicted[start + r] = argmax(scores, r * classCount, classCount);
            }
        });
        return predicted;
    }

    /**
     * Predicts with the max rule.
     *
     * @param features row-major {@code samples × neurons()} outputs; not modified
     * @param samples number of samples, at least 0
     * @return a new array of predicted classes, each in {@code [0, classes())} or {@link #UNASSIGNED}
     * @throws IllegalArgumentException if {@code features} is too short
     */
    public int[] predictMax(float[] features, int samples) {
        return predictMax(unlabeled(features, samples));
    }

    /**
     * Predicts with the max rule.
     *
     * @param samples the outputs, with {@code neurons()} features; labels are ignored
     * @return a new array of predicted classes, each in {@code [0, classes())} or {@link #UNASSIGNED}
     * @throws IllegalArgumentException if the feature count differs from {@link #neurons()}
     */
    public int[] predictMax(LabeledFeatures samples) {
        checkWidth(samples);
        float[] x = samples.sharedFeatures();
        int[] predicted = new int[samples.sampleCount()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = maxRule(x, samples.row(i) * neuronCount);
        }
        return predicted;
    }

    /**
     * The fraction of samples that the average rule classifies correctly.
     *
     * @param features row-major {@code samples × neurons()} outputs; not modified
     * @param labels true classes; not modified
     * @param samples number of samples, at least 1
     * @return accuracy in {@code [0, 1]}
     * @throws IllegalArgumentException if an array is too short, a label is negative or there is no sample
     */
    public double accuracyAverage(float[] features, int[] labels, int samples) {
        return evaluate(LabeledFeatures.of(features, labels, samples, neuronCount)).averageRuleAccuracy();
    }

    /**
     * The fraction of samples that the max rule classifies correctly.
     *
     * @param features row-major {@code samples × neurons()} outputs; not modified
     * @param labels true classes; not modified
     * @param samples number of samples, at least 1
     * @return accuracy in {@code [0, 1]}
     * @throws IllegalArgumentException if an array is too short, a label is negative or there is no sample
     */
    public double accuracyMax(float[] features, int[] labels, int samples) {
        return evaluate(LabeledFeatures.of(features, labels, samples, neuronCount)).maxRuleAccuracy();
    }

    /**
     * Accuracies of both rules on labeled samples (typically the test set), in one pass over the features.
     *
     * @param test the outputs and true labels, at least one sample, {@code neurons()} features
     * @return both accuracies
     * @throws IllegalArgumentException if there is no sample or the feature count differs
     */
    public DirectAssociationResult evaluate(LabeledFeatures test) {
        checkWidth(test);
        int samples = test.sampleCount();
        if (samples < 1) {
            throw new IllegalArgumentException("evaluation needs at least one sample, got 0");
        }
        // Two separate passes: faster than one pass that interleaved the product and the max rule per chunk
        // (DirectAssociationBenchmark, 60 000 × 2 000 features: 289 ± 67 ms against 347 ± 40 ms).
        int[] average = predictAverage(test);
        int[] max = predictMax(test);
        int[] labels = test.sharedLabels();
        int correctAverage = 0;
        int correctMax = 0;
        for (int i = 0; i < samples; i++) {
            int label = labels[test.row(i)];
            if (average[i] == label) {
                correctAverage++;
            }
            if (max[i] == label) {
                correctMax++;
            }
        }
        return new DirectAssociationResult((double) correctAverage / samples, (double) correctMax / samples, samples,
                unassignedCount);
    }

    /** Receives the average-rule inputs of consecutive samples {@code start .. start+rows-1}. */
    @FunctionalInterface
    private interface ChunkConsumer {
        void accept(int start, int rows, float[] x, int xOffset, float[] scores);
    }

    /**
     * Hands the samples to {@code consumer} in chunks of consecutive rows of one array: the shared array itself when
     * the samples are contiguous, otherwise gathered copies, {@value #CHUNK_ROWS} rows at a time.
     */
    private void forEachChunk(LabeledFeatures samples, ChunkConsumer consumer) {
        int n = samples.sampleCount();
        if (n == 0) {
            return;
        }
        int chunk = Math.min(CHUNK_ROWS, n);
        float[] scores = new float[chunk * classCount];
        float[] rows = samples.isContiguous() ? null : new float[chunk * neuronCount];
        for (int start = 0; start < n; start += chunk) {
            int count = Math.min(chunk, n - start);
            if (rows == null) {
                consumer.accept(start, count, samples.sharedFeatures(), start * neuronCount, scores);
            } else {
                samples.copyRows(start, count, rows, 0);
                consumer.accept(start, count, rows, 0, scores);
            }
        }
    }

    /** Average-rule scores of {@code rows} samples starting at {@code x[xOffset]} into {@code scores}. */
    private void averageScores(int rows, float[] x, int xOffset, float[] scores) {
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, classCount, neuronCount, 1f, x, xOffset, neuronCount,
                assignment, 0, classCount, 0f, scores, 0, classCount);
        for (int c = 0; c < classCount; c++) {
            int count = neuronsPerClass[c];
            float size = count;
            for (int r = 0; r < rows; r++) {
                int index = r * classCount + c;
                scores[index] = count == 0 ? EMPTY_CLASS_SCORE : scores[index] / size;
            }
        }
    }

    /**
     * The max rule for the sample whose outputs start at {@code x[offset]}: the label of the most active neuron,
     * unassigned neurons counting as {@link #UNASSIGNED_OUTPUT}, the lowest index among ties. (A variant with four
     * interleaved running maxima was slower in a timing loop on 60 000 × 2 000 features, so the plain loop stays.)
     */
    private int maxRule(float[] x, int offset) {
        int best = 0;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < neuronCount; j++) {
            float value = neuronLabels[j] == UNASSIGNED ? UNASSIGNED_OUTPUT : x[offset + j];
            if (value > bestValue) {
                bestValue = value;
                best = j;
            }
        }
        return neuronLabels[best];
    }

    /** Index of the largest of {@code values[offset .. offset+length)}, the lowest among equal maxima. */
    static int argmax(float[] values, int offset, int length) {
        int best = 0;
        float bestValue = values[offset];
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > bestValue) {
                bestValue = values[offset + i];
                best = i;
            }
        }
        return best;
    }

    private LabeledFeatures unlabeled(float[] features, int samples) {
        Objects.requireNonNull(features, "features");
        if (samples < 0 || features.length < (long) samples * neuronCount) {
            throw new IllegalArgumentException("features must hold samples × neurons = " + samples + " × "
                    + neuronCount + " values, got " + features.length);
        }
        return LabeledFeatures.of(features, new int[samples], samples, neuronCount);
    }

    private void checkWidth(LabeledFeatures samples) {
        Objects.requireNonNull(samples, "samples");
        if (samples.featureCount() != neuronCount) {
            throw new IllegalArgumentException("samples must have neurons = " + neuronCount
                    + " features, got " + samples.featureCount());
        }
    }

    // --------------------------------------------------------------------------------------------------------
    // accessors

    /**
     * The label of each neuron.
     *
     * @return a new array of {@link #neurons()} labels, each in {@code [0, classes())} or {@link #UNASSIGNED}
     */
    public int[] neuronLabels() {
        return neuronLabels.clone();
    }

    /**
     * The class-mean responses {@code M}, row-major {@code classes() × neurons()}; rows of classes without labeled
     * samples are 0.
     *
     * @return a new array
     */
    public float[] classMeans() {
        return classMeans.clone();
    }

    /**
     * How many neurons carry each label.
     *
     * @return a new array of {@link #classes()} counts
     */
    public int[] neuronsPerClass() {
        return neuronsPerClass.clone();
    }

    /**
     * How many labeled samples of each class the fit used.
     *
     * @return a new array of {@link #classes()} counts
     */
    public int[] labeledSamplesPerClass() {
        return labeledSamplesPerClass.clone();
    }

    /** @return the number of neurons labeled {@link #UNASSIGNED} */
    public int unassignedNeuronCount() {
        return unassignedCount;
    }

    /** @return the number of output neurons (features per sample) */
    public int neurons() {
        return neuronCount;
    }

    /** @return the number of classes */
    public int classes() {
        return classCount;
    }

    @Override
    public String toString() {
        return "DirectAssociation[neurons=" + neuronCount + ", classes=" + classCount + ", unassigned="
                + unassignedCount + "]";
    }
}
