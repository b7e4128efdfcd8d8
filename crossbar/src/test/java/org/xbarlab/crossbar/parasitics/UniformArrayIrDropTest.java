package org.xbarlab.crossbar.parasitics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

class UniformArrayIrDropTest extends XbarlabTestBase {

    private static UniformArrayIrDropConfig config(int rows, int columns, double wire, double g,
                                                   IrDropInputPattern input, IrDropMethod method) {
        return new UniformArrayIrDropConfig(rows, columns, g, input,
                new IrDropConfig(IrDropCircuitConfig.uniformWires(wire), IrDropSolverConfig.defaults())
                        .withMethod(method));
    }

    @Test
    void oneByOneReportsMinusTwoROverRPlusTwoR() {
        UniformArrayIrDropResult result = UniformArrayIrDrop.run(
                config(1, 1, 2.0, 1e-4, IrDropInputPattern.ONES, IrDropMethod.EXACT), RngStreams.of(TEST_SEED));
        double expected = -2 * 2.0 / (1e4 + 2 * 2.0);
        assertEquals(expected, result.columnRelativeError()[0], 1e-15);
        assertEquals(expected, result.worstRelativeError(), 1e-15);
        assertEquals(expected, result.meanRelativeError(), 1e-15);
        assertEquals(2.0 * 1e-4, result.wireToDeviceResistanceRatio(), 1e-18);
        assertTrue(result.setupSeconds() >= 0 && result.solveSeconds() >= 0);
    }

    @Test
    void worstIsTheLargestLossAndColumnsFartherFromTheDriversLoseMore() {
        UniformArrayIrDropResult result = UniformArrayIrDrop.run(
                config(32, 32, 1, 1e-4, IrDropInputPattern.ONES, IrDropMethod.EXACT), RngStreams.of(TEST_SEED));
        double[] error = result.columnRelativeError();
        for (int j = 1; j < error.length; j++) {
            assertTrue(error[j] < error[j - 1], "column " + j);
        }
        assertEquals(error[31], result.worstRelativeError());
        assertTrue(result.meanRelativeError() > result.worstRelativeError());
    }

    @Test
    void fastAndExactAgreeOnASmallDropAndRandomInputIsReproducible() {
        RngStreams streams = RngStreams.of(TEST_SEED);
        UniformArrayIrDropResult exact = UniformArrayIrDrop.run(
                config(48, 40, 0.5, 2e-5, IrDropInputPattern.RANDOM, IrDropMethod.EXACT), streams);
        UniformArrayIrDropResult fast = UniformArrayIrDrop.run(
                config(48, 40, 0.5, 2e-5, IrDropInputPattern.RANDOM, IrDropMethod.FAST), streams);
        assertArrayEquals(exact.columnRelativeError(), fast.columnRelativeError(), 1e-5);
        UniformArrayIrDropResult again = UniformArrayIrDrop.run(
                config(48, 40, 0.5, 2e-5, IrDropInputPattern.RANDOM, IrDropMethod.EXACT), RngStreams.of(TEST_SEED));
        assertArrayEquals(exact.columnRelativeError(), again.columnRelativeError(), 0.0);
        UniformArrayIrDropResult otherSeed = UniformArrayIrDrop.run(
                config(48, 40, 0.5, 2e-5, IrDropInputPattern.RANDOM, IrDropMethod.EXACT), RngStreams.of(1));
        assertNotEquals(exact.meanRelativeError(), otherSeed.meanRelativeError());
    }

    @Test
    void aihwkitHeuristicRunsAndIsLabeled() {
        UniformArrayIrDropResult result = UniformArrayIrDrop.run(
                config(16, 16, 1, 1e-5, IrDropInputPattern.ONES, IrDropMethod.AIHWKIT_HEURISTIC),
                RngStreams.of(TEST_SEED));
        assertEquals(IrDropMethod.AIHWKIT_HEURISTIC, result.method());
        assertTrue(result.worstRelativeError() < 0);
    }

    @Test
    void invalidSizesAndConductancesNameTheField() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> config(0, 4, 1, 1e-5, IrDropInputPattern.ONES, IrDropMethod.EXACT));
        assertTrue(rows.getMessage().startsWith("rowCount"), rows.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> config(4, 4, 1, 0, IrDropInputPattern.ONES, IrDropMethod.EXACT));
        assertTrue(g.getMessage().startsWith("conductanceSiemens must be positive"), g.getMessage());
    }
}
