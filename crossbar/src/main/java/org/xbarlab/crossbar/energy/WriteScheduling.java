package org.xbarlab.crossbar.energy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The order in which the cells of a pulsed update are written, which sets the update's latency (never its energy).
 * In both schemes the columns share write drivers ({@link TechnologyConfig#columnsPerWriteDriver()}): the columns
 * that share a driver are written one after the other, and potentiation and depression pulses are applied in two
 * separate phases (different polarity). A group of cells written at the same time lasts as long as the longest
 * pulse train in it; groups without any pulse are skipped (NeuroSim's "optimized" update since V2.0,
 * neurosim.md section 1.6).
 */
public enum WriteScheduling {

    /**
     * One row at a time, as in NeuroSim's weight update: the latency is the sum over rows and driver positions of
     * the longest potentiation train plus the longest depression train.
     */
    @JsonProperty("row-by-row") ROW_BY_ROW,

    /**
     * All rows at once (for example coincidence-based stochastic pulse trains): the latency is the sum over driver
     * positions of the longest trains over the whole array.
     */
    @JsonProperty("row-parallel") ROW_PARALLEL
}
