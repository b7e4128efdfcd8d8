package org.xbarlab.crossbar.parasitics;

import org.xbarlab.core.Checks;

/**
 * The IR-drop experiment of {@code xbarlab crossbar ir-drop}: an array whose cells all have the same conductance,
 * driven by one input vector.
 *
 * @param rowCount rows M (inputs), in [1, 4096]
 * @param columnCount columns N (outputs), in [1, 4096]
 * @param conductanceSiemens conductance of every cell (S), positive and finite
 * @param input the row voltages: 1 V everywhere, or uniform random in [0, 1) V; null means {@code ONES}
 * @param irDrop circuit and method; not null
 */
public record UniformArrayIrDropConfig(int rowCount, int columnCount, double conductanceSiemens,
                                       IrDropInputPattern input, IrDropConfig irDrop) {

    /** Largest number of rows or columns (the exact solve of 4096 × 4096 would need tens of GiB). */
    public static final int MAX_LINE_COUNT = 4096;

    /** Validates every field; a null input pattern becomes {@code ONES}. */
    public UniformArrayIrDropConfig {
        Checks.inRange("rowCount", rowCount, 1, MAX_LINE_COUNT);
        Checks.inRange("columnCount", columnCount, 1, MAX_LINE_COUNT);
        Checks.positiveFinite("conductanceSiemens", conductanceSiemens);
        if (input == null) {
            input = IrDropInputPattern.ONES;
        }
        Checks.notNull("irDrop", irDrop);
    }

    /**
     * A 256 × 256 array of 10 µS cells (100 kΩ) with the default circuit (0.15 Ω per wire segment), all-ones
     * input, solved exactly.
     *
     * @return the default experiment
     */
    public static UniformArrayIrDropConfig defaults() {
        return new UniformArrayIrDropConfig(256, 256, 1e-5, IrDropInputPattern.ONES,
                IrDropConfig.defaults().withMethod(IrDropMethod.EXACT));
    }
}
