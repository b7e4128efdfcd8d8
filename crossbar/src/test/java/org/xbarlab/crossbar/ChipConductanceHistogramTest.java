package org.xbarlab.crossbar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.energy.TechnologyConfig;
import org.xbarlab.crossbar.mapping.MappingConfig;
import org.xbarlab.crossbar.mapping.MappingScheme;

class ChipConductanceHistogramTest extends XbarlabTestBase {

    @Test
    void countsEveryDeviceOfEveryTileInTheRightBin() {
        TileConfig tile = TileConfig.ideal().withTileSize(4, 4)
                .withMapping(new MappingConfig(MappingScheme.DIFFERENTIAL_PAIR, 1.0, 0.0));
        Chip chip = new Chip(new ChipConfig("ideal", null, tile, TechnologyConfig.defaults()),
                RngStreams.of(TEST_SEED));
        Crossbar crossbar = chip.crossbar(0, 6, 5);
        float[] weights = new float[30];
        Arrays.fill(weights, 1.0f);
        crossbar.program(weights);
        ConductanceHistogram histogram = chip.conductanceHistogram(10);
        assertEquals(chip.deviceCount(), histogram.total(), "every device counted once");
        long[] counts = histogram.counts();
        // Differential pair at w = max: G+ at the top of the window, G- (idle) at the bottom.
        assertEquals(30, counts[9], "the G+ devices in the top bin: " + histogram);
        assertEquals(30, counts[0], "the idle G- devices in the bottom bin: " + histogram);
        assertTrue(histogram.highSiemens() > histogram.lowSiemens());
    }
}
