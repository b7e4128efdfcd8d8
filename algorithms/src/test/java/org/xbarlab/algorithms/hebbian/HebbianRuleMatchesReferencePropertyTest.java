package org.xbarlab.algorithms.hebbian;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.core.random.RngStreams;

/**
 * The batched FastHebb form ({@link HebbianRule#delta}: matrix products through the sim-core kernels) equals the
 * per-sample form ({@link HebbianReference}, double precision) within float rounding, for every rule, over random
 * sizes, batches and seeds.
 *
 * <p>Tolerance: each element of {@code ΔW} is a sum of {@code M} terms plus (Sanger) {@code N·M} reconstruction terms,
 * each computed once in float (relative error about {@code 2^-24 ≈ 6e-8} per operation). A bound on the accumulated
 * error is {@code (M + N + D)·2^-24} times the sum of the absolute values of the terms, {@code scale} below. The
 * soft-WTA coefficients additionally pass through {@code exp(u/T)}, which turns an absolute error {@code ε·u/T} of the
 * exponent into a relative error of the same size: with {@code u ≤ 1} and {@code T ≥ 0.05} a factor of at most 20.
 * The assertion uses {@code 64·(M + N + D)·2^-24·scale}, comfortably above both.
 */
class HebbianRuleMatchesReferencePropertyTest extends XbarlabTestBase {

    private static final double FLOAT_EPSILON = 0x1.0p-24;

    @Property(tries = 60)
    void softWinnerTakeAllBatchedEqualsPerSample(@ForAll @IntRange(min = 1, max = 40) int inputs,
                                                 @ForAll @IntRange(min = 2, max = 30) int outputs,
                                                 @ForAll @IntRange(min = 1, max = 24) int batch,
                                                 @ForAll boolean weighted, @ForAll @LongRange long seed) {
        HebbianConfig config = HebbianConfig.softWinnerTakeAll().withLayerSizes(List.of(inputs, outputs))
                .withTemperature(0.05, weighted ? BatchAggregation.WEIGHTED : BatchAggregation.MEAN);
        check(config, inputs, outputs, batch, seed);
    }

    @Property(tries = 60)
    void sangerBatchedEqualsPerSample(@ForAll @IntRange(min = 1, max = 40) int inputs,
                                      @ForAll @IntRange(min = 1, max = 30) int outputs,
                                      @ForAll @IntRange(min = 1, max = 24) int batch,
                                      @ForAll boolean relu, @ForAll @LongRange long seed) {
        HebbianConfig config = HebbianConfig.sangerPca().withLayerSizes(List.of(inputs, outputs))
                .withActivation(relu ? Activation.RELU : Activation.IDENTITY);
        check(config, inputs, outputs, batch, seed);
    }

    @Property(tries = 60)
    void krotovHopfieldBatchedEqualsPerSample(@ForAll @IntRange(min = 1, max = 40) int inputs,
                                              @ForAll @IntRange(min = 2, max = 30) int outputs,
                                              @ForAll @IntRange(min = 1, max = 24) int batch,
                                              @ForAll @IntRange(min = 2, max = 7) int rank,
                                              @ForAll boolean cubic, @ForAll @LongRange long seed) {
        int k = Math.min(rank, outputs);
        HebbianConfig config = HebbianConfig.krotovHopfield().withLayerSizes(List.of(inputs, outputs))
                .withKrotov(cubic ? 3 : 2, k, 0.4, 1.0);
        check(config, inputs, outputs, batch, seed);
    }

    private static void check(HebbianConfig config, int inputs, int outputs, int batch, long seed) {
        UniformRandomProvider random = RngStreams.of(seed).stream("test/hebbian");
        float[] x = new float[batch * inputs];
        float[] w = new float[outputs * inputs];
        for (int k = 0; k < x.length; k++) {
            // Image-like inputs: non-negative, a third of them zero.
            x[k] = random.nextInt(3) == 0 ? 0f : random.nextFloat();
        }
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) (random.nextDouble() * 2 - 1) * 0.5f;
        }
        float[] forward = new float[batch * outputs];
        Kernels.gemm(Transpose.NO, Transpose.YES, batch, outputs, inputs, 1f, x, w, 0f, forward);
        HebbianRule rule = HebbianRule.create(config, inputs, outputs);
        float[] currents = new float[batch * outputs];
        rule.currents(x, forward, w, batch, currents);
        float[] batched = new float[outputs * inputs];
        rule.delta(x, currents, w, batch, batched);
        double[] reference = HebbianReference.delta(config, inputs, outputs, x, currents, w, batch);
        double scale = 0;
        for (int k = 0; k < reference.length; k++) {
            scale = Math.max(scale, Math.abs(reference[k]));
        }
        // The terms of one element are bounded by the largest |x|, |w|, reconstruction and coefficient products;
        // a loose but safe scale is the largest step element times the number of terms, plus the largest term size.
        double termScale = scale + termScale(x, w, currents, config, batch, inputs, outputs);
        double tolerance = 64 * (batch + outputs + inputs) * FLOAT_EPSILON * termScale;
        double worst = 0;
        for (int k = 0; k < reference.length; k++) {
            worst = Math.max(worst, Math.abs(batched[k] - reference[k]));
        }
        assertTrue(worst <= tolerance, config.rule() + ": largest difference " + worst + " above " + tolerance
                + " (D " + inputs + ", N " + outputs + ", M " + batch + ", seed " + seed + ")");
    }

    /** Sum over the batch of the largest absolute term of one element (an upper bound of the scale). */
    private static double termScale(float[] x, float[] w, float[] currents, HebbianConfig config, int batch,
                                    int inputs, int outputs) {
        double largestX = 0;
        for (float v : x) {
            largestX = Math.max(largestX, Math.abs(v));
        }
        double largestW = 0;
        for (float v : w) {
            largestW = Math.max(largestW, Math.abs(v));
        }
        double largestCurrent = 0;
        for (int k = 0; k < batch * outputs; k++) {
            largestCurrent = Math.max(largestCurrent, Math.abs(currents[k]));
        }
        return switch (config.rule()) {
            case SOFT_WTA -> largestX + largestW;
            case SANGER_PCA -> largestCurrent * (largestX + outputs * largestCurrent * largestW);
            // Normalized to a largest element of 1; the terms before normalization are at most M times larger
            // than the largest element only when they cancel, which the relative bound covers.
            case KROTOV_HOPFIELD -> batch;
        };
    }
}
