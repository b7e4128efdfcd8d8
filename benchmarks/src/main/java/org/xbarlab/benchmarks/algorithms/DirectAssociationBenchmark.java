package org.xbarlab.benchmarks.algorithms;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.algorithms.evaluation.DirectAssociation;
import org.xbarlab.algorithms.evaluation.DirectAssociationResult;
import org.xbarlab.algorithms.evaluation.LabeledFeatures;
import org.xbarlab.algorithms.evaluation.LabeledSubset;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;

/**
 * Direct association (seed paper, §4.1 of reference/seed-algorithm.md) on the shape of the paper's one-layer
 * network: {@code samples} = 60 000 MNIST training images, {@code neurons} = 2 000 outputs, 10 classes, so the
 * feature matrix is 480 MB of floats. Features are hard-sigmoid-like: uniform in [−0.5, 1) clamped to [0, 1], so a
 * third of them are exactly 0.
 *
 * <p>Variants: {@link #fit} (class means through one {@code Kernels.gemm} and the neuron labels),
 * {@link #fitOnePercent} (the 1 % stratified view, 600 samples gathered), {@link #predictAverage} and
 * {@link #predictMax} on all samples, {@link #evaluate} (both rules' accuracies, as the training code calls it).
 * Baseline {@link #sumFeatures}: one sequential pass over the feature matrix, about the memory-bandwidth floor of
 * anything that reads it.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DirectAssociationBenchmark -p threads=1,2}.
 */
public class DirectAssociationBenchmark extends XbarlabBenchmark {

    /** Number of samples (rows of the feature matrix). */
    @Param({"60000"})
    public int samples;

    /** Number of output neurons (columns). */
    @Param({"2000"})
    public int neurons;

    /** Threads of the {@code Kernels} facade. */
    @Param({"2"})
    public int threads;

    private static final int CLASSES = 10;

    private float[] features;
    private int[] labels;
    private LabeledFeatures all;
    private LabeledFeatures onePercent;
    private DirectAssociation association;

    /** Fills the features and labels from a fixed seed and fits once for the prediction variants. */
    @Setup(Level.Trial)
    public void setUp() {
        Kernels.setThreads(threads);
        UniformRandomProvider random = RngStreams.of(42L).stream("benchmarks/direct-association");
        features = new float[samples * neurons];
        RandomFill.uniform(random, features, 0, features.length, -0.5f, 1f);
        for (int i = 0; i < features.length; i++) {
            features[i] = Math.max(0f, features[i]);
        }
        labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        all = LabeledFeatures.of(features, labels, samples, neurons);
        onePercent = all.select(LabeledSubset.stratified(labels, CLASSES, 0.01, random));
        association = DirectAssociation.fit(all, CLASSES);
    }

    /**
     * Fit on all samples.
     *
     * @return the association
     */
    @Benchmark
    public DirectAssociation fit() {
        return DirectAssociation.fit(all, CLASSES);
    }

    /**
     * Fit on the 1 % stratified subset (a view: rows gathered in chunks).
     *
     * @return the association
     */
    @Benchmark
    public DirectAssociation fitOnePercent() {
        return DirectAssociation.fit(onePercent, CLASSES);
    }

    /**
     * Average rule on all samples.
     *
     * @return the predictions
     */
    @Benchmark
    public int[] predictAverage() {
        return association.predictAverage(all);
    }

    /**
     * Max rule on all samples.
     *
     * @return the predictions
     */
    @Benchmark
    public int[] predictMax() {
        return association.predictMax(all);
    }

    /**
     * Both rules' accuracies on all samples.
     *
     * @return the accuracies
     */
    @Benchmark
    public DirectAssociationResult evaluate() {
        return association.evaluate(all);
    }

    /**
     * Baseline: one sequential pass over the features, with eight independent partial sums so that the loop is
     * limited by memory bandwidth rather than by the latency of one chain of additions.
     *
     * @return their sum
     */
    @Benchmark
    public float sumFeatures() {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        int i = 0;
        for (; i + 7 < features.length; i += 8) {
            s0 += features[i];
            s1 += features[i + 1];
            s2 += features[i + 2];
            s3 += features[i + 3];
            s4 += features[i + 4];
            s5 += features[i + 5];
            s6 += features[i + 6];
            s7 += features[i + 7];
        }
        for (; i < features.length; i++) {
            s0 += features[i];
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    }
}
