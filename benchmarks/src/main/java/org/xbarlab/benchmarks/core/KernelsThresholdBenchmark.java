package org.xbarlab.benchmarks.core;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * Small and thin products {@code C = A·B} (shape m×k×n), which set the size thresholds of the kernels
 * (docs/adr/0001):
 * <ul>
 *   <li>{@code OpenBlasKernelBackend.DEFAULT_MIN_ROWS} and {@code DEFAULT_MIN_DEPTH}: the smallest m and k at
 *       which {@link #openBlasGemm} (forced to OpenBLAS for every shape through the system properties
 *       {@code xbarlab.kernels.openblas.minRows=0} and {@code minDepth=0}) becomes faster than {@link #javaGemm};</li>
 *   <li>{@code JavaKernelBackend.PARALLEL_MIN_MULTIPLY_ADDS}: where {@link #javaGemm} on 2 threads becomes faster
 *       than on 1.</li>
 * </ul>
 * The baseline is {@link #javaGemm} on one thread. Scores are microseconds per call. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar KernelsThresholdBenchmark -rf json -rff target/jmh-threshold.json}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "--enable-native-access=ALL-UNNAMED",
        "-Dxbarlab.kernels.openblas.minRows=0",
        "-Dxbarlab.kernels.openblas.minDepth=0"})
public class KernelsThresholdBenchmark extends XbarlabBenchmark {

    /**
     * Product shape m×k×n: cubes around the size threshold, thin products (batches of 1 to 64 through a 784×2000
     * layer, a 2000×784 layer with 16 outputs) and shallow ones (depth 8 and 32, like small rank-k updates).
     */
    @Param({"16x16x16", "32x32x32", "64x64x64", "128x128x128", "1x784x2000", "16x784x2000", "32x784x2000",
            "64x784x2000", "256x8x2000", "256x32x2000", "2000x784x16"})
    public String shape;

    /** Threads for {@code Kernels.setThreads}. */
    @Param({"1", "2"})
    public int threads;

    private int rows;
    private int depth;
    private int columns;
    private float[] a;
    private float[] b;
    private float[] c;

    /** Parses the shape and fills A and B with uniform values in [-1, 1) from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split("x");
        rows = Integer.parseInt(parts[0]);
        depth = Integer.parseInt(parts[1]);
        columns = Integer.parseInt(parts[2]);
        SplittableRandom random = new SplittableRandom(42L);
        a = new float[rows * depth];
        b = new float[depth * columns];
        c = new float[rows * columns];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (2 * random.nextDouble() - 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (2 * random.nextDouble() - 1);
        }
        Kernels.setThreads(threads);
    }

    /** Selects the plain-Java backend before the trial. */
    @State(Scope.Benchmark)
    public static class JavaBackend {
        /** Selects the backend. */
        @Setup(Level.Trial)
        public void setUp() {
            Kernels.setBackend(Kernels.JAVA);
        }
    }

    /** Selects the OpenBLAS backend before the trial. */
    @State(Scope.Benchmark)
    public static class OpenBlasBackend {
        /** Selects the backend. */
        @Setup(Level.Trial)
        public void setUp() {
            Kernels.setBackend(Kernels.OPENBLAS);
        }
    }

    /**
     * Baseline (on one thread): the plain-Java backend.
     *
     * @param backend selects the backend
     * @return C
     */
    @Benchmark
    public float[] javaGemm(JavaBackend backend) {
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, depth, 1f, a, b, 0f, c);
        return c;
    }

    /**
     * The OpenBLAS backend with no size threshold: JNI call, staging copies and tiles even for tiny products.
     *
     * @param backend selects the backend
     * @return C
     */
    @Benchmark
    public float[] openBlasGemm(OpenBlasBackend backend) {
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, depth, 1f, a, b, 0f, c);
        return c;
    }
}
