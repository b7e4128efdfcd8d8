package org.xbarlab.crossbar.parasitics;

import org.xbarlab.core.Checks;

/**
 * IR drop of an array: the resistive circuit (hardware) and how it is simulated (solver settings).
 *
 * <p>JSON example:
 * <pre>
 * {"circuit": {"rowWireSegmentResistanceOhms": 0.15, "columnWireSegmentResistanceOhms": 0.15,
 *              "driverResistanceOhms": 0.0, "virtualGroundResistanceOhms": 0.0},
 *  "solver":  {"method": "fast", "fastSweepCount": 3, "exactResidualToleranceRelative": 1e-10}}
 * </pre>
 *
 * @param circuit the wire, driver and virtual-ground resistances; not null
 * @param solver how to compute the drop; null (a missing key) means {@link IrDropSolverConfig#defaults()}
 */
public record IrDropConfig(IrDropCircuitConfig circuit, IrDropSolverConfig solver) {

    /** Validates the fields; a null solver becomes the default solver. */
    public IrDropConfig {
        Checks.notNull("circuit", circuit);
        if (solver == null) {
            solver = IrDropSolverConfig.defaults();
        }
    }

    /**
     * The default circuit ({@link IrDropCircuitConfig#defaults()}: 0.15 Ω per wire segment) with the default solver
     * (the fast model, 3 sweeps).
     *
     * @return the default IR-drop config
     */
    public static IrDropConfig defaults() {
        return new IrDropConfig(IrDropCircuitConfig.defaults(), IrDropSolverConfig.defaults());
    }

    /**
     * A copy with another circuit.
     *
     * @param value the new circuit; not null
     * @return a new config
     */
    public IrDropConfig withCircuit(IrDropCircuitConfig value) {
        return new IrDropConfig(value, solver);
    }

    /**
     * A copy with other solver settings.
     *
     * @param value the new solver settings; not null
     * @return a new config
     */
    public IrDropConfig withSolver(IrDropSolverConfig value) {
        Checks.notNull("solver", value);
        return new IrDropConfig(circuit, value);
    }

    /**
     * A copy with another method, keeping the other solver settings.
     *
     * @param value the new method; not null
     * @return a new config
     */
    public IrDropConfig withMethod(IrDropMethod value) {
        return new IrDropConfig(circuit, solver.withMethod(value));
    }
}
