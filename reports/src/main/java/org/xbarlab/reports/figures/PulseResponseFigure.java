package org.xbarlab.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;
import org.xbarlab.devices.PulseResponseTrace;

/**
 * The pulse response of a few devices as a paper figure: conductance (in the SI prefix that suits the data, see
 * {@link ConductanceUnit}) against the cumulative pulse number, one line per device, potentiation phases on a white
 * background and depression phases shaded grey (labelled "pot."/"dep." when there are at most
 * {@value #MAX_LABELLED_CYCLES} cycles). It reads a {@link PulseResponseTrace} (what
 * {@code org.xbarlab.devices.DeviceExperiments.pulseResponse} returns) or the same data as plain arrays.
 *
 * <p>Layout: {@value #WIDTH_INCHES} x {@value #HEIGHT_INCHES} in (one column of a two-column paper), fonts of
 * {@value #TICK_FONT_POINTS} pt (ticks) and {@value #LABEL_FONT_POINTS} pt (axis labels), lines of
 * {@value #LINE_WIDTH_POINTS} pt in the Okabe-Ito colour-blind-safe palette. At most {@value #MAX_DEVICES_DRAWN}
 * devices are drawn (the first ones; a subtitle says so), and a device with more than
 * {@value #MAX_POINTS_PER_DEVICE} points is reduced to the minimum and maximum of equal pulse buckets, which keeps
 * the envelope of the noise and the vector files small.
 *
 * <p>Thread-safety: stateless. Rendering needs no display (see the package documentation).
 */
public final class PulseResponseFigure {

    /** Figure width (in): one column of a two-column paper. */
    public static final double WIDTH_INCHES = 3.5;
    /** Figure height (in). */
    public static final double HEIGHT_INCHES = 2.5;
    /** Most devices drawn; more lines are unreadable at column width. */
    public static final int MAX_DEVICES_DRAWN = 8;
    /** Most points drawn per device before min/max reduction (about 4 per pixel column at 300 dpi). */
    public static final int MAX_POINTS_PER_DEVICE = 4000;
    /** Most cycles whose phases get a text label; beyond, the bands are too narrow for text. */
    public static final int MAX_LABELLED_CYCLES = 4;
    /** Tick label font size (pt); whole points, because JFreeSVG writes font sizes as integers. */
    public static final float TICK_FONT_POINTS = 8f;
    /** Axis label font size (pt). */
    public static final float LABEL_FONT_POINTS = 9f;
    /** Title font size (pt). */
    public static final float TITLE_FONT_POINTS = 9f;
    /** Line width (pt). */
    public static final float LINE_WIDTH_POINTS = 0.75f;

    /** Okabe and Ito's palette (Color Universal Design), yellow replaced by grey for contrast on white. */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x7F7F7F),
    };
    private static final Color DEPRESSION_SHADE = new Color(0xE6E6E6);
    private static final Color GRID = new Color(0xD0D0D0);
    private static final Color PHASE_LABEL = new Color(0x555555);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    static {
        HeadlessGraphics.ensure();
    }

    private PulseResponseFigure() {
    }

    /**
     * Builds the chart of a trace.
     *
     * @param trace the trace, not null; not modified
     * @param title the title, or null for none (papers put it in the caption)
     * @return a new chart
     */
    public static JFreeChart chart(PulseResponseTrace trace, String title) {
        Objects.requireNonNull(trace, "trace must not be null");
        int rows = trace.rows();
        int devices = trace.devices();
        int drawn = Math.min(devices, MAX_DEVICES_DRAWN);
        int pulsesPerPhase = trace.pulsesPerPhase();
        int cycles = trace.cycles();

        double maxAbs = 0;
        for (int row = 0; row < rows; row++) {
            for (int device = 0; device < drawn; device++) {
                maxAbs = Math.max(maxAbs, Math.abs(trace.conductanceSiemens(row, device)));
            }
        }
        ConductanceUnit unit = ConductanceUnit.forMaximum(maxAbs);

        DefaultXYDataset dataset = new DefaultXYDataset();
        for (int device = 0; device < drawn; device++) {
            dataset.addSeries("device " + device, series(trace, device, unit));
        }

        NumberAxis pulseAxis = new NumberAxis("Pulse number");
        pulseAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        pulseAxis.setRange(0, rows - 1);
        NumberFormat wholeNumbers = NumberFormat.getIntegerInstance(Locale.ROOT);
        wholeNumbers.setGroupingUsed(false);
        pulseAxis.setNumberFormatOverride(wholeNumbers);
        NumberAxis conductanceAxis = new NumberAxis("Conductance (" + unit.symbol() + ")");
        conductanceAxis.setAutoRangeIncludesZero(false);
        conductanceAxis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        boolean labelled = cycles <= MAX_LABELLED_CYCLES;
        conductanceAxis.setUpperMargin(labelled ? 0.16 : 0.05);
        conductanceAxis.setLowerMargin(0.05);
        for (NumberAxis axis : new NumberAxis[] {pulseAxis, conductanceAxis}) {
            axis.setLabelFont(font(Font.PLAIN, LABEL_FONT_POINTS));
            axis.setTickLabelFont(font(Font.PLAIN, TICK_FONT_POINTS));
            axis.setLabelPaint(Color.BLACK);
            axis.setTickLabelPaint(Color.BLACK);
            axis.setAxisLineVisible(false);
            axis.setTickMarkPaint(Color.BLACK);
            axis.setTickMarkInsideLength(0);
            axis.setTickMarkOutsideLength(2.5f);
        }

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        for (int device = 0; device < drawn; device++) {
            renderer.setSeriesPaint(device, PALETTE[device % PALETTE.length]);
            renderer.setSeriesStroke(device, new BasicStroke(LINE_WIDTH_POINTS, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
        }

        XYPlot plot = new XYPlot(dataset, pulseAxis, conductanceAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int cycle = 0; cycle < cycles; cycle++) {
            double start = 2.0 * cycle * pulsesPerPhase;
            double middle = start + pulsesPerPhase;
            double end = middle + pulsesPerPhase;
            plot.addDomainMarker(phase(start, middle, TRANSPARENT, labelled ? "pot." : null),
                    Layer.BACKGROUND);
            plot.addDomainMarker(phase(middle, end, DEPRESSION_SHADE, labelled ? "dep." : null), Layer.BACKGROUND);
        }

        JFreeChart chart = new JFreeChart(title, font(Font.PLAIN, TITLE_FONT_POINTS), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(3, 2, 2, 8));
        if (title != null) {
            chart.getTitle().setPaint(Color.BLACK);
        }
        if (drawn < devices) {
            TextTitle note = new TextTitle(String.format(Locale.ROOT, "first %d of %d devices", drawn, devices),
                    font(Font.PLAIN, TICK_FONT_POINTS));
            note.setPaint(PHASE_LABEL);
            chart.addSubtitle(note);
        }
        return chart;
    }

    /**
     * Builds the chart of a trace given as plain arrays, laid out as {@link PulseResponseTrace} documents (row r
     * is the state after r pulses; element {@code r * devices + d}).
     *
     * @param pulsesPerPhase N, positive
     * @param cycles C, positive
     * @param devices D, positive
     * @param conductanceSiemens the trace (S), length {@code (2 C N + 1) D}; not modified
     * @param title the title, or null
     * @return a new chart
     * @throws IllegalArgumentException if the sizes do not match
     */
    public static JFreeChart chart(int pulsesPerPhase, int cycles, int devices, float[] conductanceSiemens,
                                   String title) {
        return chart(new PulseResponseTrace(pulsesPerPhase, cycles, devices, conductanceSiemens), title);
    }

    /**
     * Writes the figure of a trace, {@value #WIDTH_INCHES} x {@value #HEIGHT_INCHES} in, as PNG (300 dpi), SVG or
     * PDF according to the file's extension, replacing the file atomically.
     *
     * @param trace the trace, not null
     * @param title the title, or null for none
     * @param file a {@code .png}, {@code .svg} or {@code .pdf} file, not null
     * @throws IllegalArgumentException if the extension is not one of those
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(PulseResponseTrace trace, String title, Path file) {
        FigureFormat format = FigureFormat.of(file);
        FigureWriter.write(chart(trace, title), file, format, WIDTH_INCHES, HEIGHT_INCHES);
    }

    /**
     * One device's points (cumulative pulse number, conductance in {@code unit}); more than
     * {@link #MAX_POINTS_PER_DEVICE} points are reduced to the first and last row and, for each of
     * {@code (MAX_POINTS_PER_DEVICE - 2) / 2} equal buckets of rows in between, its minimum and maximum in pulse
     * order.
     */
    static double[][] series(PulseResponseTrace trace, int device, ConductanceUnit unit) {
        int rows = trace.rows();
        if (rows <= MAX_POINTS_PER_DEVICE) {
            double[][] xy = new double[2][rows];
            for (int row = 0; row < rows; row++) {
                xy[0][row] = row;
                xy[1][row] = unit.fromSiemens(trace.conductanceSiemens(row, device));
            }
            return xy;
        }
        int buckets = (MAX_POINTS_PER_DEVICE - 2) / 2;
        double[] x = new double[2 * buckets + 2];
        double[] y = new double[x.length];
        int count = 0;
        x[count] = 0;
        y[count++] = unit.fromSiemens(trace.conductanceSiemens(0, device));
        int inner = rows - 2;
        for (int bucket = 0; bucket < buckets; bucket++) {
            int from = 1 + (int) ((long) bucket * inner / buckets);
            int to = 1 + (int) ((long) (bucket + 1) * inner / buckets);
            if (from >= to) {
                continue;
            }
            int lowRow = from;
            int highRow = from;
            for (int row = from + 1; row < to; row++) {
                float value = trace.conductanceSiemens(row, device);
                if (value < trace.conductanceSiemens(lowRow, device)) {
                    lowRow = row;
                }
                if (value > trace.conductanceSiemens(highRow, device)) {
                    highRow = row;
                }
            }
            int first = Math.min(lowRow, highRow);
            int second = Math.max(lowRow, highRow);
            x[count] = first;
            y[count++] = unit.fromSiemens(trace.conductanceSiemens(first, device));
            if (second != first) {
                x[count] = second;
                y[count++] = unit.fromSiemens(trace.conductanceSiemens(second, device));
            }
        }
        x[count] = rows - 1;
        y[count++] = unit.fromSiemens(trace.conductanceSiemens(rows - 1, device));
        return new double[][] {Arrays.copyOf(x, count), Arrays.copyOf(y, count)};
    }

    private static IntervalMarker phase(double start, double end, Paint paint, String label) {
        IntervalMarker marker = new IntervalMarker(start, end, paint);
        marker.setOutlinePaint(null);
        marker.setAlpha(1f);
        if (label != null) {
            marker.setLabel(label);
            marker.setLabelFont(font(Font.PLAIN, TICK_FONT_POINTS));
            marker.setLabelPaint(PHASE_LABEL);
            marker.setLabelBackgroundColor(TRANSPARENT);
            marker.setLabelAnchor(RectangleAnchor.TOP);
            marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            marker.setLabelOffset(new RectangleInsets(2, 0, 0, 0));
        }
        return marker;
    }

    private static Font font(int style, float points) {
        return new Font(Font.SANS_SERIF, style, 1).deriveFont(style, points);
    }
}
