package org.xbarlab.crossbar.periphery;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an ADC's input range is set. */
public enum AdcRange {
    /** The range is {@code ±outputBound} for every column (aihwkit's {@code out_bound}). */
    @JsonProperty("fixed")
    FIXED,
    /**
     * Each column's range is calibrated once from the largest magnitude it produced on a calibration batch
     * (times a headroom factor), as a designer would trim each column's ADC reference; outputs beyond it clip.
     */
    @JsonProperty("calibrated-per-column")
    CALIBRATED_PER_COLUMN
}
