package org.xbarlab.algorithms.hebbian;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the soft-WTA rule sums a mini-batch's per-sample steps (the aggregation weight {@code c_{b,i}} of
 * reference/hebbian-muscle-ep.md §1.2–1.3).
 */
public enum BatchAggregation {
    /** Plain mean: {@code c_{b,i} = 1/M}. */
    @JsonProperty("mean")
    MEAN,
    /**
     * Activity-weighted mean of the FastHebb code's WTA family: {@code c_{b,i} = r_{b,i} / Σ_b r_{b,i}}, so each
     * unit takes a full-size step toward the weighted mean of the inputs it responded to.
     */
    @JsonProperty("weighted")
    WEIGHTED
}
