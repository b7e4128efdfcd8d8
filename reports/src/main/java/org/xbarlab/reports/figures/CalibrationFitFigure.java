package org.xbarlab.reports.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.xbarlab.calibration.FitCurves;

/**
 * A calibration fit as a paper figure: the observations (dots) against the fitted model (lines) in the upper panel,
 * the residuals (dots, with a line at 0, in their own SI prefix) in the lower panel, sharing the abscissa. It draws a
 * {@link FitCurves} (what {@code PulseResponseFit.curves()}, {@code DriftFit.curves()} and
 * {@code ProgrammingNoiseFit.curves()} return): conductances in the SI prefix that suits the data
 * ({@link ConductanceUnit}), the abscissa on a log scale when the curves ask (drift; points at or below 0 are left
 * out there), and the fitted line mirrored to {@code ±fitted} for a symmetric band (programming noise).
 *
 * <p>Layout: {@value #WIDTH_INCHES} x {@value #HEIGHT_INCHES} in (one column of a two-column paper), residual panel a
 * third of the height, fonts of {@value #TICK_FONT_POINTS} pt (ticks) and {@value #LABEL_FONT_POINTS} pt (labels),
 * the Okabe-Ito palette. At most {@value #MAX_SERIES_DRAWN} series are drawn (the first ones; a subtitle says so);
 * a series longer than {@value #MAX_POINTS_PER_SERIES} points is thinned to every k-th point (the same points in both
 * panels), which keeps vector files small.
 *
 * <p>Thread-safety: stateless. Rendering needs no display (see the package documentation).
 */
public final class CalibrationFitFigure {

    /** Figure width (in). */
    public static final double WIDTH_INCHES = 3.5;
    /** Figure height (in): both panels. */
    public static final double HEIGHT_INCHES = 3.8;
    /** Most series drawn. */
    public static final int MAX_SERIES_DRAWN = 4;
    /** Most points drawn per series before thinning. */
    public static final int MAX_POINTS_PER_SERIES = 1500;
    /** Tick label font size (pt). */
    public static final float TICK_FONT_POINTS = 8f;
    /** Axis label font size (pt). */
    public static final float LABEL_FONT_POINTS = 9f;
    /** Dot diameter (pt). */
    public static final double DOT_POINTS = 1.6;
    /** Fitted line width (pt). */
    public static final float LINE_WIDTH_POINTS = 0.9f;

    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
    };
    private static final Color GRID = new Color(0xD0D0D0);
    private static final Color NOTE = new Color(0x555555);

    static {
        HeadlessGraphics.ensure();
    }

    private CalibrationFitFigure() {
    }

    /**
     * Builds the chart.
     *
     * @param curves the fit's curves, not null
     * @param title the title, or null for none
     * @return a new chart with a {@link CombinedDomainXYPlot} of two subplots (data and fit, residuals)
     */
    public static JFreeChart chart(FitCurves curves, String title) {
        Objects.requireNonNull(curves, "curves must not be null");
        List<FitCurves.Series> all = curves.series();
        int drawn = Math.min(all.size(), MAX_SERIES_DRAWN);
        double maxAbs = 0;
        double maxResidual = 0;
        double maxX = 0;
        for (int s = 0; s < drawn; s++) {
            FitCurves.Series series = all.get(s);
            for (int i = 0; i < series.x().length; i++) {
                maxAbs = Math.max(maxAbs, finiteAbs(series.observed()[i]));
                maxAbs = Math.max(maxAbs, finiteAbs(series.fitted()[i]));
                maxResidual = Math.max(maxResidual, finiteAbs(series.residual()[i]));
                maxX = Math.max(maxX, finiteAbs(series.x()[i]));
            }
        }
        ConductanceUnit unit = ConductanceUnit.forMaximum(maxAbs);
        // Residuals are usually far smaller than the data: they get their own prefix.
        ConductanceUnit xUnit = curves.xInSiemens() ? ConductanceUnit.forMaximum(maxX) : null;
        ConductanceUnit residualUnit = curves.residualsInSiemens() ? ConductanceUnit.forMaximum(maxResidual) : null;

        DefaultXYDataset data = new DefaultXYDataset();
        DefaultXYDataset fits = new DefaultXYDataset();
        DefaultXYDataset residuals = new DefaultXYDataset();
        for (int s = 0; s < drawn; s++) {
            FitCurves.Series series = all.get(s);
            boolean log = curves.logarithmicX();
            data.addSeries(series.name(), points(series.x(), xUnit, series.observed(), unit, log));
            fits.addSeries(series.name() + " fit", points(series.x(), xUnit, series.fitted(), unit, log));
            if (curves.symmetricFit()) {
                double[] negative = series.fitted().clone();
                for (int i = 0; i < negative.length; i++) {
                    negative[i] = -negative[i];
                }
                fits.addSeries(series.name() + " fit (-)", points(series.x(), xUnit, negative, unit, log));
            }
            residuals.addSeries(series.name() + " residual", points(series.x(), xUnit, series.residual(),
                    residualUnit, log));
        }

        String xLabel = curves.xLabel() + (xUnit == null ? "" : " (" + xUnit.symbol() + ")");
        ValueAxis domain = curves.logarithmicX() ? logAxis(xLabel) : numberAxis(xLabel, false);
        NumberAxis valueAxis = numberAxis(curves.yQuantity() + " (" + unit.symbol() + ")", true);
        NumberAxis residualAxis = numberAxis(curves.residualLabel()
                + (residualUnit == null ? "" : " (" + residualUnit.symbol() + ")"), true);

        XYPlot top = new XYPlot(data, null, valueAxis, dots(drawn));
        top.setDataset(1, fits);
        top.setRenderer(1, lines(drawn, curves.symmetricFit()));
        XYPlot bottom = new XYPlot(residuals, null, residualAxis, dots(drawn));
        ValueMarker zero = new ValueMarker(0, Color.BLACK, new BasicStroke(0.5f));
        bottom.addRangeMarker(zero);
        for (XYPlot plot : new XYPlot[] {top, bottom}) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setOutlinePaint(Color.BLACK);
            plot.setOutlineStroke(new BasicStroke(0.5f));
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinePaint(GRID);
            plot.setRangeGridlineStroke(new BasicStroke(0.4f));
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
        top.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(domain);
        combined.setGap(10);
        combined.add(top, 2);
        combined.add(bottom, 1);
        combined.setFixedLegendItems(legend(top, drawn));

        JFreeChart chart = new JFreeChart(title, font(Font.PLAIN, LABEL_FONT_POINTS), combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(3, 2, 2, 8));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(font(Font.PLAIN, TICK_FONT_POINTS));
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        if (title != null) {
            chart.getTitle().setPaint(Color.BLACK);
        }
        if (drawn < all.size()) {
            TextTitle note = new TextTitle(String.format(Locale.ROOT, "first %d of %d series", drawn, all.size()),
                    font(Font.PLAIN, TICK_FONT_POINTS));
            note.setPaint(NOTE);
            chart.addSubtitle(note);
        }
        return chart;
    }

    /**
     * Writes the figure, {@value #WIDTH_INCHES} x {@value #HEIGHT_INCHES} in, as PNG (300 dpi), SVG or PDF by the
     * file's extension, replacing the file atomically.
     *
     * @param curves the fit's curves, not null
     * @param title the title, or null
     * @param file a {@code .png}, {@code .svg} or {@code .pdf} file, not null
     * @throws IllegalArgumentException if the extension is not one of those
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    public static void write(FitCurves curves, String title, Path file) {
        FigureFormat format = FigureFormat.of(file);
        FigureWriter.write(chart(curves, title), file, format, WIDTH_INCHES, HEIGHT_INCHES);
    }

    /**
     * The points of a series, each coordinate in a unit (null: unscaled), thinned to at most
     * {@link #MAX_POINTS_PER_SERIES}.
     */
    static double[][] points(double[] x, ConductanceUnit xUnit, double[] y, ConductanceUnit unit,
                             boolean logarithmicX) {
        int n = x.length;
        int stride = Math.max(1, (n + MAX_POINTS_PER_SERIES - 1) / MAX_POINTS_PER_SERIES);
        int count = 0;
        double[] xs = new double[(n + stride - 1) / stride];
        double[] ys = new double[xs.length];
        for (int i = 0; i < n; i += stride) {
            double value = y[i];
            if (!Double.isFinite(value) || !Double.isFinite(x[i]) || logarithmicX && !(x[i] > 0)) {
                continue;
            }
            xs[count] = xUnit == null ? x[i] : xUnit.fromSiemens(x[i]);
            ys[count] = unit == null ? value : unit.fromSiemens(value);
            count++;
        }
        return new double[][] {java.util.Arrays.copyOf(xs, count), java.util.Arrays.copyOf(ys, count)};
    }

    private static double finiteAbs(double value) {
        return Double.isFinite(value) ? Math.abs(value) : 0;
    }

    private static XYLineAndShapeRenderer dots(int series) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        double d = DOT_POINTS;
        for (int s = 0; s < series; s++) {
            renderer.setSeriesShape(s, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
            Color color = PALETTE[s % PALETTE.length];
            renderer.setSeriesPaint(s, new Color(color.getRed(), color.getGreen(), color.getBlue(), 110));
        }
        return renderer;
    }

    private static XYLineAndShapeRenderer lines(int series, boolean symmetric) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        int perSeries = symmetric ? 2 : 1;
        for (int s = 0; s < series * perSeries; s++) {
            Color color = PALETTE[(s / perSeries) % PALETTE.length];
            renderer.setSeriesPaint(s, color.darker());
            renderer.setSeriesStroke(s, new BasicStroke(LINE_WIDTH_POINTS, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
        }
        return renderer;
    }

    /** One legend entry per series (the data colour), plus one for the fitted lines. */
    private static LegendItemCollection legend(XYPlot top, int drawn) {
        LegendItemCollection items = new LegendItemCollection();
        LegendItemCollection dots = top.getRenderer(0).getLegendItems();
        for (int s = 0; s < drawn && s < dots.getItemCount(); s++) {
            items.add(dots.get(s));
        }
        LegendItemCollection lines = top.getRenderer(1).getLegendItems();
        if (lines.getItemCount() > 0) {
            org.jfree.chart.LegendItem line = lines.get(0);
            items.add(new org.jfree.chart.LegendItem("fit", null, null, null,
                    new java.awt.geom.Line2D.Double(-6, 0, 6, 0), new BasicStroke(LINE_WIDTH_POINTS),
                    (Color) line.getLinePaint()));
        }
        return items;
    }

    private static NumberAxis numberAxis(String label, boolean value) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        style(axis);
        if (value) {
            axis.setUpperMargin(0.06);
            axis.setLowerMargin(0.06);
        }
        return axis;
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-12);
        style(axis);
        return axis;
    }

    private static void style(ValueAxis axis) {
        axis.setLabelFont(font(Font.PLAIN, LABEL_FONT_POINTS));
        axis.setTickLabelFont(font(Font.PLAIN, TICK_FONT_POINTS));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLineVisible(false);
        axis.setTickMarkPaint(Color.BLACK);
        axis.setTickMarkInsideLength(0);
        axis.setTickMarkOutsideLength(2.5f);
    }

    private static Font font(int style, float points) {
        return new Font(Font.SANS_SERIF, style, 1).deriveFont(style, points);
    }
}
