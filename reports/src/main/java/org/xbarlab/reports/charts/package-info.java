/**
 * Figures of sweeps and runs for papers, built from result files alone ({@link org.xbarlab.reports.results}): a
 * metric against a swept parameter with mean ± standard deviation across trials, accuracy against energy per sample
 * with the Pareto front, energy and latency per sample by component as stacked bars, training curves, and
 * conductance histograms of the swept devices; plus the {@code index.html} that shows every figure with its data
 * ({@link org.xbarlab.reports.charts.SweepReport}).
 *
 * <p>Every figure is one column of a two-column paper wide ({@value org.xbarlab.reports.charts.Figure#WIDTH_INCHES}
 * in), with 8 pt tick labels and 9 pt axis labels, the Okabe–Ito colour-blind-safe palette, and axis units with the
 * SI prefix that suits the data ({@link org.xbarlab.reports.charts.AxisUnit}). Files are written by
 * {@link org.xbarlab.reports.figures.FigureWriter} (PNG at 300 dpi, SVG, PDF).
 *
 * <p>What does not belong here: reading and aggregating results (package {@code results}), simulation, and
 * command-line parsing.
 */
package org.xbarlab.reports.charts;
