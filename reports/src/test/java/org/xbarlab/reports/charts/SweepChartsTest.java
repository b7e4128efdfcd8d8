package org.xbarlab.reports.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.reports.figures.FigureFormat;
import org.xbarlab.reports.results.SweepResults;
import org.xbarlab.reports.results.SyntheticSweep;

class SweepChartsTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private static final SweepResults RESULTS = SyntheticSweep.results();

    @Test
    void metricAgainstANumericParameterHasOneSeriesPerValueOfTheOtherWithErrorBars() {
        Figure figure = MetricChart.build(RESULTS, SyntheticSweep.ACCURACY, SyntheticSweep.BITS_PATH, null,
                ChartOptions.DEFAULTS);
        XYPlot plot = figure.chart().getXYPlot();
        IntervalXYDataset dataset = (IntervalXYDataset) plot.getDataset();
        assertEquals(SyntheticSweep.PRESETS.length, dataset.getSeriesCount(), "one series per preset");
        assertEquals("pcm", dataset.getSeriesKey(0));
        assertEquals(SyntheticSweep.BITS.length, dataset.getItemCount(0), "one point per ADC resolution");
        // Accuracy in percent: mean of trials 0 and 1, error bar ± their sample standard deviation.
        double a = SyntheticSweep.accuracy(4, "pcm", 0) * 100;
        double b = SyntheticSweep.accuracy(4, "pcm", 1) * 100;
        assertEquals(4.0, dataset.getXValue(0, 0));
        assertEquals((a + b) / 2, dataset.getYValue(0, 0), 1e-9);
        assertEquals((a + b) / 2 + Math.abs(b - a) / Math.sqrt(2), dataset.getEndYValue(0, 0), 1e-9);
        assertEquals("Test accuracy (%)", plot.getRangeAxis().getLabel());
        assertEquals("ADC resolution (bits)", plot.getDomainAxis().getLabel());
        assertEquals(6, figure.data().rows().size(), "a data row per point");
        assertTrue(figure.caption().contains(SyntheticSweep.ACCURACY), figure.caption());
    }

    @Test
    void metricAgainstACategoricalParameterUsesACategoryAxis() {
        Figure figure = MetricChart.build(RESULTS, SyntheticSweep.ENERGY, SyntheticSweep.PRESET_PATH, null,
                ChartOptions.DEFAULTS);
        CategoryPlot plot = figure.chart().getCategoryPlot();
        CategoryDataset dataset = plot.getDataset();
        assertEquals(SyntheticSweep.BITS.length, dataset.getRowCount(), "one series per ADC resolution");
        assertEquals(List.of("pcm", "reram-hfo2"), dataset.getColumnKeys());
        assertEquals("4 bits", dataset.getRowKey(0));
        assertEquals("Training energy (nJ/sample)", plot.getRangeAxis().getLabel());
        assertEquals(8.0, dataset.getValue(0, 0).doubleValue(), 1e-9, "2 nJ x 4 bits, drawn in nJ");
    }

    @Test
    void logAxesOnRequest() {
        ChartOptions log = new ChartOptions(Set.of(SyntheticSweep.BITS_PATH, SyntheticSweep.ENERGY), Map.of());
        Figure figure = MetricChart.build(RESULTS, SyntheticSweep.ENERGY, SyntheticSweep.BITS_PATH, null, log);
        assertInstanceOf(LogAxis.class, figure.chart().getXYPlot().getDomainAxis());
        assertInstanceOf(LogAxis.class, figure.chart().getXYPlot().getRangeAxis());
        assertThrows(IllegalArgumentException.class, () -> MetricChart.build(RESULTS, SyntheticSweep.ENERGY,
                "training.epochs", null, log));
    }

    @Test
    void paretoFrontKeepsTheUndominatedPoints() {
        double[] cost = {1, 2, 3, 4, 2, Double.NaN};
        double[] benefit = {0.5, 0.4, 0.7, 0.7, 0.6, 0.9};
        assertArrayEquals(new int[] {0, 4, 2}, ParetoChart.front(cost, benefit));
        assertArrayEquals(new int[0], ParetoChart.front(new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ParetoChart.front(new double[1], new double[2]));

        Figure figure = ParetoChart.build(RESULTS, SyntheticSweep.ACCURACY, SyntheticSweep.ENERGY,
                ChartOptions.DEFAULTS);
        XYPlot plot = figure.chart().getXYPlot();
        assertEquals(2, plot.getDataset().getSeriesCount(), "the points and the front");
        assertEquals(6, plot.getDataset().getItemCount(0));
        // reram-hfo2 costs half of pcm at the same bits but pcm is 2 points more accurate: at 4 bits reram (4 nJ)
        // is on the front, pcm at 4 bits (8 nJ) is dominated by reram at 8 bits (8 nJ, higher accuracy).
        assertTrue(plot.getDataset().getItemCount(1) >= 3, "front of " + plot.getDataset().getItemCount(1));
        long onFront = figure.data().rows().stream().filter(row -> row.get(6).equals("true")).count();
        assertEquals(plot.getDataset().getItemCount(1), onFront);
    }

    @Test
    void costBreakdownStacksTheComponentsPerPoint() {
        Figure figure = CostBreakdownChart.build(RESULTS, "training", CostBreakdownChart.Quantity.ENERGY,
                ChartOptions.DEFAULTS);
        CategoryDataset dataset = figure.chart().getCategoryPlot().getDataset();
        assertEquals(List.of("array-read", "adc"), dataset.getRowKeys(), "one series per component");
        assertEquals(6, dataset.getColumnCount(), "one bar per point");
        double total = dataset.getValue(0, 0).doubleValue() + dataset.getValue(1, 0).doubleValue();
        assertEquals(8.0, total, 1e-9, "pcm at 4 bits: 8 nJ per sample");
        assertEquals("Energy (nJ/sample)", figure.chart().getCategoryPlot().getRangeAxis().getLabel());
        assertNull(CostBreakdownChart.build(RESULTS, "programming", CostBreakdownChart.Quantity.ENERGY,
                ChartOptions.DEFAULTS), "no samples, no figure");
    }

    @Test
    void trainingCurvesHaveOneLinePerPointUpToTheCap() {
        Figure loss = TrainingCurveChart.build(RESULTS, TrainingCurveChart.Curve.LOSS, ChartOptions.DEFAULTS);
        XYPlot plot = loss.chart().getXYPlot();
        assertEquals(TrainingCurveChart.MAX_LINES, plot.getDataset().getSeriesCount(), "6 points, 6 lines");
        assertEquals(SyntheticSweep.EPOCHS, plot.getDataset().getItemCount(0));
        assertEquals(1.0, plot.getDataset().getXValue(0, 0), "epochs count from 1");
        Figure accuracy = TrainingCurveChart.build(RESULTS, TrainingCurveChart.Curve.ACCURACY,
                ChartOptions.DEFAULTS);
        assertEquals(SyntheticSweep.EPOCHS + 1, accuracy.chart().getXYPlot().getDataset().getItemCount(0),
                "untrained and after every epoch");
    }

    @Test
    void conductanceHistogramHasOneSeriesPerDistinctDevice() {
        Figure figure = ConductanceHistogramChart.build(RESULTS, ChartOptions.DEFAULTS);
        XYPlot plot = figure.chart().getXYPlot();
        assertEquals(SyntheticSweep.PRESETS.length, plot.getDataset().getSeriesCount());
        assertEquals(ConductanceHistogramChart.BINS, plot.getDataset().getItemCount(0));
        assertEquals("Conductance (µS)", plot.getDomainAxis().getLabel());
        assertEquals(SyntheticSweep.PRESETS.length * ConductanceHistogramChart.LEVELS, figure.data().rows().size());
    }

    @Test
    void unitsAndLabelsSuitTheQuantity() {
        assertEquals(new AxisUnit("nJ/sample", 1e-9), AxisUnit.forQuantity("cost.training.energyPerSampleJoules",
                5.8e-7));
        assertEquals("ns/sample", AxisUnit.forQuantity("cost.inference.latencyPerSampleSeconds", 3.2e-7).symbol());
        assertEquals("µS", AxisUnit.forQuantity("chip.device.maxConductanceSiemens", 25e-6).symbol());
        assertEquals("%", AxisUnit.forQuantity("metrics.testAccuracy", 0.9).symbol());
        assertEquals("bits", AxisUnit.forQuantity("chip.tile.forward.adc.resolutionBits", 8).symbol());
        assertEquals(AxisUnit.NONE, AxisUnit.forQuantity("training.epochs", 3));
        assertEquals("ms", AxisUnit.prefixed("s", 0.120).symbol());
        assertEquals("s", AxisUnit.prefixed("s", 0).symbol());
        assertEquals("Training energy", QuantityLabels.of("cost.training.energyPerSampleJoules"));
        assertEquals("Training energy per sample", QuantityLabels.full("cost.training.energyPerSampleJoules"));
        assertEquals("Test accuracy, direct association",
                QuantityLabels.full("metrics.testAccuracyDirectAssociation"));
        assertEquals("ADC resolution", QuantityLabels.of("chip.tile.forward.adc.resolutionBits"));
        assertEquals("Tile rows", QuantityLabels.of("chip.tile.tileRows"));
        assertEquals("Epochs", QuantityLabels.of("training.epochs"));
        assertEquals("0.316", ValueFormat.number(0.316227766017));
        assertEquals("1e-09", ValueFormat.number(1e-9));
        assertEquals("25 µS", ValueFormat.value("chip.device.maxConductanceSiemens",
                com.fasterxml.jackson.databind.node.DoubleNode.valueOf(25e-6), 25e-6));
    }

    @Test
    void reportWritesEveryFigureInEveryFormatWithDataAndAnIndex() throws Exception {
        List<SweepReport.Entry> entries = SweepReport.write(RESULTS, directory, SweepReport.Options.DEFAULTS);
        Set<String> names = new HashSet<>();
        for (SweepReport.Entry entry : entries) {
            assertTrue(names.add(entry.figure().name()), "unique names");
        }
        // 2 metrics x 2 parameters, Pareto, 4 cost breakdowns (inference latency included), 2 curves, histogram.
        assertEquals(2 * 2 + 1 + 4 + 2 + 1, entries.size(), names.toString());
        String index = Files.readString(directory.resolve(SweepReport.INDEX_FILE));
        for (SweepReport.Entry entry : entries) {
            assertEquals(3, entry.files().size());
            Path png = directory.resolve(entry.figure().name() + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1050, image.getWidth(), entry.figure().name());
            assertEquals(780, image.getHeight(), entry.figure().name());
            Document svg = parse(directory.resolve(entry.figure().name() + ".svg"));
            assertEquals("svg", svg.getDocumentElement().getLocalName());
            byte[] pdf = Files.readAllBytes(directory.resolve(entry.figure().name() + ".pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
            assertTrue(pdf.length > 1000, entry.figure().name() + ": " + pdf.length + " bytes");
            assertTrue(Files.size(entry.dataFile()) > 0);
            assertTrue(index.contains("id=\"" + entry.figure().name() + "\""), entry.figure().name());
        }
        assertTrue(index.contains("<table>") && !index.contains("<script"), "self-contained page");
        assertTrue(index.contains("swept: <code>" + SyntheticSweep.BITS_PATH + "</code>, <code>"), "markup intact");
    }

    @Test
    void optionsAreCheckedAgainstTheResults() {
        SweepReport.Options unknown = new SweepReport.Options(List.of("metrics.nothing"), null, null, null, null,
                List.of(FigureFormat.PNG), ChartOptions.DEFAULTS);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SweepReport.figures(RESULTS, unknown));
        assertTrue(error.getMessage().contains("metrics.nothing") && error.getMessage().contains(
                SyntheticSweep.ACCURACY), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SweepReport.Options(List.of(), null, null, null, null,
                List.of(), ChartOptions.DEFAULTS));
        assertEquals("test-accuracy-direct-association", Figure.slug("testAccuracyDirectAssociation"));
        assertThrows(IllegalArgumentException.class, () -> new Figure("Bad Name", "", "",
                MetricChart.build(RESULTS, SyntheticSweep.ACCURACY, SyntheticSweep.BITS_PATH, null,
                        ChartOptions.DEFAULTS).chart(), RESULTS.table()));
        assertEquals("a&lt;b&gt; &amp; &quot;c&quot;", IndexPage.escape("a<b> & \"c\""));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
