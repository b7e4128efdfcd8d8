/**
 * Energy and latency of crossbar tile operations: the {@code technology} config ({@link
 * org.xbarlab.crossbar.energy.TechnologyConfig}, with converter energy models chosen by {@code "model"}), the
 * activity summaries of reads and writes ({@link org.xbarlab.crossbar.energy.ArrayReadActivity}, {@link
 * org.xbarlab.crossbar.energy.PulseActivity}), and {@link org.xbarlab.crossbar.energy.TileCostModel}, which charges
 * the sim-core cost ledger by {@link org.xbarlab.crossbar.energy.CostComponent component} and phase.
 *
 * <p>Belongs here: pure cost functions of an operation's shape and activity. Does not belong here: the numerics of
 * the operations (tiles, periphery, IR drop), which call this package to charge their costs. Equations, constants
 * and their sources, and a comparison with NeuroSim are in {@code docs/energy-latency.md}.
 */
package org.xbarlab.crossbar.energy;
