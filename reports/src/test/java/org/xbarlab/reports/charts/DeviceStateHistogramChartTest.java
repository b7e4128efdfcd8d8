package org.xbarlab.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.reports.results.SweepResults;

class DeviceStateHistogramChartTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    @Test
    void drawsTheRecordedHistogramAsFractionsOfTheDevices() throws IOException {
        Path file = directory.resolve("result.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "status": "completed", "metrics": {"wallSeconds": 1.0},
                 "devices": {"count": 10, "conductanceHistogram":
                   {"lowSiemens": 1e-6, "highSiemens": 5e-6, "counts": [1, 0, 3, 6]}},
                 "provenance": {"rootSeed": 3}}
                """);
        SweepResults results = SweepResults.read(file);
        Figure figure = DeviceStateHistogramChart.build(results, ChartOptions.DEFAULTS);
        XYPlot plot = figure.chart().getXYPlot();
        assertEquals(1, plot.getDataset().getSeriesCount());
        assertEquals(4, plot.getDataset().getItemCount(0));
        assertEquals(0.6, plot.getDataset().getYValue(0, 3), 1e-12, "6 of 10 devices in the top bin");
        assertEquals(3.5, plot.getDataset().getXValue(0, 2), 1e-9, "bin centre in µS");
        assertEquals(4, figure.data().rows().size());
    }

    @Test
    void noFigureWithoutARecordedHistogram() throws IOException {
        Path file = directory.resolve("result.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"metrics\": {}, \"provenance\": {\"rootSeed\": 1}}");
        assertNull(DeviceStateHistogramChart.build(SweepResults.read(file), ChartOptions.DEFAULTS));
    }
}
