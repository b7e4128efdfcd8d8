/**
 * Figures for papers and docs, drawn with JFreeChart and written as PNG (300 dpi), SVG (JFreeSVG) or PDF
 * (OrsonPDF), the format chosen by the file extension ({@link org.xbarlab.reports.figures.FigureFormat}).
 *
 * <p>What belongs here: one class per kind of figure ({@link org.xbarlab.reports.figures.PulseResponseFigure}),
 * each building a {@code JFreeChart} from result records or plain arrays, and the shared writer
 * ({@link org.xbarlab.reports.figures.FigureWriter}). What does not: simulation (figures only read records that the
 * simulation modules return) and command-line parsing (module {@code cli}).
 *
 * <p>Rendering never needs a display: the classes here set {@code java.awt.headless=true} before their first use of
 * AWT unless the property was set by the caller, so they run unchanged in CI and on servers.
 */
package org.xbarlab.reports.figures;
