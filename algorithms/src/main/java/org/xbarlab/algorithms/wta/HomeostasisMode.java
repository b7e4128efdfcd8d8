package org.xbarlab.algorithms.wta;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the homeostatic threshold follows the winners (seed-algorithm.md §2.2 and §2.3). */
public enum HomeostasisMode {
    /** {@code H ← H + γ·(mean_batch(d) − T_act)} after every mini-batch. */
    @JsonProperty("batch")
    BATCH,
    /** {@code a ← (1 − η)·a + η·d}, {@code H ← H + γ·(a − T_act)} after every sample. */
    @JsonProperty("sequential")
    SEQUENTIAL
}
