package org.xbarlab.benchmarks.algorithms;

import org.apache.commons.rng.UniformRandomProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.xbarlab.algorithms.evaluation.LabeledFeatures;
import org.xbarlab.algorithms.evaluation.LinearClassifier;
import org.xbarlab.algorithms.evaluation.LinearClassifierConfig;
import org.xbarlab.algorithms.evaluation.LinearClassifierResult;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;

/**
 * One epoch of the seed paper's linear classifier ({@link LinearClassifierConfig#defaults()}: dropout 0.2, batch
 * 256, Adam) on {@code samples × features} inputs: 60 000 × 784 (raw MNIST pixels) and 60 000 × 2 000 (the
 * one-layer network's outputs), 10 classes, without a test set. A full evaluation is 50 such epochs (EP: 100 epochs
 * of batch 512). Baseline {@link #oneEpochWithoutDropout}: the same epoch with dropout 0, which skips the mask's
 * random numbers.
 *
 * <p>An epoch takes about a second, so warm-up and measurement iterations are longer than the family default.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar LinearClassifierBenchmark}.
 */
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class LinearClassifierBenchmark extends XbarlabBenchmark {

    /** Number of training samples. */
    @Param({"60000"})
    public int samples;

    /** Features per sample. */
    @Param({"784", "2000"})
    public int features;

    /** Threads of the {@code Kernels} facade. */
    @Param({"2"})
    public int threads;

    private static final int CLASSES = 10;

    private LabeledFeatures train;

    /** Fills features in [0, 1) and labels from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        Kernels.setThreads(threads);
        UniformRandomProvider random = RngStreams.of(42L).stream("benchmarks/linear-classifier");
        float[] x = new float[samples * features];
        RandomFill.uniform(random, x, 0, x.length, 0f, 1f);
        int[] labels = new int[samples];
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        train = LabeledFeatures.of(x, labels, samples, features);
    }

    /**
     * One epoch with the paper's BP setting.
     *
     * @return the result
     */
    @Benchmark
    public LinearClassifierResult oneEpoch() {
        RngStreams streams = RngStreams.of(7L);
        return LinearClassifier.train(train, null, CLASSES, LinearClassifierConfig.defaults().withEpochs(1),
                streams.stream("benchmarks/shuffle"), streams.stream("benchmarks/dropout"), Progress.NONE);
    }

    /**
     * Baseline: one epoch without dropout.
     *
     * @return the result
     */
    @Benchmark
    public LinearClassifierResult oneEpochWithoutDropout() {
        RngStreams streams = RngStreams.of(7L);
        return LinearClassifier.train(train, null, CLASSES,
                LinearClassifierConfig.defaults().withEpochs(1).withDropoutFraction(0),
                streams.stream("benchmarks/shuffle"), streams.stream("benchmarks/dropout"), Progress.NONE);
    }
}
