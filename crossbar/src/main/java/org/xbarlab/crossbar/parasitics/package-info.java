/**
 * Wire parasitics of a crossbar array: IR drop along the row (input) and column (summation) wires.
 *
 * <p>The circuit (issue #4 item 4(a), {@code docs/ir-drop.md}): each row is driven by a voltage source at its
 * column-0 end through an optional series driver resistance and one wire segment, with one wire segment between
 * neighbouring cells and the far end open; each column has one wire segment between neighbouring cells and one
 * between the last row's cell and its virtual ground (0 V) through an optional series resistance, with the row-0 end
 * open. Cells are linear conductances. The same circuit is solved by CrossSim's parasitic solver and MemTorch's
 * passive-crossbar solver (A. Chen, "A Comprehensive Crossbar Array Model With Solutions for Line Resistance and
 * Nonlinear Device Characteristics", IEEE Trans. Electron Devices 60(4), 2013).
 *
 * <p>What is here:
 * <ul>
 *   <li>{@link org.xbarlab.crossbar.parasitics.IrDropConfig} and its parts: the circuit (resistances) and how it is
 *       simulated (method, sweeps, tolerance);</li>
 *   <li>{@link org.xbarlab.crossbar.parasitics.ExactIrDropSolver}: the exact nodal solve with EJML's sparse
 *       Cholesky, factored once per conductance matrix;</li>
 *   <li>{@link org.xbarlab.crossbar.parasitics.FastIrDropModel}: the batched line-relaxation approximation for
 *       training, and {@link org.xbarlab.crossbar.parasitics.AihwkitIrDropHeuristic}, aihwkit's cheap heuristic;</li>
 *   <li>{@link org.xbarlab.crossbar.parasitics.IrDropModel}: the common interface a tile calls on every MVM;</li>
 *   <li>{@link org.xbarlab.crossbar.parasitics.UniformArrayIrDrop} (the library side of
 *       {@code xbarlab crossbar ir-drop}) and {@link org.xbarlab.crossbar.parasitics.IrDropAccuracyStudy} (the error
 *       of the fast model against the exact solve).</li>
 * </ul>
 * Not here: device I–V nonlinearity, sneak paths of selector-less writes, wire capacitance (energy and latency are
 * in {@code org.xbarlab.crossbar.energy}).
 */
package org.xbarlab.crossbar.parasitics;
