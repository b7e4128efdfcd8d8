package org.xbarlab.algorithms.hebbian;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which local learning rule a {@link HebbianNetwork} uses (docs/hebbian-muscle.md). */
public enum HebbianRuleKind {
    /**
     * Soft winner-take-all instar rule of FastHebb (Lagani et al. 2022, "SWTA-FH"): the units compete through a
     * softmax of their similarity at a temperature, and every unit moves toward the inputs in proportion to its
     * share.
     */
    @JsonProperty("soft-wta")
    SOFT_WTA,
    /** Hebbian PCA by Sanger's generalized Hebbian algorithm (Sanger 1989; FastHebb's "HPCA-FH"). */
    @JsonProperty("sanger-pca")
    SANGER_PCA,
    /**
     * Competing hidden units of Krotov and Hopfield (PNAS 116:7723, 2019): the strongest unit is Hebbian, the
     * {@code k}-th strongest anti-Hebbian, weights converge to a Lebesgue {@code p}-sphere.
     */
    @JsonProperty("krotov-hopfield")
    KROTOV_HOPFIELD
}
