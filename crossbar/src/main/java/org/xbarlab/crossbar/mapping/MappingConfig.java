package org.xbarlab.crossbar.mapping;

import org.xbarlab.core.Checks;

/**
 * How weights become conductances.
 *
 * @param scheme differential pair or offset column
 * @param maxWeight the weight magnitude mapped to the full conductance swing, positive and finite; weights beyond
 *     {@code ±maxWeight} are clipped (and counted)
 */
public record MappingConfig(MappingScheme scheme, double maxWeight) {

    /** Validates every field. */
    public MappingConfig {
        Checks.notNull("scheme", scheme);
        Checks.positiveFinite("maxWeight", maxWeight);
    }

    /** A differential pair with weights in [−1, 1]. */
    public static MappingConfig defaults() {
        return new MappingConfig(MappingScheme.DIFFERENTIAL_PAIR, 1.0);
    }

    /** A copy with another weight range. */
    public MappingConfig withMaxWeight(double newMaxWeight) {
        return new MappingConfig(scheme, newMaxWeight);
    }
}
