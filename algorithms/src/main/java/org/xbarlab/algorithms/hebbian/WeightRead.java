package org.xbarlab.algorithms.hebbian;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a Hebbian layer obtains the weights its decay or reconstruction term needs ({@code diag(Gᵀ1)·W},
 * {@code tril(YᵀY)·W}): the term multiplies the weights the devices hold, so the controller has to read them.
 */
public enum WeightRead {
    /**
     * Through the chip's periphery: one forward product per input with the unit vectors {@code e_j} as inputs,
     * {@code W·e_j} being column {@code j}; charged to the ledger (as training or inference) and subject to the
     * converters' resolution and noise. Costs {@code inputs} matrix-vector products per mini-batch.
     */
    @JsonProperty("periphery")
    PERIPHERY,
    /**
     * The perfect, uncharged read-out {@code Crossbar.readWeights}: an optimistic assumption (a digital copy of the
     * weights that follows the devices exactly) that is faster to simulate.
     */
    @JsonProperty("ideal")
    IDEAL
}
