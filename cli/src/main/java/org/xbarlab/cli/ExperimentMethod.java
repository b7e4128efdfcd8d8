package org.xbarlab.cli;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an experiment trains. */
public enum ExperimentMethod {
    /** The unsupervised Winner-Take-All + homeostasis self-defined target (section {@code training}). */
    @JsonProperty("wta")
    WTA,
    /** A network trained with labels (section {@code supervised}). */
    @JsonProperty("supervised")
    SUPERVISED,
    /** The seed paper's semi-supervised scheme: labels where there are labels, the self-defined target elsewhere
     * (section {@code semiSupervised}). */
    @JsonProperty("semi-supervised")
    SEMI_SUPERVISED;

    /**
     * The experiment file's section that configures this method.
     *
     * @return {@code training}, {@code supervised} or {@code semiSupervised}
     */
    public String section() {
        return switch (this) {
            case WTA -> "training";
            case SUPERVISED -> "supervised";
            case SEMI_SUPERVISED -> "semiSupervised";
        };
    }
}
