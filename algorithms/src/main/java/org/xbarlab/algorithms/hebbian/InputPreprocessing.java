package org.xbarlab.algorithms.hebbian;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a {@link HebbianNetwork} does to every input sample before its first layer (in training, in the initial
 * weights drawn from samples and in inference). The per-pixel mean is the mean over the training samples the network
 * is built with, computed once at construction (double precision) and kept in its checkpoints.
 */
public enum InputPreprocessing {
    /** The samples as given (Krotov and Hopfield feed MNIST scaled to [0, 1]). */
    @JsonProperty("none")
    NONE,
    /**
     * Subtract the training set's per-pixel mean: the first step of FastHebb's ZCA whitening (reference
     * /hebbian-muscle-ep.md §1.3; the decorrelation itself is not implemented). Centred inputs let the cosine of the
     * soft-WTA rule and Sanger's principal components cover [−1, 1] instead of the narrow positive range of raw,
     * non-negative images.
     */
    @JsonProperty("center")
    CENTER,
    /** {@link #CENTER}, then each sample scaled to Euclidean norm 1 (an all-zero sample stays zero). */
    @JsonProperty("center-normalize")
    CENTER_NORMALIZE
}
