package org.xbarlab.crossbar.mapping;

import org.xbarlab.core.Checks;

/**
 * How weights become conductances.
 *
 * <p>With {@code weightScalingHeadroom > 0} the weight range is set from the weights themselves when a matrix is
 * first programmed: {@code maxWeight = headroom · max|W|} (aihwkit's {@code weight_scaling_omega}, which maps the
 * largest weight to the full conductance range, with room to grow). The analog product then runs on weights
 * normalized to that range, so converter noise and resolution act relative to the conductance range as on a chip,
 * and a digital factor restores the scale. Otherwise {@code maxWeight} is used as given.
 *
 * @param scheme differential pair, balanced pair or offset column
 * @param maxWeight the weight magnitude mapped to the full conductance swing when the range is fixed, positive and
 *     finite; weights beyond the range are clipped (and counted)
 * @param weightScalingHeadroom 0 for a fixed range, else the factor between the range and the largest initial
 *     weight, at least 1
 */
public record MappingConfig(MappingScheme scheme, double maxWeight, double weightScalingHeadroom) {

    /** Validates every field. */
    public MappingConfig {
        Checks.notNull("scheme", scheme);
        Checks.positiveFinite("maxWeight", maxWeight);
        Checks.isTrue(weightScalingHeadroom == 0 || (weightScalingHeadroom >= 1
                        && Double.isFinite(weightScalingHeadroom)),
                "weightScalingHeadroom must be 0 (fixed range) or a finite factor of at least 1, got %s",
                weightScalingHeadroom);
    }

    /** A differential pair with weights in [−1, 1]. */
    public static MappingConfig defaults() {
        return new MappingConfig(MappingScheme.DIFFERENTIAL_PAIR, 1.0, 0.0);
    }

    /** A scheme whose range is four times the largest initial weight. */
    public static MappingConfig scaled(MappingScheme scheme) {
        return new MappingConfig(scheme, 1.0, 4.0);
    }

    /** Whether the range is set from the weights at their first programming. */
    public boolean scalesWeights() {
        return weightScalingHeadroom > 0;
    }

    /** A copy with another fixed weight range. */
    public MappingConfig withMaxWeight(double newMaxWeight) {
        return new MappingConfig(scheme, newMaxWeight, weightScalingHeadroom);
    }

    /** A copy with another scheme. */
    public MappingConfig withScheme(MappingScheme newScheme) {
        return new MappingConfig(newScheme, maxWeight, weightScalingHeadroom);
    }
}
