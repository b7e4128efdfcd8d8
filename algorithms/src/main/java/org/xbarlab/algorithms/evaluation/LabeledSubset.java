package org.xbarlab.algorithms.evaluation;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;

/**
 * Chooses the labeled samples of an evaluation: a stratified random subset of the training set whose classes keep
 * the proportions of the whole set. The seed paper uses a fraction {@code class_label_percentage} of the 60 000
 * MNIST training images (1 %, 5 %, 50 % or 100 %) for direct association and the linear classifier, and the
 * semi-supervised scheme uses a count of 100 to 3 000 labeled images (reference/seed-algorithm.md §4.1 and §5).
 *
 * <p><b>Algorithm.</b> With {@code n} samples, {@code n_c} of class {@code c} and a requested size {@code k}:
 * <ol>
 *   <li>each class gets {@code floor(k·n_c/n)} samples; the {@code k − Σ floor} samples left over go one each to
 *       the classes with the largest remainders {@code k·n_c mod n} (exact integer arithmetic), ties broken in a
 *       random order drawn from the stream. Every class therefore gets {@code floor} or {@code ceil} of its exact
 *       share and the total is exactly {@code k};</li>
 *   <li>within each class, taken in class order, the samples are chosen uniformly without replacement by a partial
 *       Fisher–Yates shuffle of the class's indices (in increasing order) with
 *       {@link UniformRandomProvider#nextInt(int)};</li>
 *   <li>the chosen indices are returned sorted in increasing order.</li>
 * </ol>
 * The result depends only on the labels, {@code k} and the stream's state, so a named stream from
 * {@code org.xbarlab.core.random.RngStreams} makes it reproducible. Asking for all samples returns
 * {@code 0..n-1} and draws nothing.
 *
 * <p><b>Not sklearn's split.</b> The reference code calls scikit-learn's {@code train_test_split(..., stratify=...,
 * random_state=34)}. This class follows the same idea (proportional allocation, the leftover samples to the largest
 * remainders with random ties, as sklearn's {@code _approximate_mode}; then a uniform choice inside each class), but
 * it draws from a Commons RNG stream instead of NumPy's Mersenne Twister and orders its draws differently, so the
 * chosen images are <em>not</em> the same as the reference's; only their class counts agree up to the rounding
 * of tied remainders.
 *
 * <p>Stateless and thread-safe; the random stream must not be shared between threads.
 */
public final class LabeledSubset {

    /**
     * Tolerance added before rounding {@code fraction × n} down, so that a fraction written in decimal (for example
     * 0.29 × 100 = 28.999999999999996 in binary floating point) gives the count a person expects.
     */
    private static final double FRACTION_ROUNDING_SLACK = 1e-9;

    private LabeledSubset() {
    }

    /**
     * The number of samples that {@link #stratified(int[], int, double, UniformRandomProvider)} selects:
     * {@code floor(fraction × sampleCount)}, computed with a slack of 1e-9 against binary rounding.
     *
     * @param sampleCount size of the whole set, at least 0
     * @param fraction fraction to keep, in {@code (0, 1]}
     * @return the count, in {@code [0, sampleCount]}
     * @throws IllegalArgumentException if {@code fraction} is not in {@code (0, 1]} or {@code sampleCount < 0}
     */
    public static int countForFraction(int sampleCount, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sampleCount must be non-negative, got " + sampleCount);
        }
        return (int) Math.min(sampleCount, Math.floor(fraction * sampleCount + FRACTION_ROUNDING_SLACK));
    }

    /**
     * A stratified random subset holding a fraction of the samples.
     *
     * @param labels class of each sample, each in {@code [0, classCount)}; not modified, never null
     * @param classCount number of classes, at least 1
     * @param fraction fraction of the samples to keep, in {@code (0, 1]}; the count is
     *     {@link #countForFraction(int, double)} and must be at least 1
     * @param random the stream that chooses the samples, for example
     *     {@code streams.stream(name, fractionIndex)}; advanced by the call, never null
     * @return a new array of distinct sample indices in increasing order
     * @throws IllegalArgumentException if a label is out of range, the fraction is out of range or selects no
     *     sample
     */
    public static int[] stratified(int[] labels, int classCount, double fraction, UniformRandomProvider random) {
        Objects.requireNonNull(labels, "labels");
        int count = countForFraction(labels.length, fraction);
        if (count < 1) {
            throw new IllegalArgumentException("fraction " + fraction + " of " + labels.length
                    + " samples selects no sample");
        }
        return stratified(labels, classCount, count, random);
    }

    /**
     * A stratified random subset of a given size.
     *
     * @param labels class of each sample, each in {@code [0, classCount)}; not modified, never null
     * @param classCount number of classes, at least 1
     * @param count number of samples to keep, in {@code [1, labels.length]}
     * @param random the stream that chooses the samples; advanced by the call (not at all when
     *     {@code count == labels.length}), never null
     * @return a new array of {@code count} distinct sample indices in increasing order
     * @throws IllegalArgumentException if a label or the count is out of range
     */
    public static int[] stratified(int[] labels, int classCount, int count, UniformRandomProvider random) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(random, "random");
        if (classCount < 1) {
            throw new IllegalArgumentException("classCount must be positive, got " + classCount);
        }
        int n = labels.length;
        if (count < 1 || count > n) {
            throw new IllegalArgumentException("count must be in [1, " + n + "] (the number of samples), got "
                    + count);
        }
        int[] classSizes = new int[classCount];
        for (int i = 0; i < n; i++) {
            int label = labels[i];
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + classCount + "), got "
                        + label);
            }
            classSizes[label]++;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (count == n) {
            return all;
        }
        int[] quota = allocate(classSizes, count, random);

        // Indices grouped by class, each group in increasing order (a counting sort of 0..n-1 by label).
        int[] start = new int[classCount + 1];
        for (int c = 0; c < classCount; c++) {
            start[c + 1] = start[c] + classSizes[c];
        }
        int[] grouped = new int[n];
        int[] fill = Arrays.copyOf(start, classCount);
        for (int i = 0; i < n; i++) {
            grouped[fill[labels[i]]++] = i;
        }
        int[] chosen = new int[count];
        int written = 0;
        for (int c = 0; c < classCount; c++) {
            int size = classSizes[c];
            for (int i = 0; i < quota[c]; i++) {
                int j = i + random.nextInt(size - i);
                int swap = grouped[start[c] + i];
                grouped[start[c] + i] = grouped[start[c] + j];
                grouped[start[c] + j] = swap;
                chosen[written++] = grouped[start[c] + i];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * The samples not in a subset: {@code 0..sampleCount-1} minus {@code indices}, in increasing order (the
     * unlabeled set of the semi-supervised scheme).
     *
     * @param indices distinct indices in {@code [0, sampleCount)}, in any order; not modified, never null
     * @param sampleCount size of the whole set, at least 0
     * @return a new array of {@code sampleCount − indices.length} indices in increasing order
     * @throws IllegalArgumentException if an index is out of range or repeated
     */
    public static int[] complement(int[] indices, int sampleCount) {
        Objects.requireNonNull(indices, "indices");
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sampleCount must be non-negative, got " + sampleCount);
        }
        boolean[] taken = new boolean[sampleCount];
        for (int i = 0; i < indices.length; i++) {
            int index = indices[i];
            if (index < 0 || index >= sampleCount) {
                throw new IllegalArgumentException("indices[" + i + "] must be in [0, " + sampleCount + "), got "
                        + index);
            }
            if (taken[index]) {
                throw new IllegalArgumentException("indices[" + i + "] repeats index " + index);
            }
            taken[index] = true;
        }
        int[] rest = new int[sampleCount - indices.length];
        int written = 0;
        for (int i = 0; i < sampleCount; i++) {
            if (!taken[i]) {
                rest[written++] = i;
            }
        }
        return rest;
    }

    /**
     * Samples per class: the floor of each exact share, plus one for the classes with the largest remainders
     * (random order among equal remainders), so that the quotas sum to {@code count}.
     */
    private static int[] allocate(int[] classSizes, int count, UniformRandomProvider random) {
        int classCount = classSizes.length;
        long n = 0;
        for (int size : classSizes) {
            n += size;
        }
        int[] quota = new int[classCount];
        long[] remainder = new long[classCount];
        int assigned = 0;
        for (int c = 0; c < classCount; c++) {
            long product = (long) count * classSizes[c];
            quota[c] = (int) (product / n);
            remainder[c] = product % n;
            assigned += quota[c];
        }
        int left = count - assigned;
        if (left == 0) {
            return quota;
        }
        // Random order of the classes, then a stable sort by decreasing remainder: ties stay in random order.
        int[] order = PermutationSampler.natural(classCount);
        PermutationSampler.shuffle(random, order);
        Integer[] boxed = new Integer[classCount];
        for (int i = 0; i < classCount; i++) {
            boxed[i] = order[i];
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(remainder[b], remainder[a]));
        // left < number of classes with a positive remainder, since the remainders sum to left·n.
        for (int i = 0; i < left; i++) {
            quota[boxed[i]]++;
        }
        return quota;
    }
}
