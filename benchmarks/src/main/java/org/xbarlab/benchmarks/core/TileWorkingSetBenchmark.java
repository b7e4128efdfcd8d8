package org.xbarlab.benchmarks.core;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;

/**
 * What a chip tile's product costs when its weights are in the core's cache and when they come from memory: the
 * {@code 16x256x256} product of {@code Kernels.gemmByRows} (one 256 × 256 tile at a batch of 16, the zero inputs
 * skipped), cycling through {@code tiles} distinct weight matrices of 256 KB each. One tile stays in the 1 MB L2
 * cache of this machine's cores; 64 tiles (16 MB) are one weight layout of the 2000 × 2000 layer of the
 * 784-2000-2000 network, and 128 tiles (32 MB) its two layouts, which equilibrium propagation reads once forward
 * and once transposed at every relaxation step. {@code density} is the fraction of non-zero inputs: about the
 * first (0.4) and second (0.2) hidden layers' states during that network's relaxation (docs/performance.md).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TileWorkingSetBenchmark}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TileWorkingSetBenchmark extends XbarlabBenchmark {

    private static final int BATCH = 16;
    private static final int SIZE = 256;

    /** Distinct 256 × 256 weight matrices the products cycle through. */
    @Param({"1", "16", "64", "128"})
    public int tiles;

    /** Fraction of non-zero elements of the inputs. */
    @Param({"0.4", "0.2"})
    public double density;

    private float[] inputs;
    private float[][][] weights;
    private float[] outputs;
    private int next;

    /** Draws the inputs and the weight matrices; one kernel thread (a chip's tiles run one per thread). */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        inputs = new float[BATCH * SIZE];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = random.nextDouble() < density ? (float) random.nextDouble() : 0f;
        }
        weights = new float[tiles][SIZE][SIZE];
        for (float[][] tile : weights) {
            for (float[] row : tile) {
                for (int j = 0; j < SIZE; j++) {
                    row[j] = (float) random.nextGaussian();
                }
            }
        }
        outputs = new float[BATCH * SIZE];
        Kernels.setThreads(1);
    }

    /** One tile's product, with the next tile's weights. */
    @Benchmark
    public float[] tileProduct() {
        float[][] tile = weights[next];
        next = next + 1 == tiles ? 0 : next + 1;
        Kernels.gemmByRows(BATCH, SIZE, SIZE, inputs, 0, SIZE, tile, outputs, 0, SIZE);
        return outputs;
    }
}
