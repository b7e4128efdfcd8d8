package org.xbarlab.crossbar.mapping;

import org.xbarlab.core.Checks;

/**
 * The linear map between weights and conductances for a device window {@code [G_min, G_max]}.
 *
 * <ul>
 *   <li>Differential pair: {@code s = (G_max − G_min)/w_max}; {@code w ≥ 0} gives {@code G⁺ = G_min + s·w},
 *       {@code G⁻ = G_min}; {@code w < 0} gives {@code G⁺ = G_min}, {@code G⁻ = G_min + s·|w|}; and
 *       {@code w = (G⁺ − G⁻)/s}.</li>
 *   <li>Balanced pair: {@code s = (G_max − G_min)/w_max}, {@code G± = G_mid ± s·w/2}, {@code w = (G⁺ − G⁻)/s}.</li>
 *   <li>Offset column: {@code G_ref = (G_min + G_max)/2}, {@code s = (G_max − G_min)/(2·w_max)},
 *       {@code G = G_ref + s·w}; and {@code w = (G − G_ref)/s} with the reference device of the row.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class WeightMapping {

    private final MappingConfig config;
    private final double minConductanceSiemens;
    private final double maxConductanceSiemens;
    private final double siemensPerWeight;

    /**
     * @param config the mapping settings
     * @param minConductanceSiemens lower end of the device window, non-negative
     * @param maxConductanceSiemens upper end, above the lower end
     */
    public WeightMapping(MappingConfig config, double minConductanceSiemens, double maxConductanceSiemens) {
        this.config = Checks.notNull("config", config);
        Checks.nonNegativeFinite("minConductanceSiemens", minConductanceSiemens);
        Checks.positiveFinite("maxConductanceSiemens", maxConductanceSiemens);
        Checks.isTrue(minConductanceSiemens < maxConductanceSiemens,
                "minConductanceSiemens (%s S) must be below maxConductanceSiemens (%s S)", minConductanceSiemens,
                maxConductanceSiemens);
        this.minConductanceSiemens = minConductanceSiemens;
        this.maxConductanceSiemens = maxConductanceSiemens;
        double swing = maxConductanceSiemens - minConductanceSiemens;
        this.siemensPerWeight = config.scheme() == MappingScheme.OFFSET_COLUMN
                ? swing / (2 * config.maxWeight()) : swing / config.maxWeight();
    }

    /** The settings. */
    public MappingConfig config() {
        return config;
    }

    /** The scale {@code s}: conductance change per unit of weight (S). */
    public double siemensPerWeight() {
        return siemensPerWeight;
    }

    /** The middle of the window (S): the offset scheme's reference and the balanced pair's rest point. */
    public double referenceConductanceSiemens() {
        return 0.5 * (minConductanceSiemens + maxConductanceSiemens);
    }

    /**
     * Target conductances for weights.
     *
     * @param weights weights; read only
     * @param count number of weights
     * @param plus {@code G⁺} (differential) or {@code G} (offset) targets; overwritten
     * @param minus {@code G⁻} targets (pairs); not touched by the offset scheme and may then be null
     * @return the number of weights outside {@code ±maxWeight} that were clipped
     */
    public long toConductances(float[] weights, int count, float[] plus, float[] minus) {
        float wMax = (float) config.maxWeight();
        float s = (float) siemensPerWeight;
        float gMin = (float) minConductanceSiemens;
        float gRef = (float) referenceConductanceSiemens();
        MappingScheme scheme = config.scheme();
        float half = 0.5f * s;
        long clipped = 0;
        for (int k = 0; k < count; k++) {
            float w = weights[k];
            if (w > wMax || w < -wMax) {
                clipped++;
                w = w > wMax ? wMax : -wMax;
            }
            switch (scheme) {
                case DIFFERENTIAL_PAIR -> {
                    plus[k] = w > 0f ? gMin + s * w : gMin;
                    minus[k] = w < 0f ? gMin - s * w : gMin;
                }
                case BALANCED_PAIR -> {
                    plus[k] = gRef + half * w;
                    minus[k] = gRef - half * w;
                }
                default -> plus[k] = gRef + s * w;
            }
        }
        return clipped;
    }

    /**
     * The factor that turns a conductance difference into a weight, {@code 1/s} rounded to float, as
     * {@link #differentialWeights} and {@link #offsetWeights} use it: {@code w = (G⁺ − G⁻)·inverse}.
     *
     * @return {@code (float) (1 / siemensPerWeight)}
     */
    public float inverseSiemensPerWeight() {
        return (float) (1.0 / siemensPerWeight);
    }

    /**
     * Weights of a differential pair: {@code w = (G⁺ − G⁻)/s}.
     *
     * @param plus {@code G⁺}; read only
     * @param minus {@code G⁻}; read only
     * @param count number of weights
     * @param weights output; overwritten; may alias neither input
     */
    public void differentialWeights(float[] plus, float[] minus, int count, float[] weights) {
        float inverse = inverseSiemensPerWeight();
        for (int k = 0; k < count; k++) {
            weights[k] = (plus[k] - minus[k]) * inverse;
        }
    }

    /**
     * Weights of the offset scheme for a {@code rows × columns} array: {@code w_ij = (G_ij − G_ref,j)/s}, where
     * {@code G_ref,j} is the reference column's device on input line {@code j} (its current, {@code Σ_j G_ref,j·x_j},
     * is subtracted from every output).
     *
     * @param conductances {@code G}, row-major; read only
     * @param reference the reference device of each column (input line); read only
     * @param rows rows
     * @param columns columns
     * @param weights output, row-major; overwritten
     */
    public void offsetWeights(float[] conductances, float[] reference, int rows, int columns, float[] weights) {
        float inverse = inverseSiemensPerWeight();
        for (int i = 0; i < rows; i++) {
            int base = i * columns;
            for (int j = 0; j < columns; j++) {
                weights[base + j] = (conductances[base + j] - reference[j]) * inverse;
            }
        }
    }
}
