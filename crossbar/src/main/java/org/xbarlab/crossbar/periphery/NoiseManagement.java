package org.xbarlab.crossbar.periphery;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How each input vector is scaled before the DAC (aihwkit's noise management, aihwkit.md §2.1 step 1). The scale
 * is undone digitally after the ADC, so it changes only how the converters' resolution and noise are used.
 */
public enum NoiseManagement {
    /** No scaling: inputs go to the DAC as they are. */
    @JsonProperty("none")
    NONE,
    /** Divide each input vector by its largest magnitude, so it spans the DAC's full range (aihwkit's default). */
    @JsonProperty("abs-max")
    ABS_MAX
}
