package org.xbarlab.crossbar.parasitics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;

class IrDropConfigTest extends XbarlabTestBase {

    @Test
    void defaultsAreTheDocumentedValues() {
        IrDropConfig config = IrDropConfig.defaults();
        assertEquals(0.15, config.circuit().rowWireSegmentResistanceOhms());
        assertEquals(0.15, config.circuit().columnWireSegmentResistanceOhms());
        assertEquals(0.0, config.circuit().driverResistanceOhms());
        assertEquals(0.0, config.circuit().virtualGroundResistanceOhms());
        assertEquals(IrDropMethod.FAST, config.solver().method());
        assertEquals(3, config.solver().fastSweepCount());
        assertEquals(1e-10, config.solver().exactResidualToleranceRelative());
    }

    @Property(tries = 50)
    void roundTripsThroughJson(@ForAll @DoubleRange(min = 0, max = 100) double row,
                               @ForAll @DoubleRange(min = 0, max = 100) double column,
                               @ForAll @DoubleRange(min = 0, max = 1e4) double driver,
                               @ForAll @DoubleRange(min = 0, max = 1e4) double ground,
                               @ForAll IrDropMethod method, @ForAll @IntRange(min = 1, max = 1000) int sweeps) {
        IrDropConfig config = new IrDropConfig(new IrDropCircuitConfig(row, column, driver, ground),
                new IrDropSolverConfig(method, sweeps, 1e-9));
        String json = ConfigMapper.writeJson(config);
        assertEquals(config, ConfigMapper.readString(json, ConfigMapper.Format.JSON, IrDropConfig.class, List.of()));
    }

    @Test
    void jsonUsesTheStableMethodNamesAndFillsAMissingSolver() {
        String json = ConfigMapper.writeJson(IrDropConfig.defaults().withMethod(IrDropMethod.AIHWKIT_HEURISTIC));
        assertTrue(json.contains("\"aihwkit-heuristic\""), json);
        IrDropConfig read = ConfigMapper.readString("{\"circuit\": {\"rowWireSegmentResistanceOhms\": 1, "
                + "\"columnWireSegmentResistanceOhms\": 2, \"driverResistanceOhms\": 0, "
                + "\"virtualGroundResistanceOhms\": 0}}", ConfigMapper.Format.JSON, IrDropConfig.class, List.of());
        assertEquals(IrDropSolverConfig.defaults(), read.solver());
        assertEquals(2.0, read.circuit().columnWireSegmentResistanceOhms());
    }

    @Test
    void invalidValuesNameTheFieldWithItsUnit() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new IrDropCircuitConfig(0.1, -0.2, 0, 0));
        assertEquals("columnWireSegmentResistanceOhms must be non-negative and finite, got -0.2 Ω",
                negative.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new IrDropCircuitConfig(0.1, 0.1, Double.NaN, 0));
        assertTrue(nan.getMessage().startsWith("driverResistanceOhms"), nan.getMessage());
        IllegalArgumentException sweeps = assertThrows(IllegalArgumentException.class,
                () -> IrDropSolverConfig.defaults().withFastSweepCount(0));
        assertTrue(sweeps.getMessage().startsWith("fastSweepCount must be in [1, 1000]"), sweeps.getMessage());
        IllegalArgumentException tolerance = assertThrows(IllegalArgumentException.class,
                () -> IrDropSolverConfig.defaults().withExactResidualToleranceRelative(0.5));
        assertTrue(tolerance.getMessage().startsWith("exactResidualToleranceRelative"), tolerance.getMessage());
        ConfigException fromFile = assertThrows(ConfigException.class, () -> ConfigMapper.readString(
                "{\"circuit\": {\"rowWireSegmentResistanceOhms\": -1, \"columnWireSegmentResistanceOhms\": 0, "
                        + "\"driverResistanceOhms\": 0, \"virtualGroundResistanceOhms\": 0}}",
                ConfigMapper.Format.JSON, IrDropConfig.class, List.of()));
        assertTrue(fromFile.getMessage().contains("rowWireSegmentResistanceOhms"), fromFile.getMessage());
    }

    @Test
    void methodAndInputNamesParseAndListTheAllowedValues() {
        assertEquals(IrDropMethod.EXACT, IrDropMethod.fromId("exact"));
        assertEquals(IrDropMethod.FAST, IrDropMethod.fromId("FAST"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> IrDropMethod.fromId("spice"));
        assertTrue(unknown.getMessage().contains("exact, fast, aihwkit-heuristic"), unknown.getMessage());
        assertEquals(IrDropInputPattern.RANDOM, IrDropInputPattern.fromId("random"));
        assertThrows(IllegalArgumentException.class, () -> IrDropInputPattern.fromId("zeros"));
    }

    @Test
    void transposedCircuitSwapsRolesAndTransposedReadMatchesTheMirroredNetwork() {
        IrDropCircuitConfig circuit = new IrDropCircuitConfig(1, 2, 30, 40);
        assertEquals(new IrDropCircuitConfig(2, 1, 40, 30), circuit.transposed());
        assertEquals(circuit, circuit.transposed().transposed());
        assertTrue(IrDropCircuitConfig.uniformWires(0).isIdeal());

        // The physical array read forwards equals the canonical circuit ...
        java.util.SplittableRandom random = new java.util.SplittableRandom(TEST_SEED);
        int rows = 5;
        int columns = 4;
        double[] g = IrDropReference.uniform(random, rows * columns, 0, 1e-2);
        double[] v = IrDropReference.uniform(random, rows, -1, 1);
        double[] forward = IrDropReference.physicalRead(rows, columns, g, 1, 2, 30, 40, v, true);
        double[] canonical = ExactIrDropSolver.factor(rows, columns, g, circuit).solve(v).columnCurrentsAmperes();
        org.junit.jupiter.api.Assertions.assertArrayEquals(forward, canonical, 1e-12);
        // ... and read backwards (columns driven at the bottom, rows sensed on the left) equals the canonical
        // circuit of transposed() with G'(p, q) = G(M−1−q, N−1−p) and V'_p = U_(N−1−p).
        double[] u = IrDropReference.uniform(random, columns, -1, 1);
        double[] backward = IrDropReference.physicalRead(rows, columns, g, 1, 2, 30, 40, u, false);
        double[] gPrime = new double[columns * rows];
        double[] vPrime = new double[columns];
        for (int p = 0; p < columns; p++) {
            vPrime[p] = u[columns - 1 - p];
            for (int q = 0; q < rows; q++) {
                gPrime[p * rows + q] = g[(rows - 1 - q) * columns + (columns - 1 - p)];
            }
        }
        double[] transposedRead = ExactIrDropSolver.factor(columns, rows, gPrime, circuit.transposed())
                .solve(vPrime).columnCurrentsAmperes();
        for (int q = 0; q < rows; q++) {
            assertEquals(backward[rows - 1 - q], transposedRead[q], 1e-12, "old row " + (rows - 1 - q));
        }
    }
}
