package org.xbarlab.crossbar.parasitics;

import org.xbarlab.core.Checks;

/**
 * The resistive network around the cells of one array (hardware description, SI units): what is simulated, not how.
 *
 * <pre>
 *   row i:    V_i ─ R_driver ─ r_row ─ cell(i,0) ─ r_row ─ cell(i,1) ─ … ─ r_row ─ cell(i,N−1)   (far end open)
 *   column j: (open) cell(0,j) ─ r_col ─ cell(1,j) ─ … ─ cell(M−1,j) ─ r_col ─ R_ground ─ 0 V (virtual ground)
 * </pre>
 * See {@code docs/ir-drop.md} for the figure and equations. A resistance of 0 is an ideal wire (the solvers merge
 * the nodes it joins, so 0 is exact and never ill-conditioned).
 *
 * <p>The default wire segment, 0.15 Ω per cell on both lines, is NeuroSim's value for its default 100 nm copper
 * array wire over one cell pitch (ρ = 2.73e-8 Ω·m, aspect ratio 2.3, about 1.19 Ω/µm; see
 * {@code shared/reference/neurosim.md} §2) and equals the per-cell wire resistance of aihwkit's time-dependent
 * IR-drop tile ({@code IOParametersIRDropT}, {@code shared/reference/aihwkit.md} §2.2).
 *
 * @param rowWireSegmentResistanceOhms resistance of one row (input, word-line) wire segment (Ω), finite, ≥ 0
 * @param columnWireSegmentResistanceOhms resistance of one column (summation, bit-line) wire segment (Ω), finite,
 *     ≥ 0
 * @param driverResistanceOhms series output resistance of each row driver (Ω), finite, ≥ 0; 0 is an ideal source
 * @param virtualGroundResistanceOhms series input resistance of each column's virtual ground, for example the
 *     sense amplifier or transimpedance stage (Ω), finite, ≥ 0; 0 is an ideal virtual ground
 */
public record IrDropCircuitConfig(double rowWireSegmentResistanceOhms, double columnWireSegmentResistanceOhms,
                                  double driverResistanceOhms, double virtualGroundResistanceOhms) {

    /** NeuroSim's per-cell segment of its default 100 nm copper wire, ≈ 0.15 Ω (see the class documentation). */
    public static final double DEFAULT_WIRE_SEGMENT_RESISTANCE_OHMS = 0.15;

    /** Validates every field; messages name the field and show the value in Ω. */
    public IrDropCircuitConfig {
        Checks.nonNegativeFinite("rowWireSegmentResistanceOhms", rowWireSegmentResistanceOhms);
        Checks.nonNegativeFinite("columnWireSegmentResistanceOhms", columnWireSegmentResistanceOhms);
        Checks.nonNegativeFinite("driverResistanceOhms", driverResistanceOhms);
        Checks.nonNegativeFinite("virtualGroundResistanceOhms", virtualGroundResistanceOhms);
    }

    /**
     * 0.15 Ω per wire segment on rows and columns, ideal drivers and virtual grounds.
     *
     * @return the default circuit
     */
    public static IrDropCircuitConfig defaults() {
        return uniformWires(DEFAULT_WIRE_SEGMENT_RESISTANCE_OHMS);
    }

    /**
     * The same wire segment resistance on rows and columns, ideal drivers and virtual grounds (CrossSim's and
     * MemTorch's usual setting).
     *
     * @param wireSegmentResistanceOhms resistance of every wire segment (Ω), finite, ≥ 0
     * @return the circuit
     * @throws IllegalArgumentException if the resistance is negative or not finite
     */
    public static IrDropCircuitConfig uniformWires(double wireSegmentResistanceOhms) {
        return new IrDropCircuitConfig(wireSegmentResistanceOhms, wireSegmentResistanceOhms, 0.0, 0.0);
    }

    /**
     * Whether every resistance is zero, so that the array computes the ideal product exactly.
     *
     * @return true if there is no parasitic resistance at all
     */
    public boolean isIdeal() {
        return rowWireSegmentResistanceOhms == 0 && columnWireSegmentResistanceOhms == 0
                && driverResistanceOhms == 0 && virtualGroundResistanceOhms == 0;
    }

    /**
     * A copy with another row wire segment resistance.
     *
     * @param value the new {@link #rowWireSegmentResistanceOhms()} (Ω)
     * @return a new config
     */
    public IrDropCircuitConfig withRowWireSegmentResistanceOhms(double value) {
        return new IrDropCircuitConfig(value, columnWireSegmentResistanceOhms, driverResistanceOhms,
                virtualGroundResistanceOhms);
    }

    /**
     * A copy with another column wire segment resistance.
     *
     * @param value the new {@link #columnWireSegmentResistanceOhms()} (Ω)
     * @return a new config
     */
    public IrDropCircuitConfig withColumnWireSegmentResistanceOhms(double value) {
        return new IrDropCircuitConfig(rowWireSegmentResistanceOhms, value, driverResistanceOhms,
                virtualGroundResistanceOhms);
    }

    /**
     * A copy with another driver resistance.
     *
     * @param value the new {@link #driverResistanceOhms()} (Ω)
     * @return a new config
     */
    public IrDropCircuitConfig withDriverResistanceOhms(double value) {
        return new IrDropCircuitConfig(rowWireSegmentResistanceOhms, columnWireSegmentResistanceOhms, value,
                virtualGroundResistanceOhms);
    }

    /**
     * A copy with another virtual-ground resistance.
     *
     * @param value the new {@link #virtualGroundResistanceOhms()} (Ω)
     * @return a new config
     */
    public IrDropCircuitConfig withVirtualGroundResistanceOhms(double value) {
        return new IrDropCircuitConfig(rowWireSegmentResistanceOhms, columnWireSegmentResistanceOhms,
                driverResistanceOhms, value);
    }

    /**
     * The circuit seen by a transposed read of the same array when each column is driven from the end where its
     * virtual ground sits (row M−1) and each row is sensed at the end where its driver sits (column 0): rows and
     * columns swap roles, and so do the driver and virtual-ground resistances. The canonical circuit of this class
     * then describes the transposed read for the conductance matrix {@code G'} of {@code N × M} with
     * {@code G'(p, q) = G(M−1−q, N−1−p)}: new row {@code p} is old column {@code N−1−p}, new column {@code q} is
     * old row {@code M−1−q} (see {@code docs/ir-drop.md}).
     *
     * @return the swapped circuit
     */
    public IrDropCircuitConfig transposed() {
        return new IrDropCircuitConfig(columnWireSegmentResistanceOhms, rowWireSegmentResistanceOhms,
                virtualGroundResistanceOhms, driverResistanceOhms);
    }
}
