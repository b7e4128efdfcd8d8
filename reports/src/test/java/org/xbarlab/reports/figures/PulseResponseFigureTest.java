package org.xbarlab.reports.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.devices.DeviceExperiments;
import org.xbarlab.devices.PulseResponseTrace;
import org.xbarlab.devices.presets.DevicePresets;

class PulseResponseFigureTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private static PulseResponseTrace trace(String preset, int pulses, int cycles, int devices) {
        return DeviceExperiments.pulseResponse(DevicePresets.load(preset), pulses, cycles, devices, TEST_SEED);
    }

    @Test
    void writesAPngOfTheColumnSizeAt300Dpi() throws IOException {
        Path file = directory.resolve("figures/reram.png");
        PulseResponseFigure.write(trace("reram-hfo2", 60, 2, 3), "reram-hfo2", file);
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, "PNG of " + bytes.length + " bytes");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1050, image.getWidth(), "3.5 in at 300 dpi");
        assertEquals(750, image.getHeight(), "2.5 in at 300 dpi");
        assertEquals(FigureWriter.pixels(PulseResponseFigure.WIDTH_INCHES), image.getWidth());
        assertEquals(11811, pixelsPerMeter(bytes), "pHYs chunk: 300 dpi = 11811 px/m");
        // Something was drawn: not every pixel is white.
        boolean inked = false;
        for (int y = 0; y < image.getHeight() && !inked; y += 3) {
            for (int x = 0; x < image.getWidth() && !inked; x += 3) {
                inked = (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(inked, "the PNG is blank");
    }

    @Test
    void writesAnSvgThatParsesAsXmlWithItsSizeInPoints() throws Exception {
        Path file = directory.resolve("pcm.SVG");
        PulseResponseFigure.write(trace("pcm", 40, 1, 2), null, file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.length() > 1000, "SVG of " + text.length() + " chars");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element root = document.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(252.0, points(root.getAttribute("width")), 1e-9, "3.5 in");
        assertEquals(180.0, points(root.getAttribute("height")), 1e-9, "2.5 in");
        // Horizontal text stays text (JFreeChart draws the rotated axis label as glyph outlines).
        assertTrue(text.contains(">Pulse number<"), "x axis label as SVG text");
        assertTrue(text.contains("font-size: 8px"), "tick labels of 8 pt (one user unit is one point)");
    }

    @Test
    void conductanceAxisIsInMicrosiemensForA25MicrosiemensWindow() {
        JFreeChart chart = PulseResponseFigure.chart(trace("pcm", 40, 1, 2), null);
        assertEquals("Conductance (µS)", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals("Pulse number", chart.getXYPlot().getDomainAxis().getLabel());
    }

    @Test
    void writesAOnePagePdf() throws IOException {
        Path file = directory.resolve("ag-a-si.pdf");
        PulseResponseFigure.write(trace("ag-a-si", 100, 2, 4), "ag-a-si", file);
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, "PDF of " + bytes.length + " bytes");
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        String tail = new String(bytes, Math.max(0, bytes.length - 64), Math.min(64, bytes.length),
                StandardCharsets.US_ASCII);
        assertTrue(tail.contains("%%EOF"), "PDF ends with %%EOF: " + tail);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = directory.resolve("twice.png");
        Files.writeString(file, "old");
        PulseResponseFigure.write(trace("ideal", 10, 1, 1), null, file);
        assertTrue(Files.size(file) > 100);
        try (var listing = Files.list(directory)) {
            assertEquals(1, listing.count(), "only the figure is left in the directory");
        }
    }

    @Test
    void unknownExtensionIsRejectedBeforeAnythingIsWritten() {
        Path file = directory.resolve("figure.jpg");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PulseResponseFigure.write(trace("ideal", 5, 1, 1), null, file));
        assertTrue(error.getMessage().contains(".png, .svg or .pdf") && error.getMessage().contains("figure.jpg"),
                error.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void drawsAtMostEightDevicesAndSaysSo() {
        JFreeChart chart = PulseResponseFigure.chart(trace("ideal", 5, 1, 12), "capped");
        XYPlot plot = chart.getXYPlot();
        assertEquals(PulseResponseFigure.MAX_DEVICES_DRAWN, plot.getDataset().getSeriesCount());
        boolean noted = false;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof TextTitle title && title.getText().equals("first 8 of 12 devices")) {
                noted = true;
            }
        }
        assertTrue(noted, "subtitle naming the cap");
        assertEquals(11, plot.getDataset().getItemCount(0), "2 x 5 pulses + the initial state");
        assertEquals(10.0, plot.getDomainAxis().getUpperBound());
    }

    @Test
    void shadesOneDepressionPhasePerCycle() {
        JFreeChart chart = PulseResponseFigure.chart(trace("ideal", 20, 3, 1), null);
        assertNull(chart.getTitle());
        // One marker per phase: potentiation (transparent) and depression (shaded), per cycle.
        assertEquals(6, chart.getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size());
    }

    @Test
    void plainArraysGiveTheSameChartDataAsTheTrace() {
        float[] values = {0f, 1e-9f, 2e-9f, 1e-9f, 0f};
        JFreeChart chart = PulseResponseFigure.chart(2, 1, 1, values, null);
        assertEquals("Conductance (nS)", chart.getXYPlot().getRangeAxis().getLabel());
        assertEquals(2.0, chart.getXYPlot().getDataset().getYValue(0, 2), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> PulseResponseFigure.chart(2, 1, 1, new float[4], null));
    }

    @Test
    void longTracesKeepTheEnvelopeOfEveryBucket() {
        int pulses = 10_000;
        int rows = 2 * pulses + 1;
        float[] values = new float[rows];
        for (int row = 0; row < rows; row++) {
            // A sawtooth with one spike: the reduction must keep the global extremes and the end points.
            values[row] = (row % 7) * 1e-6f;
        }
        values[12_345] = 50e-6f;
        PulseResponseTrace trace = new PulseResponseTrace(pulses, 1, 1, values);
        double[][] xy = PulseResponseFigure.series(trace, 0, ConductanceUnit.MICROSIEMENS);
        assertTrue(xy[0].length <= PulseResponseFigure.MAX_POINTS_PER_DEVICE, "points " + xy[0].length);
        assertEquals(0.0, xy[0][0]);
        assertEquals(rows - 1, xy[0][xy[0].length - 1]);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < xy[0].length; i++) {
            assertTrue(xy[0][i] > xy[0][i - 1], "pulse numbers increase");
            max = Math.max(max, xy[1][i]);
        }
        assertEquals(50.0, max, 1e-4);
        double[][] small = PulseResponseFigure.series(new PulseResponseTrace(1, 1, 1, new float[] {0, 1e-6f, 0}),
                0, ConductanceUnit.MICROSIEMENS);
        assertArrayEquals(new double[] {0, 1, 2}, small[0]);
    }

    @Test
    void conductanceUnitSuitsTheLargestValue() {
        assertEquals(ConductanceUnit.MICROSIEMENS, ConductanceUnit.forMaximum(25e-6));
        assertEquals(ConductanceUnit.MICROSIEMENS, ConductanceUnit.forMaximum(1e-6));
        assertEquals(ConductanceUnit.NANOSIEMENS, ConductanceUnit.forMaximum(38.46e-9));
        assertEquals(ConductanceUnit.MILLISIEMENS, ConductanceUnit.forMaximum(2e-3));
        assertEquals(ConductanceUnit.SIEMENS, ConductanceUnit.forMaximum(3));
        assertEquals(ConductanceUnit.PICOSIEMENS, ConductanceUnit.forMaximum(1e-15));
        assertEquals(ConductanceUnit.MICROSIEMENS, ConductanceUnit.forMaximum(0));
        assertEquals(ConductanceUnit.MICROSIEMENS, ConductanceUnit.forMaximum(Double.NaN));
        assertEquals(12.5, ConductanceUnit.MICROSIEMENS.fromSiemens(12.5e-6), 1e-12);
    }

    @Test
    void figureSizesAreValidated() {
        JFreeChart chart = PulseResponseFigure.chart(trace("ideal", 5, 1, 1), null);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FigureWriter.png(chart, 0, 2));
        assertTrue(error.getMessage().contains("widthInches"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FigureWriter.svg(chart, 3, 100));
        assertEquals(FigureFormat.PDF, FigureFormat.fromFileName("a/b/FIG.Pdf").orElseThrow());
        assertTrue(FigureFormat.fromFileName("fig.eps").isEmpty());
    }

    private static double points(String length) {
        assertTrue(length.endsWith("pt"), "length in points: " + length);
        return Double.parseDouble(length.substring(0, length.length() - 2));
    }

    /** The horizontal resolution stored in a PNG's pHYs chunk (pixels per metre), or -1. */
    private static long pixelsPerMeter(byte[] png) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream);
                IIOMetadata metadata = reader.getImageMetadata(0);
                Node root = metadata.getAsTree("javax_imageio_png_1.0");
                for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeName().equals("pHYs")) {
                        return Long.parseLong(((Element) child).getAttribute("pixelsPerUnitXAxis"));
                    }
                }
                return -1;
            } finally {
                reader.dispose();
            }
        }
    }
}
