package org.xbarlab.algorithms.conv;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network description: the paper's notation, shapes, validation and JSON. */
class ConvNetConfigTest extends XbarlabTestBase {

    @Test
    void parsesTheSeedPapersNetwork() {
        ConvNetConfig mnist = ConvNetConfig.parse("32f5-128f3-3000", 1, 28, 28,
                PoolingConfig.seedPaper(PoolingKind.MAX), 0.5);
        assertEquals(2, mnist.convolutions().size());
        ConvLayerConfig first = mnist.convolutions().get(0);
        assertEquals(32, first.filters());
        assertEquals(5, first.kernel());
        assertEquals(2, first.padding());
        assertEquals(1, first.stride());
        assertEquals(1, mnist.convolutions().get(1).padding());
        assertEquals(0.5, first.pruneFraction());
        assertEquals(List.of(3000), mnist.denseSizes());
        assertEquals(List.of(Activation.IDENTITY), mnist.denseActivations());
        // seed-algorithm.md §2.6: 6272 flattened values for 28×28 inputs, 8192 for 32×32.
        assertEquals(6272, mnist.flattenedSize());
        assertEquals(List.of(new FeatureShape(32, 14, 14), new FeatureShape(128, 7, 7)), mnist.convolutionShapes());
        ConvNetConfig svhn = ConvNetConfig.seedPaper(3, 32, PoolingKind.MAX, 0.11, 3000, 0.19);
        assertEquals(8192, svhn.flattenedSize());
        assertEquals(3000, svhn.outputs());
        assertEquals(3 * 32 * 32, svhn.inputs());
        assertEquals(List.of(0.19), svhn.denseDropout());
        assertEquals("32f5-128f3-3000", svhn.notation());
    }

    @Test
    void notationRoundTripsStrideAndPadding() {
        ConvNetConfig config = ConvNetConfig.parse("8f3s2p0-4f5-100-10", 3, 17, 15, PoolingConfig.none(), 0.0);
        assertEquals("8f3s2p0-4f5-100-10", config.notation());
        assertEquals(List.of(Activation.RELU, Activation.IDENTITY), config.denseActivations());
        assertEquals(8, config.convolutionShapes().get(0).height());
        assertEquals(7, config.convolutionShapes().get(0).width());
        assertEquals(10, config.outputs());
        ConvNetConfig convOnly = ConvNetConfig.parse("4f3", 1, 5, 5, PoolingConfig.none(), 0.0);
        assertEquals(100, convOnly.outputs());
    }

    @Test
    void rejectsBadNotationAndShapesWithClearMessages() {
        IllegalArgumentException token = assertThrows(IllegalArgumentException.class,
                () -> ConvNetConfig.parse("32f5-x3-10", 1, 28, 28, PoolingConfig.none(), 0));
        assertTrue(token.getMessage().contains("'x3'"), token.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> ConvNetConfig.parse("10-32f5", 1, 28, 28, PoolingConfig.none(), 0));
        assertTrue(order.getMessage().contains("after a dense layer"), order.getMessage());
        IllegalArgumentException fit = assertThrows(IllegalArgumentException.class,
                () -> ConvNetConfig.parse("4f3p0-4f3p0-4f3p0", 1, 5, 5, PoolingConfig.none(), 0));
        assertTrue(fit.getMessage().contains("convolutions[2]"), fit.getMessage());
        IllegalArgumentException prune = assertThrows(IllegalArgumentException.class,
                () -> ConvNetConfig.parse("4f3", 1, 5, 5, PoolingConfig.none(), 1.5));
        assertTrue(prune.getMessage().contains("pruneFraction"), prune.getMessage());
    }

    @Test
    void roundTripsThroughJsonWithReadableKeys() {
        ConvNetConfig config = ConvNetConfig.seedPaper(1, 28, PoolingKind.AVERAGE, 0.5, 3000, 0.2);
        String json = ConfigMapper.writeJson(config);
        for (String key : List.of("inputChannels", "inputHeight", "inputWidth", "convolutions", "filters",
                "kernel", "stride", "padding", "activation", "pooling", "kind", "pruneFraction", "denseSizes",
                "denseActivations", "denseDropout", "bias", "\"average\"", "\"relu\"", "\"identity\"")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        ConvNetConfig read = ConfigMapper.readString(json, ConfigMapper.Format.JSON, ConvNetConfig.class, List.of());
        assertEquals(config, read);
        String bad = json.replaceAll("\"pruneFraction\"\\s*:\\s*0\\.5", "\"pruneFraction\": 2.0");
        assertTrue(!bad.equals(json), json);
        ConfigException error = assertThrows(ConfigException.class,
                () -> ConfigMapper.readString(bad, ConfigMapper.Format.JSON, ConvNetConfig.class, List.of()));
        assertTrue(error.getMessage().contains("pruneFraction"), error.getMessage());
    }
}
