package org.xbarlab.algorithms.supervised;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Losses of supervised training against the class targets {@code t} (one-hot, spread over the class's output
 * neurons, optionally smoothed).
 */
public enum SupervisedLoss {
    /**
     * {@code L = 1/(B·N)·Σ_b Σ_j (y_bj − t_bj)²}: PyTorch's {@code MSELoss} with its default mean reduction, as the
     * seed paper's supervised baselines use (seed-algorithm.md §2.5).
     */
    @JsonProperty("mse")
    MEAN_SQUARED_ERROR,
    /**
     * {@code L = 1/B·Σ_b Σ_j (y_bj − t_bj)²}: summed over the outputs, as MLP+NeuroSim V3.0 trains
     * ({@code Train.cpp}: {@code s2 = −2·a2·(1 − a2)·(t − a2)} for sigmoid outputs, one sample at a time).
     */
    @JsonProperty("squared-error")
    SQUARED_ERROR,
    /**
     * {@code L = −1/B·Σ_b Σ_j t_bj·log softmax(y_b)_j}: soft-target cross-entropy on the softmax of the output
     * activations; with sigmoid outputs this is the seed paper's {@code CE(softmax(sigmoid(z)), d)} (§2.5).
     */
    @JsonProperty("cross-entropy")
    CROSS_ENTROPY
}
