package org.xbarlab.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.BorderArrangement;
import org.jfree.chart.block.LabelBlock;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.CompositeTitle;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every report figure: white background, thin black frame, light grid, 8 pt ticks, 9 pt axis
 * labels, 7 pt legend below the plot, lines of 0.9 pt, and the Okabe–Ito palette (Color Universal Design; yellow
 * replaced by grey for contrast on white). Sizes are in points; {@link org.xbarlab.reports.figures.FigureWriter}
 * lays charts out in points, so they hold in PNG, SVG and PDF alike.
 */
final class ChartStyle {

    /** Tick label font size (pt). Whole points: JFreeSVG writes font sizes as integers. */
    static final float TICK_FONT_POINTS = 8f;
    /** Axis label font size (pt). */
    static final float LABEL_FONT_POINTS = 9f;
    /** Legend font size (pt). */
    static final float LEGEND_FONT_POINTS = 7f;
    /** Line width (pt). */
    static final float LINE_WIDTH_POINTS = 0.9f;
    /** Marker size (pt). */
    static final double MARKER_POINTS = 3.5;

    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x7F7F7F),
    };
    /** Most legend items drawn on the same row as the legend's heading. */
    static final int MAX_ITEMS_BESIDE_HEADING = 4;
    /** Longest legend heading drawn on the same row as the items. */
    static final int MAX_HEADING_BESIDE_ITEMS = 32;

    static final Color GRID = new Color(0xD0D0D0);
    static final Color NOTE = new Color(0x555555);

    private ChartStyle() {
    }

    static Font font(float points) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(Font.PLAIN, points);
    }

    static Color color(int series) {
        return PALETTE[series % PALETTE.length];
    }

    static Stroke line() {
        return new BasicStroke(LINE_WIDTH_POINTS, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Distinct marker shapes, so series stay apart in grey-scale print: circle, square, triangle, diamond. */
    static Shape marker(int series) {
        double s = MARKER_POINTS;
        double h = s / 2;
        switch (series % 4) {
            case 0:
                return new Ellipse2D.Double(-h, -h, s, s);
            case 1:
                return new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2: {
                Path2D.Double triangle = new Path2D.Double();
                triangle.moveTo(0, -h * 1.1);
                triangle.lineTo(h * 1.1, h * 0.9);
                triangle.lineTo(-h * 1.1, h * 0.9);
                triangle.closePath();
                return triangle;
            }
            default: {
                Path2D.Double diamond = new Path2D.Double();
                diamond.moveTo(0, -h * 1.2);
                diamond.lineTo(h * 1.2, 0);
                diamond.lineTo(0, h * 1.2);
                diamond.lineTo(-h * 1.2, 0);
                diamond.closePath();
                return diamond;
            }
        }
    }

    static void axis(Axis axis) {
        axis.setLabelFont(font(LABEL_FONT_POINTS));
        axis.setTickLabelFont(font(TICK_FONT_POINTS));
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLineVisible(false);
        axis.setTickMarkPaint(Color.BLACK);
        axis.setTickMarkInsideLength(0);
        axis.setTickMarkOutsideLength(2.5f);
    }

    /**
     * A value axis: linear ({@link NumberAxis}, not forced to include zero) or logarithmic ({@link LogAxis}, base 10
     * with plain decimal tick labels).
     */
    static ValueAxis valueAxis(String label, boolean log, boolean integers) {
        ValueAxis axis;
        if (log) {
            LogAxis logAxis = new LogAxis(label);
            logAxis.setBase(10);
            logAxis.setSmallestValue(1e-300);
            logAxis.setNumberFormatOverride(new CompactNumberFormat());
            axis = logAxis;
        } else {
            NumberAxis numberAxis = new NumberAxis(label);
            numberAxis.setAutoRangeIncludesZero(false);
            numberAxis.setStandardTickUnits(integers ? NumberAxis.createIntegerTickUnits(Locale.ROOT)
                    : NumberAxis.createStandardTickUnits(Locale.ROOT));
            axis = numberAxis;
        }
        axis.setLowerMargin(0.06);
        axis.setUpperMargin(0.06);
        axis(axis);
        return axis;
    }

    static void plot(XYPlot plot) {
        frame(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static void plot(CategoryPlot plot) {
        frame(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    private static void frame(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(0.5f));
    }

    /** A chart without a title (papers put it in the caption), with a legend below the plot when asked. */
    static JFreeChart chart(Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, font(LABEL_FONT_POINTS), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 2, 2, 8));
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(font(LEGEND_FONT_POINTS));
            legendTitle.setFrame(BlockBorder.NONE);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setBackgroundPaint(Color.WHITE);
            legendTitle.setItemLabelPadding(new RectangleInsets(1, 2, 1, 4));
        }
        return chart;
    }

    /**
     * Gives the chart's legend a heading to the left of its items (the name of the parameter whose values the
     * items show), so that items can be short values ({@code 0.1}, {@code 0.316}) and fit on one row.
     */
    static void legendHeading(JFreeChart chart, String heading) {
        LegendTitle legend = chart.getLegend();
        if (legend == null || heading == null || heading.isEmpty()) {
            return;
        }
        int items = chart.getPlot().getLegendItems() == null ? 0 : chart.getPlot().getLegendItems().getItemCount();
        // A short heading with a few items fits on one row; otherwise the heading goes above the items, which then
        // flow over the full width.
        boolean oneRow = items <= MAX_ITEMS_BESIDE_HEADING && heading.length() <= MAX_HEADING_BESIDE_ITEMS;
        chart.removeLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        LabelBlock label = new LabelBlock(heading + ":", font(LEGEND_FONT_POINTS), Color.BLACK);
        label.setPadding(new RectangleInsets(1, 0, 1, 2));
        BlockContainer container = new BlockContainer(new BorderArrangement());
        container.add(label, oneRow ? RectangleEdge.LEFT : RectangleEdge.TOP);
        container.add(legend);
        CompositeTitle title = new CompositeTitle(container);
        title.setPosition(RectangleEdge.BOTTOM);
        title.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(title);
    }

    /** Adds a small grey note above the plot (for example "first 8 of 12 points"). */
    static void note(JFreeChart chart, String text) {
        TextTitle note = new TextTitle(text, font(LEGEND_FONT_POINTS));
        note.setPaint(NOTE);
        note.setPosition(RectangleEdge.TOP);
        chart.addSubtitle(note);
    }

    /** Tick labels of a log axis as {@link ValueFormat#number}: {@code 0.1}, {@code 0.316}, {@code 1e-09}. */
    static final class CompactNumberFormat extends NumberFormat {

        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ValueFormat.number(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ValueFormat.number(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    }
}
