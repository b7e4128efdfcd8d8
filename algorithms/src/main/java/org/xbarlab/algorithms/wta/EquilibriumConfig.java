package org.xbarlab.algorithms.wta;

import org.xbarlab.core.Checks;

/**
 * Settings of equilibrium propagation (seed-algorithm.md §3): Euler relaxation of clamped hard-sigmoid states.
 *
 * @param freeSteps {@code T}, Euler steps of the free phase, at least 1
 * @param nudgedSteps {@code Kmax}, Euler steps of the nudged phase, at least 1
 * @param nudging β, the nudging strength, positive
 * @param stepSize {@code dt} of the Euler steps, in (0, 1]
 * @param estimate one-sided or symmetric
 * @param randomSign whether β's sign is drawn at random for every mini-batch (the reference code always does)
 * @param contrastUpdate how the contrastive update reaches the crossbars ({@link ContrastUpdate#PER_PHASE}, the
 *     reference code's two outer products, by default)
 */
public record EquilibriumConfig(int freeSteps, int nudgedSteps, double nudging, double stepSize,
                                EquilibriumEstimate estimate, boolean randomSign, ContrastUpdate contrastUpdate) {

    /**
     * Settings with the reference code's per-phase contrastive update.
     *
     * @param freeSteps {@code T}
     * @param nudgedSteps {@code Kmax}
     * @param nudging β
     * @param stepSize {@code dt}
     * @param estimate one-sided or symmetric
     * @param randomSign whether β's sign is drawn at random for every mini-batch
     */
    public EquilibriumConfig(int freeSteps, int nudgedSteps, double nudging, double stepSize,
                             EquilibriumEstimate estimate, boolean randomSign) {
        this(freeSteps, nudgedSteps, nudging, stepSize, estimate, randomSign, ContrastUpdate.PER_PHASE);
    }

    /** Validates every field. */
    public EquilibriumConfig {
        Checks.inRange("freeSteps", freeSteps, 1, 100_000);
        Checks.inRange("nudgedSteps", nudgedSteps, 1, 100_000);
        Checks.positiveFinite("nudging", nudging);
        Checks.isTrue(stepSize > 0 && stepSize <= 1, "stepSize must be in (0, 1], got %s", stepSize);
        Checks.notNull("estimate", estimate);
        Checks.notNull("contrastUpdate", contrastUpdate);
    }

    /**
     * A copy with another contrastive update.
     *
     * @param newContrastUpdate the update, not null
     * @return the copy
     */
    public EquilibriumConfig withContrastUpdate(ContrastUpdate newContrastUpdate) {
        return new EquilibriumConfig(freeSteps, nudgedSteps, nudging, stepSize, estimate, randomSign,
                newContrastUpdate);
    }

    /** The paper's one-layer setting: T = 40, Kmax = 10, β = 0.2, dt = 0.2, one-sided, random sign. */
    public static EquilibriumConfig defaults() {
        return new EquilibriumConfig(40, 10, 0.2, 0.2, EquilibriumEstimate.ONE_SIDED, true);
    }
}
