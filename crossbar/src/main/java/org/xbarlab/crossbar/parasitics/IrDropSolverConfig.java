package org.xbarlab.crossbar.parasitics;

import org.xbarlab.core.Checks;

/**
 * How IR drop is simulated (simulation settings, kept apart from the circuit in {@link IrDropCircuitConfig}).
 *
 * @param method exact solve, fast approximation or aihwkit's heuristic; null (a missing key) means
 *     {@link IrDropMethod#FAST}
 * @param fastSweepCount line-relaxation sweeps of {@link FastIrDropModel}, in [1, {@value #MAX_SWEEP_COUNT}];
 *     each sweep solves every row line and then every column line once; 1 runs in closed form as an effective
 *     conductance matrix and one matrix product (cheapest, least accurate); the error table in
 *     {@code docs/ir-drop.md} gives the accuracy per count
 * @param exactResidualToleranceRelative largest normwise backward error {@code ‖b − A·x‖∞ / (‖A‖∞·‖x‖∞ + ‖b‖∞)}
 *     accepted from the exact solve, in (0, 1e-3]; above it the solver refines the solution iteratively (at most
 *     {@value ExactIrDropSolver#MAX_REFINEMENT_STEPS} steps) and then fails loudly rather than return a wrong
 *     answer
 */
public record IrDropSolverConfig(IrDropMethod method, int fastSweepCount, double exactResidualToleranceRelative) {

    /** Upper bound of {@link #fastSweepCount()}: beyond it the exact solve is the cheaper way to an exact answer. */
    public static final int MAX_SWEEP_COUNT = 1000;

    /**
     * Default sweeps: on square N × N arrays, 3 sweeps kept the error within 3e-6 of the ideal current for
     * {@code κ = r·G_max·N² ≤ 0.2} and within 1e-3 for {@code κ ≤ 1.1} (measured; table and bound in
     * {@code docs/ir-drop.md}).
     */
    public static final int DEFAULT_FAST_SWEEP_COUNT = 3;

    /**
     * Default backward-error tolerance: a sparse Cholesky of these SPD systems reaches about 1e-16; 1e-10 leaves
     * six orders of magnitude for growth on large or badly scaled arrays.
     */
    public static final double DEFAULT_EXACT_RESIDUAL_TOLERANCE_RELATIVE = 1e-10;

    /** Validates every field; a null method becomes {@link IrDropMethod#FAST}. */
    public IrDropSolverConfig {
        if (method == null) {
            method = IrDropMethod.FAST;
        }
        Checks.inRange("fastSweepCount", fastSweepCount, 1, MAX_SWEEP_COUNT);
        Checks.isTrue(exactResidualToleranceRelative > 0 && exactResidualToleranceRelative <= 1e-3,
                "exactResidualToleranceRelative must be in (0, 1e-3], got %s",
                Checks.number(exactResidualToleranceRelative));
    }

    /**
     * The fast model with {@value #DEFAULT_FAST_SWEEP_COUNT} sweeps and the default exact-solve tolerance.
     *
     * @return the default solver settings
     */
    public static IrDropSolverConfig defaults() {
        return new IrDropSolverConfig(IrDropMethod.FAST, DEFAULT_FAST_SWEEP_COUNT,
                DEFAULT_EXACT_RESIDUAL_TOLERANCE_RELATIVE);
    }

    /**
     * A copy with another method.
     *
     * @param value the new {@link #method()}; not null
     * @return a new config
     */
    public IrDropSolverConfig withMethod(IrDropMethod value) {
        Checks.notNull("method", value);
        return new IrDropSolverConfig(value, fastSweepCount, exactResidualToleranceRelative);
    }

    /**
     * A copy with another sweep count.
     *
     * @param value the new {@link #fastSweepCount()}
     * @return a new config
     */
    public IrDropSolverConfig withFastSweepCount(int value) {
        return new IrDropSolverConfig(method, value, exactResidualToleranceRelative);
    }

    /**
     * A copy with another backward-error tolerance.
     *
     * @param value the new {@link #exactResidualToleranceRelative()}
     * @return a new config
     */
    public IrDropSolverConfig withExactResidualToleranceRelative(double value) {
        return new IrDropSolverConfig(method, fastSweepCount, value);
    }
}
