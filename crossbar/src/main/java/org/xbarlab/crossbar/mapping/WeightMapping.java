package org.xbarlab.crossbar.mapping;

import org.xbarlab.core.Checks;

/**
 * The linear map between weights and conductances for a device window {@code [G_min, G_max]}.
 *
 * <ul>
 *   <li>Differential pair: {@code s = (G_max − G_min)/w_max}; {@code w ≥ 0} gives {@code G⁺ = G_min + s·w},
 *       {@code G⁻ = G_min}; {@code w < 0} gives {@code G⁺ = G_min}, {@code G⁻ = G_min + s·|w|}; and
 *       {@code w = (G⁺ − G⁻)/s}.</li>
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
        this.siemensPerWeight = config.scheme() == MappingScheme.DIFFERENTIAL_PAIR
                ? swing / config.maxWeight() : swing / (2 * config.maxWeight());
    }

    /** The settings. */
    public MappingConfig config() {
        return config;
    }

    /** The scale {@code s}: conductance change per unit of weight (S). */
    public double siemensPerWeight() {
        return siemensPerWeight;
    }

    /** The reference conductance of the offset scheme, the window's middle (S). */
    public double referenceConductanceSiemens() {
        return 0.5 * (minConductanceSiemens + maxConductanceSiemens);
    }

    /**
     * Target conductances for weights.
     *
     * @param weights weights; read only
     * @param count number of weights
     * @param plus {@code G⁺} (differential) or {@code G} (offset) targets; overwritten
     * @param minus {@code G⁻} targets (differential); not touched by the offset scheme and may then be null
     * @return the number of weights outside {@code ±maxWeight} that were clipped
     */
    public long toConductances(float[] weights, int count, float[] plus, float[] minus) {
        float wMax = (float) config.maxWeight();
        float s = (float) siemensPerWeight;
        float gMin = (float) minConductanceSiemens;
        float gRef = (float) referenceConductanceSiemens();
        boolean differential = config.scheme() == MappingScheme.DIFFERENTIAL_PAIR;
        long clipped = 0;
        for (int k = 0; k < count; k++) {
            float w = weights[k];
            if (w > wMax || w < -wMax) {
                clipped++;
                w = w > wMax ? wMax : -wMax;
            }
            if (differential) {
                plus[k] = w > 0f ? gMin + s * w : gMin;
                minus[k] = w < 0f ? gMin - s * w : gMin;
            } else {
                plus[k] = gRef + s * w;
            }
        }
        return clipped;
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
        float inverse = (float) (1.0 / siemensPerWeight);
        for (int k = 0; k < count; k++) {
            weights[k] = (plus[k] - minus[k]) * inverse;
        }
    }

    /**
     * Weights of the offset scheme for a {@code rows × columns} array: {@code w_ij = (G_ij − G_ref,i)/s}.
     *
     * @param conductances {@code G}, row-major; read only
     * @param reference the reference device of each row; read only
     * @param rows rows
     * @param columns columns
     * @param weights output, row-major; overwritten
     */
    public void offsetWeights(float[] conductances, float[] reference, int rows, int columns, float[] weights) {
        float inverse = (float) (1.0 / siemensPerWeight);
        for (int i = 0; i < rows; i++) {
            float ref = reference[i];
            int base = i * columns;
            for (int j = 0; j < columns; j++) {
                weights[base + j] = (conductances[base + j] - ref) * inverse;
            }
        }
    }
}
