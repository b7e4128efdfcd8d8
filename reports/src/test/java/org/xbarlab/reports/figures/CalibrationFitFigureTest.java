package org.xbarlab.reports.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.data.PulseResponseData;
import org.xbarlab.calibration.pulse.PulseResponseCalibration;
import org.xbarlab.calibration.pulse.PulseResponseFit;
import org.xbarlab.calibration.pulse.PulseResponseOptions;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.devices.DeviceExperiments;
import org.xbarlab.devices.PulseResponseTrace;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.presets.DevicePresets;

class CalibrationFitFigureTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    /** A real fit: three devices of the Ag:a-Si preset fitted by the NeuroSim model. */
    private static FitCurves pulseFit() {
        DeviceConfig device = DevicePresets.load("ag-a-si");
        PulseResponseTrace trace = DeviceExperiments.pulseResponse(device, 100, 1, 3, TEST_SEED);
        StringBuilder csv = new StringBuilder("device,cycle,pulse,direction,conductanceSiemens\n");
        for (int d = 0; d < trace.devices(); d++) {
            for (int row = 0; row < trace.rows(); row++) {
                int pulse = row == 0 ? 0 : (row - 1) % 100 + 1;
                csv.append(d).append(',').append(trace.cycleOf(row)).append(',').append(pulse).append(',')
                        .append(row == 0 || trace.isPotentiation(row) ? "up" : "down").append(',')
                        .append(trace.conductanceSiemens(row, d)).append('\n');
            }
        }
        PulseResponseFit fit = PulseResponseCalibration.fit(PulseResponseData.parse(csv.toString(), "ag.csv"),
                PulseResponseOptions.defaults().withModel("neurosim-nonlinear"));
        return fit.curves();
    }

    private static FitCurves synthetic(int series, int points, boolean log, boolean symmetric) {
        List<FitCurves.Series> list = new ArrayList<>();
        for (int s = 0; s < series; s++) {
            double[] x = new double[points];
            double[] observed = new double[points];
            double[] fitted = new double[points];
            double[] residual = new double[points];
            for (int i = 0; i < points; i++) {
                x[i] = log ? i : i + 1;
                fitted[i] = 1e-5 * (1 - Math.exp(-i / 50.0));
                observed[i] = fitted[i] * (1 + 0.01 * Math.sin(i));
                residual[i] = i == 0 ? Double.NaN : observed[i] - fitted[i];
            }
            list.add(new FitCurves.Series("device " + s, x, observed, fitted, residual));
        }
        return new FitCurves("Pulse number", false, "Conductance", "Residual", true, log, symmetric, list);
    }

    @Test
    void writesAPngWithDataFitAndResidualPanels() throws IOException {
        Path file = directory.resolve("fit.png");
        CalibrationFitFigure.write(pulseFit(), "ag-a-si fit", file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(FigureWriter.pixels(CalibrationFitFigure.WIDTH_INCHES), image.getWidth());
        assertEquals(FigureWriter.pixels(CalibrationFitFigure.HEIGHT_INCHES), image.getHeight());
        boolean inked = false;
        for (int y = 0; y < image.getHeight() && !inked; y += 3) {
            for (int x = 0; x < image.getWidth() && !inked; x += 3) {
                inked = (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(inked, "the PNG is blank");
    }

    @Test
    void chartHasTwoSubplotsInTheDataUnit() {
        JFreeChart chart = CalibrationFitFigure.chart(pulseFit(), null);
        CombinedDomainXYPlot plot = assertInstanceOf(CombinedDomainXYPlot.class, chart.getPlot());
        List<XYPlot> plots = plot.getSubplots();
        assertEquals(2, plots.size());
        assertEquals("Conductance (nS)", plots.get(0).getRangeAxis().getLabel(), "Ag:a-Si is 3 to 38 nS");
        assertTrue(plots.get(1).getRangeAxis().getLabel().startsWith("Residual ("),
                plots.get(1).getRangeAxis().getLabel());
        assertEquals("Pulse number", plot.getDomainAxis().getLabel());
        assertEquals(3, plots.get(0).getDataset(0).getSeriesCount(), "data of 3 devices");
        assertEquals(3, plots.get(0).getDataset(1).getSeriesCount(), "fits of 3 devices");
        assertEquals(201, plots.get(0).getDataset(0).getItemCount(0));
        assertEquals(200, plots.get(1).getDataset(0).getItemCount(0), "no residual for the initial state");
    }

    @Test
    void writesSvgAndPdfAndCapsSeriesAndPoints() throws Exception {
        FitCurves many = synthetic(6, 5000, false, false);
        JFreeChart chart = CalibrationFitFigure.chart(many, null);
        XYPlot top = ((CombinedDomainXYPlot) chart.getPlot()).getSubplots().get(0);
        assertEquals(CalibrationFitFigure.MAX_SERIES_DRAWN, top.getDataset(0).getSeriesCount());
        assertTrue(top.getDataset(0).getItemCount(0) <= CalibrationFitFigure.MAX_POINTS_PER_SERIES);
        boolean noted = false;
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            noted |= chart.getSubtitle(i) instanceof TextTitle t && t.getText().equals("first 4 of 6 series");
        }
        assertTrue(noted);
        Path svg = directory.resolve("fit.svg");
        CalibrationFitFigure.write(many, null, svg);
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml") && text.contains("<svg") && text.contains(">Pulse number<"));
        Path pdf = directory.resolve("fit.pdf");
        CalibrationFitFigure.write(many, "t", pdf);
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class,
                () -> CalibrationFitFigure.write(many, null, directory.resolve("fit.gif")));
    }

    @Test
    void logAbscissaSkipsTimeZeroAndSymmetricFitsAreMirrored() {
        JFreeChart log = CalibrationFitFigure.chart(synthetic(1, 50, true, false), null);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) log.getPlot();
        assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertEquals(49, plot.getSubplots().get(0).getDataset(0).getItemCount(0), "x = 0 is not drawn on a log axis");
        JFreeChart band = CalibrationFitFigure.chart(synthetic(1, 50, false, true), null);
        XYPlot top = ((CombinedDomainXYPlot) band.getPlot()).getSubplots().get(0);
        assertEquals(2, top.getDataset(1).getSeriesCount(), "+fit and -fit");
        assertEquals(-top.getDataset(1).getYValue(0, 10), top.getDataset(1).getYValue(1, 10), 1e-12);
    }
}
