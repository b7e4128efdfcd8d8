package org.xbarlab.crossbar.parasitics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * Measures the wall-clock cost of each IR-drop method (the cost table of {@code docs/ir-drop.md}):
 * {@code mvn -B -o -pl crossbar test -Pslow -Dtest=IrDropCostTableTest}; writes
 * {@code crossbar/target/ir-drop/cost-table.md}. Each figure is the minimum over repetitions after a warm-up, so
 * that JIT compilation and other processes on the machine inflate it as little as possible.
 */
@Tag("slow")
class IrDropCostTableTest extends XbarlabTestBase {

    private static double minimumSeconds(Runnable work, int repetitions) {
        work.run();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repetitions; r++) {
            long started = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - started) * 1e-9);
        }
        return best;
    }

    @Test
    void writesTheCostTable() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Load average before the run: %.2f on %d processors; kernels: %s%n%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), Kernels.backendName()));
        table.append("| M = N | batch | ideal product (s/vector) | fast, 1 sweep | fast, 3 sweeps | fast, 10 sweeps "
                + "| aihwkit heuristic | exact factor (s, once) | exact solve (s/vector) | nnz(L) |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|\n");
        double wire = 1e-5 / 1e-5;
        IrDropCircuitConfig circuit = IrDropCircuitConfig.uniformWires(wire);
        for (int size : new int[] {64, 128, 256}) {
            float[] g = new float[size * size];
            Arrays.fill(g, 1e-5f);
            double[] gDouble = new double[size * size];
            Arrays.fill(gDouble, 1e-5);
            double[] ones = new double[size];
            Arrays.fill(ones, 1.0);
            double[] currents = new double[size];
            ExactIrDropSolver[] solver = new ExactIrDropSolver[1];
            double factor = minimumSeconds(() -> solver[0] = ExactIrDropSolver.factor(size, size, gDouble, circuit),
                    2);
            double solve = minimumSeconds(() -> solver[0].columnCurrents(ones, currents), 5);
            for (int batch : new int[] {1, 64}) {
                float[] x = new float[size * batch];
                Arrays.fill(x, 1f);
                float[] out = new float[size * batch];
                int repetitions = batch == 1 ? 20 : 5;
                double ideal = minimumSeconds(() -> Kernels.gemm(Transpose.NO, Transpose.NO, batch, size, size, 1f,
                        x, g, 0f, out), repetitions) / batch;
                double[] fast = new double[3];
                int[] sweeps = {1, 3, 10};
                for (int s = 0; s < sweeps.length; s++) {
                    FastIrDropModel model = new FastIrDropModel(circuit, sweeps[s]);
                    fast[s] = minimumSeconds(() -> model.columnCurrents(g, size, size, x, batch, out), repetitions)
                            / batch;
                }
                AihwkitIrDropHeuristic heuristic = new AihwkitIrDropHeuristic(wire);
                double aihwkit = minimumSeconds(() -> heuristic.columnCurrents(g, size, size, x, batch, out),
                        repetitions) / batch;
                table.append(String.format(Locale.ROOT, "| %d | %d | %.2e | %.2e | %.2e | %.2e | %.2e | %.2f | %.3f "
                                + "| %d |%n", size, batch, ideal, fast[0], fast[1], fast[2], aihwkit, factor, solve,
                        solver[0].factorNonZeroCount()));
            }
        }
        Path out = Path.of("target", "ir-drop", "cost-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
        assertTrue(Files.size(out) > 0);
    }
}
