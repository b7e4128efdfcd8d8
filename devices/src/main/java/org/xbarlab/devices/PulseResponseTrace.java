package org.xbarlab.devices;

import org.xbarlab.core.Checks;

/**
 * Conductance of D devices after every pulse of C potentiation/depression cycles of N pulses each. Row
 * {@code r = 0 .. 2 C N} is the state after r pulses (row 0: before the first pulse); within a cycle
 * {@code c = (r - 1) / (2N)}, the first N pulses potentiate and the next N depress. Element
 * {@code conductanceSiemens[r * devices + d]} is device d after row r.
 *
 * @param pulsesPerPhase N, positive
 * @param cycles C, positive
 * @param devices D, positive
 * @param conductanceSiemens the trace (S), length {@code (2 C N + 1) D}; owned by the record (not copied)
 */
public record PulseResponseTrace(int pulsesPerPhase, int cycles, int devices, float[] conductanceSiemens) {

    /** Validates the fields. */
    public PulseResponseTrace {
        Checks.positive("pulsesPerPhase", pulsesPerPhase);
        Checks.positive("cycles", cycles);
        Checks.positive("devices", devices);
        Checks.notNull("conductanceSiemens", conductanceSiemens);
        long expected = (2L * cycles * pulsesPerPhase + 1) * devices;
        Checks.isTrue(conductanceSiemens.length == expected,
                "conductanceSiemens must have (2 cycles pulsesPerPhase + 1) devices = %s elements, got %s",
                expected, conductanceSiemens.length);
    }

    /**
     * @return the number of rows, {@code 2 C N + 1}
     */
    public int rows() {
        return 2 * cycles * pulsesPerPhase + 1;
    }

    /**
     * @param row row index in [0, rows())
     * @param device device index in [0, devices)
     * @return conductance (S)
     */
    public float conductanceSiemens(int row, int device) {
        return conductanceSiemens[row * devices + device];
    }

    /**
     * The cycle a row belongs to (row 0 counts as cycle 0).
     *
     * @param row row index
     * @return the cycle, 0-based
     */
    public int cycleOf(int row) {
        return row == 0 ? 0 : (row - 1) / (2 * pulsesPerPhase);
    }

    /**
     * Whether a row ends a potentiation pulse (false for row 0 and depression pulses).
     *
     * @param row row index
     * @return true for potentiation
     */
    public boolean isPotentiation(int row) {
        return row > 0 && (row - 1) % (2 * pulsesPerPhase) < pulsesPerPhase;
    }
}
