package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.reports.results.CsvFormat;

class ReportCommandTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void drawsEveryFigureOfASweepInThreeFormatsWithAnIndex() throws Exception {
        Path results = SweepTestSupport.sharedSweep().resolve("out");
        Path figures = directory.resolve("figures");
        CliTestSupport.Run run = CliTestSupport.run("report", results.toString(), "--out", figures.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("8 run(s) at 4 point(s)"), run.toString());
        for (String name : List.of("test-accuracy-direct-association-vs-resolution-bits",
                "test-accuracy-direct-association-vs-cycle-to-cycle-window-fraction",
                "cost-training-energy-per-sample-joules-vs-resolution-bits",
                "pareto-test-accuracy-direct-association-vs-energy-per-sample-joules",
                "cost-training-energy", "cost-inference-latency", "training-loss", "training-accuracy",
                "conductance-histogram")) {
            assertTrue(run.out().contains(name), name + " listed: " + run);
            Path png = figures.resolve(name + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(1050, image.getWidth(), name + ": 3.5 in at 300 dpi");
            assertEquals(780, image.getHeight(), name + ": 2.6 in at 300 dpi");
            Document svg = parseXml(figures.resolve(name + ".svg"));
            assertEquals("svg", svg.getDocumentElement().getLocalName(), name);
            assertTrue(svg.getElementsByTagNameNS("*", "text").getLength() > 0
                    || svg.getElementsByTagNameNS("*", "path").getLength() > 0, name + ": the SVG draws something");
            byte[] pdf = Files.readAllBytes(figures.resolve(name + ".pdf"));
            assertTrue(pdf.length > 1000, name + ": PDF of " + pdf.length + " bytes");
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), name);
            List<List<String>> data = CsvFormat.parse(Files.readString(figures.resolve(name + ".csv")));
            assertTrue(data.size() > 1, name + ": a data table with rows");
        }
        String index = Files.readString(figures.resolve("index.html"));
        assertTrue(index.startsWith("<!DOCTYPE html>") && index.contains("<img src=\"training-loss.png\""), index);
        assertTrue(index.contains("cycleToCycleWindowFraction"), "the data tables are in the page");
        assertEquals(9, CsvFormat.parse(Files.readString(figures.resolve("runs.csv"))).size(), "every run");
    }

    @Test
    void chosenMetricAxisFormatAndLogAxis() throws IOException {
        Path results = SweepTestSupport.sharedSweep().resolve("out/results.jsonl");
        Path figures = directory.resolve("chosen");
        CliTestSupport.Run run = CliTestSupport.run("report", results.toString(), "--out", figures.toString(),
                "--metric", "cost.inference.latencyPerSampleSeconds", "--x", "chip.tile.forward.adc.resolutionBits",
                "--format", "svg", "--log", "cost.inference.latencyPerSampleSeconds",
                "--label", "chip.tile.forward.adc.resolutionBits=ADC resolution");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        Path svg = figures.resolve("cost-inference-latency-per-sample-seconds-vs-resolution-bits.svg");
        assertTrue(Files.isRegularFile(svg), run.toString());
        assertFalse(Files.exists(figures.resolve("cost-inference-latency-per-sample-seconds-vs-resolution-bits.png")),
                "only SVG asked for");
        assertTrue(Files.readString(svg).contains("ADC resolution (bits)"), "the label and the unit");
    }

    @Test
    void aSingleRunDirectoryGivesItsCostAndTrainingFigures() throws IOException {
        Path results = SweepTestSupport.sharedSweep().resolve("out/runs/p0000-t00");
        Path figures = directory.resolve("run");
        CliTestSupport.Run run = CliTestSupport.run("report", results.toString(), "--out", figures.toString(),
                "--format", "png");
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(Files.isRegularFile(figures.resolve("training-loss.png")), run.toString());
        assertTrue(Files.isRegularFile(figures.resolve("cost-training-energy.png")), run.toString());
    }

    @Test
    void missingResultsAndUnknownMetricsAreClearErrors() throws IOException {
        CliTestSupport.Run empty = CliTestSupport.run("report", directory.toString(), "--out",
                directory.resolve("f").toString());
        assertEquals(ExitCodes.IO_ERROR, empty.exitCode(), empty.toString());
        assertTrue(empty.err().contains("no results here"), empty.toString());

        Path results = SweepTestSupport.sharedSweep().resolve("out");
        CliTestSupport.Run metric = CliTestSupport.run("report", results.toString(), "--out",
                directory.resolve("g").toString(), "--metric", "metrics.noSuchThing");
        assertEquals(ExitCodes.USAGE, metric.exitCode(), metric.toString());
        assertTrue(metric.err().contains("metrics.noSuchThing")
                && metric.err().contains("metrics.testAccuracyDirectAssociation"), metric.toString());

        CliTestSupport.Run x = CliTestSupport.run("report", results.toString(), "--out",
                directory.resolve("h").toString(), "--x", "training.epochs");
        assertEquals(ExitCodes.USAGE, x.exitCode(), x.toString());
        assertTrue(x.err().contains("not a swept parameter"), x.toString());
    }

    private static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
