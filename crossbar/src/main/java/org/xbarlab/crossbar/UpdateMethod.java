package org.xbarlab.crossbar;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a weight update reaches the devices. */
public enum UpdateMethod {
    /**
     * Write pulses, counted by {@link org.xbarlab.crossbar.update.PulseCounter} (deterministic counts or stochastic
     * trains) and applied to the devices, whose pulse response, asymmetry, bounds and noise then act on learning.
     */
    @JsonProperty("pulses")
    PULSES,
    /**
     * The new weights {@code W − η·Σ d·xᵀ} are computed digitally from the devices' current conductances and
     * programmed directly (one-shot or write-verify, as the tile says), with programming noise. With an ideal device
     * this is exact software training.
     */
    @JsonProperty("programming")
    PROGRAMMING
}
