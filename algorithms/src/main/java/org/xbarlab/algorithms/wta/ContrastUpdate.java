package org.xbarlab.algorithms.wta;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How equilibrium propagation's contrastive update {@code ΔW ∝ ρ(s^β)ρ(x^β)ᵀ − ρ(s⁰)ρ(x⁰)ᵀ} reaches a layer's
 * crossbar.
 */
public enum ContrastUpdate {
    /**
     * Two outer products per layer, the nudged phase's and the free phase's with opposite signs, as one rank-2B
     * update (the reference code's form). On a chip with stochastic pulse trains both products fire their own
     * pulses, which cancel only on average: the update carries the noise of pulses about 1/β times the size of
     * the signal.
     */
    @JsonProperty("per-phase")
    PER_PHASE,
    /**
     * For a layer whose input is the clamped data (the first layer), whose input is the same in both phases, one
     * outer product of the input with the difference of the phases' states: the same ΔW, with pulses in
     * proportion to the difference (what an update circuit driving the input lines once would do). Deeper layers,
     * whose inputs differ between the phases, keep the two products.
     */
    @JsonProperty("difference")
    DIFFERENCE
}
