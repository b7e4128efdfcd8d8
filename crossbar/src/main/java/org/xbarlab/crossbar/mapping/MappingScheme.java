package org.xbarlab.crossbar.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a signed weight is held by non-negative conductances. */
public enum MappingScheme {
    /**
     * Two devices per weight, {@code w = (G⁺ − G⁻)/s}: the positive part on {@code G⁺}, the negative part on
     * {@code G⁻}, the other device at the window's minimum (aihwkit's {@code SinglePairConductanceConverter},
     * aihwkit.md §3.1; CrossSim's balanced core).
     */
    @JsonProperty("differential-pair")
    DIFFERENTIAL_PAIR,
    /**
     * Two devices per weight around the middle of the window, {@code G± = G_mid ± s·w/2}, {@code w = (G⁺ − G⁻)/s}:
     * both devices have room to move in both directions, which suits pulsed training of bidirectional devices
     * (each update moves the two devices by the same number of pulses in opposite directions). It costs more read
     * energy than {@link #DIFFERENTIAL_PAIR}, whose idle device sits at the minimum.
     */
    @JsonProperty("balanced-pair")
    BALANCED_PAIR,
    /**
     * One device per weight and one reference column per tile, {@code w = (G − G_ref)/s} with {@code G_ref} the
     * middle of the window (CrossSim's offset core; NeuroSim's reference column).
     */
    @JsonProperty("offset-column")
    OFFSET_COLUMN
}
