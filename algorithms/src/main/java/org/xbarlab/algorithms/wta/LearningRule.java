package org.xbarlab.algorithms.wta;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the network learns the self-defined target. */
public enum LearningRule {
    /** Backpropagation of the mean-squared error to the target (seed-algorithm.md §2.7). */
    @JsonProperty("backpropagation")
    BACKPROPAGATION,
    /** Equilibrium propagation with a nudged phase toward the target (seed-algorithm.md §3). */
    @JsonProperty("equilibrium-propagation")
    EQUILIBRIUM_PROPAGATION
}
