package org.xbarlab.crossbar.periphery;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens when an ADC clips (aihwkit's bound management, aihwkit.md §2.1 step 9). */
public enum BoundManagement {
    /** Clipped outputs stay clipped. */
    @JsonProperty("none")
    NONE,
    /**
     * Repeat the product for a sample whose output clipped with its input halved (the digital rescale doubled),
     * until nothing clips or the factor passes {@link PeripheryConfig#maxBoundManagementFactor()}; each repeat is
     * another analog read and is charged as one.
     */
    @JsonProperty("iterative")
    ITERATIVE
}
