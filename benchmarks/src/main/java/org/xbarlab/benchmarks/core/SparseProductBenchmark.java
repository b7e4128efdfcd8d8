package org.xbarlab.benchmarks.core;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * The training batch's products with sparse inputs: {@code Kernels.gemmByRows} (B by rows, the zero inputs
 * skipped) against {@code Kernels.gemm} on the same matrix stored row-major (every input multiplied), both giving
 * the same bits. Shapes: {@code 16x256x256}, one tile of a chip at a batch of 16, and {@code 16x2000x2000}, the
 * second layer of the 784-2000-2000 network with exact weights. {@code density} is the fraction of non-zero inputs:
 * 1 (dense), 0.45 and 0.15, about the first and second hidden layers' states during equilibrium propagation
 * (measured on the 784-2000-2000 run of docs/performance.md), and 0.15 is also about an MNIST image after dropout.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SparseProductBenchmark -p threads=2}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SparseProductBenchmark extends XbarlabBenchmark {

    /** Product shape m×k×n (batch × inputs × outputs). */
    @Param({"16x256x256", "16x2000x2000"})
    public String shape;

    /** Fraction of non-zero elements of the input A. */
    @Param({"1.0", "0.45", "0.15"})
    public double density;

    /** Kernel threads. */
    @Param({"1", "2"})
    public int threads;

    private int rows;
    private int depth;
    private int columns;
    private float[] a;
    private float[][] bRows;
    private float[] b;
    private float[] c;

    /** Draws the operands. */
    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        rows = Integer.parseInt(parts[0]);
        depth = Integer.parseInt(parts[1]);
        columns = Integer.parseInt(parts[2]);
        SplittableRandom random = new SplittableRandom(1);
        a = new float[rows * depth];
        for (int k = 0; k < a.length; k++) {
            a[k] = random.nextDouble() < density ? (float) random.nextDouble() : 0f;
        }
        bRows = new float[depth][columns];
        b = new float[depth * columns];
        for (int p = 0; p < depth; p++) {
            for (int j = 0; j < columns; j++) {
                bRows[p][j] = (float) random.nextGaussian();
                b[p * columns + j] = bRows[p][j];
            }
        }
        c = new float[rows * columns];
        Kernels.setThreads(threads);
    }

    /** The product by rows, skipping the zero inputs. */
    @Benchmark
    public float[] byRows() {
        Kernels.gemmByRows(rows, columns, depth, a, 0, depth, bRows, c, 0, columns);
        return c;
    }

    /** The dense product on B stored row-major. */
    @Benchmark
    public float[] dense() {
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, depth, 1f, a, 0, depth, b, 0, columns, 0f, c, 0,
                columns);
        return c;
    }
}
