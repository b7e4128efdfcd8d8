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
    SEMI_SUPERVISED,
    /** FastHebb-style Hebbian learning (soft-WTA, Sanger's PCA, Krotov–Hopfield) with a read-out (section
     * {@code hebbian}). */
    @JsonProperty("hebbian")
    HEBBIAN,
    /** MUSCLE-style mutual information between two augmented views plus cross-entropy on the labels (section
     * {@code muscle}). */
    @JsonProperty("muscle")
    MUSCLE,
    /** A convolutional network on crossbar tiles, trained by the self-defined target or supervised (section
     * {@code cnn}). */
    @JsonProperty("cnn")
    CNN;

    /**
     * The experiment file's section that configures this method.
     *
     * @return {@code training}, {@code supervised}, {@code semiSupervised}, {@code hebbian}, {@code muscle} or {@code cnn}
     */
    public String section() {
        return switch (this) {
            case WTA -> "training";
            case SUPERVISED -> "supervised";
            case SEMI_SUPERVISED -> "semiSupervised";
            case HEBBIAN -> "hebbian";
            case MUSCLE -> "muscle";
            case CNN -> "cnn";
        };
    }
}
