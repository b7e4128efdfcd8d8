package org.xbarlab.algorithms.hebbian;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Distribution of the initial weights of a Hebbian layer. */
public enum WeightDistribution {
    /** Uniform in {@code [−s, s]}. */
    @JsonProperty("uniform")
    UNIFORM,
    /** Normal with mean 0 and standard deviation {@code s} (Krotov and Hopfield's notebook: {@code s = 1}). */
    @JsonProperty("normal")
    NORMAL,
    /**
     * Each row is a training sample drawn at random (for layers above the first, that sample's features through the
     * layers below), times {@code s}: a data-based start as k-means' Forgy initialisation, which keeps every
     * competitive unit in the competition on raw, non-negative images (FastHebb whitens its inputs instead).
     */
    @JsonProperty("samples")
    SAMPLES
}
