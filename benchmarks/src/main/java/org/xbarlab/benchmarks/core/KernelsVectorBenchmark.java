package org.xbarlab.benchmarks.core;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * The matrix-vector products: {@code gemv} (MVM, both orientations) and {@code ger} (outer-product update) on an
 * {@code A} of {@code size} = rows×columns, on 1 and 2 threads. They set the gemv thresholds of
 * {@code OpenBlasKernelBackend} and show why {@code ger} stays in Java there (docs/adr/0001): from {@code float[]} a
 * native call must first copy {@code A}, and {@code ger} must also copy it back.
 *
 * <p>Variants: {@link #nativeSgemv} and {@link #nativeSger} (baselines: OpenBLAS on native memory allocated once,
 * OpenBLAS's own threading); {@link #facadeGemv}, {@link #facadeGemvTransposed} and {@link #facadeGer}
 * ({@code Kernels} with the OpenBLAS backend); {@link #javaGemv} and {@link #javaGemvTransposed} ({@code Kernels}
 * with the Java backend); {@link #javacppFloatArraysGemv} (JavaCPP's {@code float[]} overload, which copies
 * {@code A}, {@code x} and {@code y} in and out per call). Scores are microseconds per call. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar KernelsVectorBenchmark -rf json -rff target/jmh-vector.json}.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelsVectorBenchmark extends XbarlabBenchmark {

    /** Matrix shape rows×columns. */
    @Param({"32x32", "64x64", "256x256", "2000x2000"})
    public String size;

    /** Threads for the facade ({@code Kernels.setThreads}) and for OpenBLAS in the native baselines. */
    @Param({"1", "2"})
    public int threads;

    private int rows;
    private int columns;
    private float[] a;
    private float[] x;
    private float[] y;

    /** Parses the size and fills the operands with uniform values in [-1, 1) from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        rows = Integer.parseInt(parts[0]);
        columns = Integer.parseInt(parts[1]);
        SplittableRandom random = new SplittableRandom(42L);
        a = new float[rows * columns];
        x = new float[Math.max(rows, columns)];
        y = new float[Math.max(rows, columns)];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (2 * random.nextDouble() - 1);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * random.nextDouble() - 1);
            y[i] = (float) (2 * random.nextDouble() - 1);
        }
        Kernels.setThreads(threads);
    }

    /** Native copies of the operands for the baselines, allocated once. */
    @State(Scope.Benchmark)
    public static class NativeOperands {
        FloatPointer a;
        FloatPointer x;
        FloatPointer y;

        /**
         * Copies the operands once and sets OpenBLAS's own thread count.
         *
         * @param benchmark the shared operands
         */
        @Setup(Level.Trial)
        public void setUp(KernelsVectorBenchmark benchmark) {
            a = new FloatPointer(benchmark.a);
            x = new FloatPointer(benchmark.x);
            y = new FloatPointer(benchmark.y);
            openblas_nolapack.blas_set_num_threads(benchmark.threads);
        }

        /** Frees the native memory. */
        @TearDown(Level.Trial)
        public void tearDown() {
            a.close();
            x.close();
            y.close();
        }
    }

    /**
     * Baseline: {@code cblas_sgemv} (no transpose) on native memory.
     *
     * @param operands native operands
     * @return the native output
     */
    @Benchmark
    public FloatPointer nativeSgemv(NativeOperands operands) {
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, rows, columns,
                1f, operands.a, columns, operands.x, 1, 0f, operands.y, 1);
        return operands.y;
    }

    /**
     * Baseline: {@code cblas_sger} on native memory.
     *
     * @param operands native operands
     * @return the native output
     */
    @Benchmark
    public FloatPointer nativeSger(NativeOperands operands) {
        openblas_nolapack.cblas_sger(openblas_nolapack.CblasRowMajor, rows, columns, 1e-3f, operands.x, 1,
                operands.y, 1, operands.a, columns);
        return operands.a;
    }

    /** Selects the OpenBLAS facade backend before the trial. */
    @State(Scope.Benchmark)
    public static class OpenBlasBackend {
        /** Selects the backend. */
        @Setup(Level.Trial)
        public void setUp() {
            Kernels.setBackend(Kernels.OPENBLAS);
        }
    }

    /** Selects the Java facade backend before the trial. */
    @State(Scope.Benchmark)
    public static class JavaBackend {
        /** Selects the backend. */
        @Setup(Level.Trial)
        public void setUp() {
            Kernels.setBackend(Kernels.JAVA);
        }
    }

    /**
     * {@code y = A·x} through the facade, OpenBLAS backend.
     *
     * @param backend selects the backend
     * @return y
     */
    @Benchmark
    public float[] facadeGemv(OpenBlasBackend backend) {
        Kernels.gemv(Transpose.NO, rows, columns, 1f, a, 0, columns, x, 0, 0f, y, 0);
        return y;
    }

    /**
     * {@code y = Aᵀ·x} through the facade, OpenBLAS backend.
     *
     * @param backend selects the backend
     * @return y
     */
    @Benchmark
    public float[] facadeGemvTransposed(OpenBlasBackend backend) {
        Kernels.gemv(Transpose.YES, rows, columns, 1f, a, 0, columns, x, 0, 0f, y, 0);
        return y;
    }

    /**
     * {@code A = A + 0.001·x·yᵀ} through the facade, OpenBLAS backend (which runs ger in Java).
     *
     * @param backend selects the backend
     * @return A
     */
    @Benchmark
    public float[] facadeGer(OpenBlasBackend backend) {
        Kernels.ger(rows, columns, 1e-3f, x, 0, y, 0, a, 0, columns);
        return a;
    }

    /**
     * {@code y = A·x} through the facade, Java backend.
     *
     * @param backend selects the backend
     * @return y
     */
    @Benchmark
    public float[] javaGemv(JavaBackend backend) {
        Kernels.gemv(Transpose.NO, rows, columns, 1f, a, 0, columns, x, 0, 0f, y, 0);
        return y;
    }

    /**
     * {@code y = Aᵀ·x} through the facade, Java backend.
     *
     * @param backend selects the backend
     * @return y
     */
    @Benchmark
    public float[] javaGemvTransposed(JavaBackend backend) {
        Kernels.gemv(Transpose.YES, rows, columns, 1f, a, 0, columns, x, 0, 0f, y, 0);
        return y;
    }

    /**
     * JavaCPP's {@code float[]} overload of {@code cblas_sgemv}, copies included.
     *
     * @param operands sets OpenBLAS's thread count (its native memory is not used)
     * @return y
     */
    @Benchmark
    public float[] javacppFloatArraysGemv(NativeOperands operands) {
        openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, rows, columns,
                1f, a, columns, x, 1, 0f, y, 1);
        return y;
    }
}
