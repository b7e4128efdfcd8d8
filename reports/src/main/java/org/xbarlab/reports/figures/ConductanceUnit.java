package org.xbarlab.reports.figures;

/**
 * The SI prefix used to show conductances on an axis, chosen so that the largest magnitude shown lies in
 * [1, 1000) of the unit (a 25 µS window is drawn in µS, a 38 nS one in nS).
 */
public enum ConductanceUnit {

    /** Siemens. */
    SIEMENS("S", 1),
    /** Millisiemens, 10^-3 S. */
    MILLISIEMENS("mS", 1e-3),
    /** Microsiemens, 10^-6 S. */
    MICROSIEMENS("µS", 1e-6),
    /** Nanosiemens, 10^-9 S. */
    NANOSIEMENS("nS", 1e-9),
    /** Picosiemens, 10^-12 S. */
    PICOSIEMENS("pS", 1e-12);

    private final String symbol;
    private final double siemens;

    ConductanceUnit(String symbol, double siemens) {
        this.symbol = symbol;
        this.siemens = siemens;
    }

    /**
     * @return the unit's symbol ({@code "µS"})
     */
    public String symbol() {
        return symbol;
    }

    /**
     * @return the size of one unit in siemens ({@code 1e-6} for µS)
     */
    public double siemens() {
        return siemens;
    }

    /**
     * Converts a conductance to this unit.
     *
     * @param valueSiemens a conductance (S)
     * @return the same conductance in this unit
     */
    public double fromSiemens(double valueSiemens) {
        return valueSiemens / siemens;
    }

    /**
     * The unit for an axis whose largest magnitude is {@code maxAbsSiemens}: the largest unit in which it is at
     * least 1, down to pS (µS for 0, NaN or infinity, the usual scale of synaptic devices).
     *
     * @param maxAbsSiemens the largest magnitude shown (S)
     * @return the unit
     */
    public static ConductanceUnit forMaximum(double maxAbsSiemens) {
        double magnitude = Math.abs(maxAbsSiemens);
        if (!(magnitude > 0) || Double.isInfinite(magnitude)) {
            return MICROSIEMENS;
        }
        for (ConductanceUnit unit : values()) {
            if (magnitude >= unit.siemens) {
                return unit;
            }
        }
        return PICOSIEMENS;
    }
}
