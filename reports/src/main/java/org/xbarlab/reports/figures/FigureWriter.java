package org.xbarlab.reports.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.Page;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;
import org.xbarlab.core.Checks;
import org.xbarlab.core.io.AtomicFiles;

/**
 * Writes a {@link JFreeChart} to a file of a given physical size: PNG at {@value #PNG_DOTS_PER_INCH} dots per inch
 * (with the resolution stored in the file's {@code pHYs} chunk, so word processors and LaTeX place it at its true
 * size), SVG through JFreeSVG and PDF through OrsonPDF, both sized in points (1/72 in). The chart is always laid out
 * in points, so fonts set in points come out at that size in every format.
 *
 * <p>Files are replaced atomically: the bytes go to a temporary file in the target's directory, which is then
 * renamed over the target (a reader never sees half a figure; missing parent directories are created).
 *
 * <p>Rendering needs no display: this class sets {@code java.awt.headless=true} before its first use of AWT unless
 * the caller has set the property. Thread-safety: stateless; a chart must not be drawn by two threads at once.
 */
public final class FigureWriter {

    /** Resolution of PNG figures (dots per inch), the usual minimum of journals for line art with text. */
    public static final int PNG_DOTS_PER_INCH = 300;

    /** Points per inch (PostScript/PDF points). */
    public static final double POINTS_PER_INCH = 72;

    /** Largest figure side accepted (inches); a guard against unit mistakes (a 300 dpi PNG of 40 in is 12000 px). */
    public static final double MAX_SIDE_INCHES = 40;

    private static final double METERS_PER_INCH = 0.0254;

    static {
        HeadlessGraphics.ensure();
    }

    private FigureWriter() {
    }

    /**
     * Writes a chart in the format named by the file's extension.
     *
     * @param chart the chart, not null
     * @param file the target file ({@code .png}, {@code .svg} or {@code .pdf}), not null
     * @param widthInches figure width (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @param heightInches figure height (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @throws IllegalArgumentException if the extension or a size is not allowed
     * @throws UncheckedIOException if the file cannot be written; the message names it
     */
    public static void write(JFreeChart chart, Path file, double widthInches, double heightInches) {
        write(chart, file, FigureFormat.of(file), widthInches, heightInches);
    }

    /**
     * Writes a chart in a given format, whatever the file's extension.
     *
     * @param chart the chart, not null
     * @param file the target file, not null
     * @param format the format, not null
     * @param widthInches figure width (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @param heightInches figure height (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @throws IllegalArgumentException if a size is not allowed
     * @throws UncheckedIOException if the file cannot be written; the message names it
     */
    public static void write(JFreeChart chart, Path file, FigureFormat format, double widthInches,
                             double heightInches) {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(format, "format must not be null");
        switch (format) {
            case PNG -> writeBytes(file, png(chart, widthInches, heightInches));
            case SVG -> AtomicFiles.writeString(file, svg(chart, widthInches, heightInches));
            case PDF -> writeBytes(file, pdf(chart, widthInches, heightInches));
            default -> throw new IllegalStateException("unhandled format " + format);
        }
    }

    /**
     * The pixel size of a PNG figure of a given physical size.
     *
     * @param inches a side (in), positive
     * @return {@code round(inches x PNG_DOTS_PER_INCH)}
     */
    public static int pixels(double inches) {
        return (int) Math.round(inches * PNG_DOTS_PER_INCH);
    }

    /**
     * Renders a chart as PNG bytes, {@link #pixels(double) pixels(width)} x {@link #pixels(double) pixels(height)}
     * pixels, opaque (white where the chart paints nothing), anti-aliased, with a {@code pHYs} chunk of
     * {@value #PNG_DOTS_PER_INCH} dpi.
     *
     * @param chart the chart, not null
     * @param widthInches figure width (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @param heightInches figure height (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @return the PNG file content
     */
    public static byte[] png(JFreeChart chart, double widthInches, double heightInches) {
        Objects.requireNonNull(chart, "chart must not be null");
        checkSize(widthInches, heightInches);
        int widthPixels = pixels(widthInches);
        int heightPixels = pixels(heightInches);
        BufferedImage image = new BufferedImage(widthPixels, heightPixels, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, widthPixels, heightPixels);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            // Lay the chart out in points and scale points to pixels, so sizes set in points hold at any dpi.
            graphics.scale(widthPixels / (widthInches * POINTS_PER_INCH),
                    heightPixels / (heightInches * POINTS_PER_INCH));
            chart.draw(graphics, points(widthInches, heightInches));
        } finally {
            graphics.dispose();
        }
        return encodePng(image);
    }

    /**
     * Renders a chart as an SVG document (XML declaration included) whose {@code width} and {@code height} are in
     * points and whose view box is the chart's layout in points.
     *
     * @param chart the chart, not null
     * @param widthInches figure width (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @param heightInches figure height (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @return the SVG text
     */
    public static String svg(JFreeChart chart, double widthInches, double heightInches) {
        Objects.requireNonNull(chart, "chart must not be null");
        checkSize(widthInches, heightInches);
        double width = widthInches * POINTS_PER_INCH;
        double height = heightInches * POINTS_PER_INCH;
        SVGGraphics2D graphics = new SVGGraphics2D(width, height, SVGUnits.PT);
        chart.draw(graphics, points(widthInches, heightInches));
        // With the view box, one user unit is one point, so font sizes (user units) are in points too.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + graphics.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null) + "\n";
    }

    /**
     * Renders a chart as a one-page PDF document whose page is the figure (in points).
     *
     * @param chart the chart, not null
     * @param widthInches figure width (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @param heightInches figure height (in), in (0, {@value #MAX_SIDE_INCHES}]
     * @return the PDF file content
     */
    public static byte[] pdf(JFreeChart chart, double widthInches, double heightInches) {
        Objects.requireNonNull(chart, "chart must not be null");
        checkSize(widthInches, heightInches);
        PDFDocument document = new PDFDocument();
        document.setTitle(chart.getTitle() == null ? "xbarlab figure" : chart.getTitle().getText());
        document.setAuthor("xbarlab");
        Page page = document.createPage(points(widthInches, heightInches));
        PDFGraphics2D graphics = page.getGraphics2D();
        chart.draw(graphics, points(widthInches, heightInches));
        return document.getPDFBytes();
    }

    private static Rectangle2D points(double widthInches, double heightInches) {
        return new Rectangle2D.Double(0, 0, widthInches * POINTS_PER_INCH, heightInches * POINTS_PER_INCH);
    }

    private static void checkSize(double widthInches, double heightInches) {
        if (!(widthInches > 0 && widthInches <= MAX_SIDE_INCHES)) {
            throw new IllegalArgumentException("widthInches must be in (0, " + Checks.number(MAX_SIDE_INCHES)
                    + "] in, got " + Checks.number(widthInches) + " in");
        }
        if (!(heightInches > 0 && heightInches <= MAX_SIDE_INCHES)) {
            throw new IllegalArgumentException("heightInches must be in (0, " + Checks.number(MAX_SIDE_INCHES)
                    + "] in, got " + Checks.number(heightInches) + " in");
        }
    }

    private static byte[] encodePng(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("the JDK has no PNG image writer");
        }
        ImageWriter writer = writers.next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    parameters);
            String pixelsPerMeter = String.format(Locale.ROOT, "%d",
                    Math.round(PNG_DOTS_PER_INCH / METERS_PER_INCH));
            IIOMetadataNode physical = new IIOMetadataNode("pHYs");
            physical.setAttribute("pixelsPerUnitXAxis", pixelsPerMeter);
            physical.setAttribute("pixelsPerUnitYAxis", pixelsPerMeter);
            physical.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(physical);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), parameters);
            stream.flush();
            return bytes.toByteArray();
        } catch (IIOInvalidTreeException e) {
            throw new IllegalStateException("cannot set the PNG resolution: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the PNG image: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
    }

    private static void writeBytes(Path target, byte[] content) {
        AtomicFiles.writeBytes(target, content);
    }
}
