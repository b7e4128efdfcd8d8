package org.xbarlab.algorithms.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a layer's gradient becomes a weight change on its crossbar.
 */
public enum OptimizerKind {
    /**
     * Plain SGD written as the crossbar's outer-product update {@code W ← W − η·Σ_b g_b·x_bᵀ}: on an analog tile,
     * coincident pulse trains on rows and columns (Gokmen and Vlasov 2016; aihwkit's analog SGD), so the gradient
     * is never formed digitally.
     */
    @JsonProperty("sgd")
    SGD,
    /**
     * Plain SGD with the gradient {@code G = Σ_b g_b·x_bᵀ} formed digitally and {@code −η·G} written as whole pulses
     * per device ({@code Crossbar.applyDelta}), as MLP+NeuroSim V3.0 writes every update (neurosim.md §1.2).
     */
    @JsonProperty("sgd-dense")
    SGD_DENSE,
    /**
     * Adam (Kingma and Ba 2015, PyTorch's arithmetic) with its moments kept digitally and each step's change
     * written by {@code Crossbar.applyDelta}; what the seed paper's semi-supervised runs use.
     */
    @JsonProperty("adam")
    ADAM
}
