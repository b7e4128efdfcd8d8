/**
 * The analog periphery of a tile: input scaling (noise management), digital-to-analog conversion of the inputs,
 * output noise, analog-to-digital conversion of the column outputs, and iterative bound management. The numerics
 * follow the forward/backward pipeline of IBM aihwkit ({@code IOParameters}; see
 * {@code ../shared/reference/aihwkit.md} §2.1): noise management → DAC → analog product → output noise → ADC →
 * clip → bound management. Energy and latency of the converters are in {@code org.xbarlab.crossbar.energy}.
 *
 * <p>All quantities here are normalized: inputs are in units of the DAC's full scale after noise management, and
 * outputs are in units of (full-scale weight × full-scale input), as in aihwkit. Physical currents and voltages
 * belong to the energy model and IR-drop solver.
 */
package org.xbarlab.crossbar.periphery;
