package org.xbarlab.algorithms.wta;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which finite-difference estimate of the gradient equilibrium propagation uses (seed-algorithm.md §3.2). */
public enum EquilibriumEstimate {
    /** Contrast of the nudged state (β) with the free state. */
    @JsonProperty("one-sided")
    ONE_SIDED,
    /** Contrast of the states nudged with +β and −β. */
    @JsonProperty("symmetric")
    SYMMETRIC
}
