package org.xbarlab.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared JMH settings of the xbarlab benchmarks (STYLE.md B9): average time per call in milliseconds, 3 warmup and
 * 5 measured iterations of 2 s, one fork with a fixed heap. Subclasses override an annotation where their family
 * needs it and say why.
 *
 * <p>{@code --enable-native-access=ALL-UNNAMED} keeps JDK 24+ from warning when JavaCPP loads OpenBLAS; JDK 17
 * accepts the flag too.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public abstract class XbarlabBenchmark {
}
