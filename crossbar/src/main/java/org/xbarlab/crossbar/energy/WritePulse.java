package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * One write pulse of a device, as the energy model needs it: its amplitude and duration (from the device preset),
 * and optionally a published cell energy per pulse.
 *
 * <p>With {@code publishedCellEnergyJoules = 0} the cell energy of a pulse is computed from the cell's conductance
 * as NeuroSim does, {@code V²·G·t} (neurosim.md section 2, write energy per cell); with a positive value that
 * figure is used for every pulse instead. Either way the pulsed line's wire is charged, {@code C_line·V²}.
 *
 * @param amplitudeVolts pulse amplitude (V), finite; the sign is the polarity and does not change the energy
 * @param durationSeconds pulse width (s), positive and finite
 * @param publishedCellEnergyJoules measured energy of one pulse in one cell (J), non-negative and finite; 0 means
 *     "compute {@code V²·G·t}"
 */
public record WritePulse(double amplitudeVolts, double durationSeconds, double publishedCellEnergyJoules) {

    /** Validates the fields. */
    public WritePulse {
        Checks.finite("amplitudeVolts", amplitudeVolts);
        Checks.positiveFinite("durationSeconds", durationSeconds);
        Checks.nonNegativeFinite("publishedCellEnergyJoules", publishedCellEnergyJoules);
    }

    /**
     * A pulse whose cell energy is computed from the conductance, {@code V²·G·t}.
     *
     * @param amplitudeVolts amplitude (V), finite
     * @param durationSeconds width (s), positive and finite
     * @return the pulse
     */
    public static WritePulse of(double amplitudeVolts, double durationSeconds) {
        return new WritePulse(amplitudeVolts, durationSeconds, 0);
    }

    /**
     * Energy dissipated in a cell of conductance {@code conductanceSiemens} by one pulse: the published figure if
     * there is one, else {@code V²·G·t}.
     *
     * @param conductanceSiemens the cell's conductance during the pulse (S), non-negative
     * @return the energy (J)
     */
    public double cellEnergyJoules(double conductanceSiemens) {
        return publishedCellEnergyJoules > 0 ? publishedCellEnergyJoules
                : amplitudeVolts * amplitudeVolts * conductanceSiemens * durationSeconds;
    }
}
