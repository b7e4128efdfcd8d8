package org.xbarlab.crossbar.update;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a weight update becomes pulses. */
public enum PulseScheme {
    /**
     * The mini-batch's weight change {@code ΔW = −η·Σ_b d_b x_bᵀ} is accumulated digitally and each device receives
     * {@code round(ΔW_ij / Δw_pulse)} pulses (NeuroSim MLP V3: {@code nPulse = round(ΔW / range · levels)};
     * neurosim.md §1.2). Changes below half a pulse are dropped.
     */
    @JsonProperty("deterministic")
    DETERMINISTIC,
    /**
     * aihwkit's stochastic pulse trains (aihwkit.md §1.5): for every sample, each of {@code BL} time slots fires row
     * {@code i} with probability {@code A·|d_i|} and column {@code j} with probability {@code B·|x_j|}; a
     * coincidence is one pulse with direction {@code −sign(d_i)·sign(x_j)}. In expectation the device moves by
     * {@code −η·d_i·x_j}.
     */
    @JsonProperty("stochastic")
    STOCHASTIC
}
