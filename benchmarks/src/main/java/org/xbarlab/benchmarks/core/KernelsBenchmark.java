package org.xbarlab.benchmarks.core;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.xbarlab.benchmarks.XbarlabBenchmark;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * Float32 matrix products {@code C = A·B} ({@code A} is m×k, {@code B} is k×n, all row-major) for the shapes of
 * docs/adr/0001: {@code 256x784x2000} (a batch of 256 MNIST-sized inputs through a 784×2000 layer) and
 * {@code 2000x2000x2000}, each on 1 and 2 threads.
 *
 * <p>Variants:
 * <ul>
 *   <li>{@link #nativeSgemm} (baseline, "native sgemm in the same run"): OpenBLAS {@code cblas_sgemm} on native
 *       memory allocated once in setup, no copies, OpenBLAS's own threading with {@code threads} threads;</li>
 *   <li>{@link #facadeOpenBlas} and {@link #facadeJava}: {@code Kernels.gemm} on {@code float[]} with each
 *       backend, {@code Kernels.setThreads(threads)};</li>
 *   <li>{@link #facadeOpenBlasTransposedB}: the batched-MVM layout {@code C = A·Bᵀ} with B stored n×k;</li>
 *   <li>{@link #javacppFloatArrays}: JavaCPP's {@code float[]} overload of {@code cblas_sgemm}, which copies all
 *       three arrays in and out on every call (the design the facade avoids);</li>
 *   <li>{@link #ejml}: EJML {@code CommonOps_FDRM.mult}, single-threaded, the reference of the tests.</li>
 * </ul>
 *
 * <p>JMH's primary score is calls per second; the secondary {@code gigaflops} score is GFLOP/s, counting
 * 2·m·n·k floating-point operations per call. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar KernelsBenchmark -rf json -rff target/jmh-kernels.json}.
 */
@BenchmarkMode(Mode.Throughput) // so that the gigaflops counter is reported per second
@OutputTimeUnit(TimeUnit.SECONDS)
public class KernelsBenchmark extends XbarlabBenchmark {

    /** Product shape m×k×n. */
    @Param({"256x784x2000", "2000x2000x2000"})
    public String shape;

    /** Threads for the facade ({@code Kernels.setThreads}) and for OpenBLAS in the native baseline. */
    @Param({"1", "2"})
    public int threads;

    private int rows;
    private int depth;
    private int columns;
    private double gigaflopsPerCall;
    private float[] a;
    private float[] b;
    private float[] bTransposed;
    private float[] c;

    /**
     * Floating-point work done, reported by JMH per second of measured time, that is in GFLOP/s.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        /** Billions of floating-point operations in the current iteration. */
        public double gigaflops;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            gigaflops = 0;
        }
    }

    /** Native copies of the operands for {@link #nativeSgemm}, allocated once, never copied during measurement. */
    @State(Scope.Benchmark)
    public static class NativeOperands {
        FloatPointer a;
        FloatPointer b;
        FloatPointer c;

        /**
         * Copies the operands once and sets OpenBLAS's own thread count.
         *
         * @param benchmark the shared operands
         */
        @Setup(Level.Trial)
        public void setUp(KernelsBenchmark benchmark) {
            a = new FloatPointer(benchmark.a);
            b = new FloatPointer(benchmark.b);
            c = new FloatPointer((long) benchmark.rows * benchmark.columns);
            openblas_nolapack.blas_set_num_threads(benchmark.threads);
        }

        /** Frees the native memory. */
        @TearDown(Level.Trial)
        public void tearDown() {
            a.close();
            b.close();
            c.close();
        }
    }

    /** EJML copies of the operands for {@link #ejml}. */
    @State(Scope.Benchmark)
    public static class EjmlOperands {
        FMatrixRMaj a;
        FMatrixRMaj b;
        FMatrixRMaj c;

        /**
         * Wraps the operands.
         *
         * @param benchmark the shared operands
         */
        @Setup(Level.Trial)
        public void setUp(KernelsBenchmark benchmark) {
            a = FMatrixRMaj.wrap(benchmark.rows, benchmark.depth, benchmark.a.clone());
            b = FMatrixRMaj.wrap(benchmark.depth, benchmark.columns, benchmark.b.clone());
            c = new FMatrixRMaj(benchmark.rows, benchmark.columns);
        }
    }

    /** Parses the shape and fills A and B with uniform values in [-1, 1) from a fixed seed. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split("x");
        rows = Integer.parseInt(parts[0]);
        depth = Integer.parseInt(parts[1]);
        columns = Integer.parseInt(parts[2]);
        gigaflopsPerCall = 2.0 * rows * columns * depth * 1e-9;
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
        bTransposed = new float[b.length];
        for (int p = 0; p < depth; p++) {
            for (int j = 0; j < columns; j++) {
                bTransposed[j * depth + p] = b[p * columns + j];
            }
        }
    }

    /**
     * Baseline: {@code cblas_sgemm} on native memory, with OpenBLAS's own threading.
     *
     * @param operands native operands
     * @param work GFLOP counter
     * @return the native output
     */
    @Benchmark
    public FloatPointer nativeSgemm(NativeOperands operands, Work work) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, rows, columns, depth, 1f, operands.a, depth, operands.b, columns,
                0f, operands.c, columns);
        work.gigaflops += gigaflopsPerCall;
        return operands.c;
    }

    /**
     * The facade with the OpenBLAS backend, on {@code float[]}.
     *
     * @param backend selects the backend and thread count
     * @param work GFLOP counter
     * @return C
     */
    @Benchmark
    public float[] facadeOpenBlas(OpenBlasFacade backend, Work work) {
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, depth, 1f, a, b, 0f, c);
        work.gigaflops += gigaflopsPerCall;
        return c;
    }

    /**
     * The facade with the OpenBLAS backend, {@code C = A·Bᵀ} (batched MVM with weights stored outputs × inputs).
     *
     * @param backend selects the backend and thread count
     * @param work GFLOP counter
     * @return C
     */
    @Benchmark
    public float[] facadeOpenBlasTransposedB(OpenBlasFacade backend, Work work) {
        Kernels.gemm(Transpose.NO, Transpose.YES, rows, columns, depth, 1f, a, bTransposed, 0f, c);
        work.gigaflops += gigaflopsPerCall;
        return c;
    }

    /**
     * The facade with the plain-Java backend, on {@code float[]}.
     *
     * @param backend selects the backend and thread count
     * @param work GFLOP counter
     * @return C
     */
    @Benchmark
    public float[] facadeJava(JavaFacade backend, Work work) {
        Kernels.gemm(Transpose.NO, Transpose.NO, rows, columns, depth, 1f, a, b, 0f, c);
        work.gigaflops += gigaflopsPerCall;
        return c;
    }

    /**
     * JavaCPP's {@code float[]} overload of {@code cblas_sgemm} (copies A, B and C in and out per call), with
     * OpenBLAS's own threading.
     *
     * @param nativeThreads sets OpenBLAS's thread count
     * @param work GFLOP counter
     * @return C
     */
    @Benchmark
    public float[] javacppFloatArrays(NativeThreads nativeThreads, Work work) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, rows, columns, depth, 1f, a, depth, b, columns, 0f, c, columns);
        work.gigaflops += gigaflopsPerCall;
        return c;
    }

    /**
     * EJML {@code CommonOps_FDRM.mult} (single-threaded whatever {@code threads} says).
     *
     * @param operands EJML operands
     * @param work GFLOP counter
     * @return C
     */
    @Benchmark
    public FMatrixRMaj ejml(EjmlOperands operands, Work work) {
        CommonOps_FDRM.mult(operands.a, operands.b, operands.c);
        work.gigaflops += gigaflopsPerCall;
        return operands.c;
    }

    /** Selects the OpenBLAS facade backend and the thread count. */
    @State(Scope.Benchmark)
    public static class OpenBlasFacade {
        /**
         * Selects the backend.
         *
         * @param benchmark the parameters
         */
        @Setup(Level.Trial)
        public void setUp(KernelsBenchmark benchmark) {
            Kernels.setBackend(Kernels.OPENBLAS);
            Kernels.setThreads(benchmark.threads);
        }
    }

    /** Selects the Java facade backend and the thread count. */
    @State(Scope.Benchmark)
    public static class JavaFacade {
        /**
         * Selects the backend.
         *
         * @param benchmark the parameters
         */
        @Setup(Level.Trial)
        public void setUp(KernelsBenchmark benchmark) {
            Kernels.setBackend(Kernels.JAVA);
            Kernels.setThreads(benchmark.threads);
        }
    }

    /** Sets OpenBLAS's own thread count for the JavaCPP {@code float[]} variant. */
    @State(Scope.Benchmark)
    public static class NativeThreads {
        /**
         * Sets the thread count.
         *
         * @param benchmark the parameters
         */
        @Setup(Level.Trial)
        public void setUp(KernelsBenchmark benchmark) {
            openblas_nolapack.blas_set_num_threads(benchmark.threads);
        }
    }
}
