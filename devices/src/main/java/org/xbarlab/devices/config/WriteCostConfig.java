package org.xbarlab.devices.config;

import org.xbarlab.core.Checks;

/**
 * The cost of one write pulse, read by the crossbar's energy and latency model. Energies are per pulse per device;
 * where a source gives only the pulse voltage and width, the preset takes the energy as {@code V^2 Gmax t} (the
 * upper bound of NeuroSim's per-cell write energy {@code V^2 (G_before + G_after)/2 t}, neurosim.md section 2) and
 * says so in its citation. Zero means the source gives no figure.
 *
 * @param potentiationPulseVolts amplitude of a potentiation pulse (V), finite (sign as published)
 * @param depressionPulseVolts amplitude of a depression pulse (V), finite
 * @param potentiationPulseSeconds width of a potentiation pulse (s), non-negative
 * @param depressionPulseSeconds width of a depression pulse (s), non-negative
 * @param potentiationPulseEnergyJoules energy of one potentiation pulse (J), non-negative
 * @param depressionPulseEnergyJoules energy of one depression pulse (J), non-negative
 */
public record WriteCostConfig(double potentiationPulseVolts, double depressionPulseVolts,
                              double potentiationPulseSeconds, double depressionPulseSeconds,
                              double potentiationPulseEnergyJoules, double depressionPulseEnergyJoules) {

    /** Validates the fields. */
    public WriteCostConfig {
        Checks.inClosedRange("potentiationPulseVolts", potentiationPulseVolts, -100, 100);
        Checks.inClosedRange("depressionPulseVolts", depressionPulseVolts, -100, 100);
        Checks.inClosedRange("potentiationPulseSeconds", potentiationPulseSeconds, 0, 1);
        Checks.inClosedRange("depressionPulseSeconds", depressionPulseSeconds, 0, 1);
        Checks.inClosedRange("potentiationPulseEnergyJoules", potentiationPulseEnergyJoules, 0, 1);
        Checks.inClosedRange("depressionPulseEnergyJoules", depressionPulseEnergyJoules, 0, 1);
    }

    /**
     * No cost known (all zero).
     *
     * @return the defaults
     */
    public static WriteCostConfig defaults() {
        return new WriteCostConfig(0, 0, 0, 0, 0, 0);
    }

    /**
     * A cost derived from pulse voltages and widths as {@code E = V^2 Gmax t}.
     *
     * @param potentiationVolts potentiation amplitude (V)
     * @param depressionVolts depression amplitude (V)
     * @param potentiationSeconds potentiation width (s)
     * @param depressionSeconds depression width (s)
     * @param maxConductanceSiemens the window's upper end (S)
     * @return the cost
     */
    public static WriteCostConfig fromPulses(double potentiationVolts, double depressionVolts,
                                             double potentiationSeconds, double depressionSeconds,
                                             double maxConductanceSiemens) {
        return new WriteCostConfig(potentiationVolts, depressionVolts, potentiationSeconds, depressionSeconds,
                potentiationVolts * potentiationVolts * maxConductanceSiemens * potentiationSeconds,
                depressionVolts * depressionVolts * maxConductanceSiemens * depressionSeconds);
    }
}
