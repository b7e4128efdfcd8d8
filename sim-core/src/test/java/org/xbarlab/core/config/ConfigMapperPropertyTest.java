package org.xbarlab.core.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper.Format;
import org.xbarlab.core.config.SampleConfigs.Activation;
import org.xbarlab.core.config.SampleConfigs.CrossbarConfig;
import org.xbarlab.core.config.SampleConfigs.DeviceConfig;
import org.xbarlab.core.config.SampleConfigs.ExperimentConfig;
import org.xbarlab.core.config.SampleConfigs.LayerConfig;
import org.xbarlab.core.config.SampleConfigs.LinearStepDeviceConfig;
import org.xbarlab.core.config.SampleConfigs.SoftBoundsDeviceConfig;
import org.xbarlab.core.config.SampleConfigs.WindowConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@link ConfigMapper}: every valid record survives a write/read round trip in JSON and YAML, and an
 * unknown key anywhere in a valid file is always rejected with its own path and line.
 */
class ConfigMapperPropertyTest extends XbarlabTestBase {

    // ---------------------------------------------------------------------------------------------------------
    // generators of valid records

    /** Positive doubles with full 17-digit mantissas, spread over the decades {@code [10^low, 10^high)}. */
    private static Arbitrary<Double> positive(int lowExponent, int highExponent) {
        return Combinators.combine(Arbitraries.doubles().between(1, true, 10, false).ofScale(17),
                        Arbitraries.integers().between(lowExponent, highExponent - 1))
                .as((mantissa, exponent) -> mantissa * Math.pow(10, exponent));
    }

    private static Arbitrary<WindowConfig> windows() {
        return Combinators.combine(positive(-9, -3), positive(-3, 3))
                .as((min, ratio) -> new WindowConfig(min, min * (1 + ratio)));
    }

    private static Arbitrary<DeviceConfig> devices() {
        Arbitrary<DeviceConfig> softBounds = Combinators.combine(windows(),
                        Arbitraries.doubles().between(0, true, 1, false).ofScale(12),
                        Arbitraries.oneOf(Arbitraries.just(0.0), positive(-4, 1)))
                .as(SoftBoundsDeviceConfig::new);
        Arbitrary<DeviceConfig> linearStep = Combinators.combine(windows(),
                        Arbitraries.integers().between(2, 1 << 16), positive(-12, -3))
                .as(LinearStepDeviceConfig::new);
        return Arbitraries.oneOf(softBounds, linearStep);
    }

    private static Arbitrary<LayerConfig> layers() {
        return Combinators.combine(Arbitraries.integers().between(1, 100_000), Arbitraries.of(Activation.class),
                        Arbitraries.oneOf(Arbitraries.of(0.0, 1.0), Arbitraries.doubles().between(0, 1).ofScale(6)))
                .as(LayerConfig::new);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(" -_.:/'\"\\#éü中").ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("null", "true", "no", "123", "1e-5", "~", "- item", "a: b", "[x]"));
    }

    @Provide
    Arbitrary<ExperimentConfig> experiments() {
        Arbitrary<CrossbarConfig> crossbars = Combinators.combine(Arbitraries.integers().between(1, 4096),
                        Arbitraries.integers().between(1, 4096),
                        Arbitraries.doubles().between(0, 1.5).ofScale(6), devices())
                .as(CrossbarConfig::new);
        return Combinators.combine(names(), crossbars, layers().list().ofMinSize(1).ofMaxSize(4))
                .as((name, crossbar, layerList) -> new ExperimentConfig(1, name, crossbar, layerList));
    }

    @Provide
    Arbitrary<String> unknownKeys() {
        return Arbitraries.oneOf(
                Arbitraries.of("colums", "maxConductanceSiemns", "stepFracton", "sizee", "Rows", "modell", "seed",
                        "readVoltage", "layer"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(text -> "unknown" + text));
    }

    // ---------------------------------------------------------------------------------------------------------
    // properties

    @Property(tries = 300)
    void everyRecordWrittenAsJsonReadsBackEqual(@ForAll("experiments") ExperimentConfig experiment) {
        String json = ConfigMapper.writeJson(experiment);
        assertEquals(experiment, ConfigMapper.readString(json, Format.JSON, ExperimentConfig.class, List.of()),
                json);
        // JSON is (close enough to) a subset of YAML: the YAML reader gives the same record.
        assertEquals(experiment, ConfigMapper.readString(json, Format.YAML, ExperimentConfig.class, List.of()),
                json);
        assertEquals(json, ConfigMapper.writeJson(ConfigMapper.valueToTree(experiment)));
    }

    @Property(tries = 300)
    void anUnknownKeyAnywhereIsRejectedWithItsPathAndLine(@ForAll("experiments") ExperimentConfig experiment,
                                                         @ForAll("unknownKeys") String key,
                                                         @ForAll @IntRange(max = 10_000) int objectChoice,
                                                         @ForAll @IntRange(max = 100) int positionChoice,
                                                         @ForAll boolean yaml) {
        JsonNode tree = ConfigMapper.valueToTree(experiment);
        List<List<Object>> objects = new ArrayList<>();
        collectObjects(tree, new ArrayList<>(), objects);
        List<Object> target = objects.get(objectChoice % objects.size());
        insertKey((ObjectNode) ConfigPath.find(tree, target), key, positionChoice);
        String text = ConfigMapper.writeJson(tree);

        ConfigException error = assertThrows(ConfigException.class, () -> ConfigMapper.readString(text,
                yaml ? Format.YAML : Format.JSON, ExperimentConfig.class, List.of()));
        assertEquals(ConfigPath.render(ConfigPath.child(target, key)), error.path(), error::getMessage);
        assertTrue(error.detail().startsWith("unknown key '" + key + "'"), error::getMessage);
        assertTrue(error.line() >= 1, error::getMessage);
        String line = text.lines().toList().get(error.line() - 1);
        assertTrue(line.contains("\"" + key + "\""), () -> error.getMessage() + " points at: " + line);
        ConfigAssertions.assertNoInternals(error);
    }

    @Property(tries = 200)
    void anInvalidValueSetByAnOverrideNamesTheOverride(@ForAll("experiments") ExperimentConfig experiment,
                                                       @ForAll("invalidWindowValues") String value) {
        String json = ConfigMapper.writeJson(experiment);
        String override = "crossbar.device.window.maxConductanceSiemens=" + value;
        ConfigException error = assertThrows(ConfigException.class, () -> ConfigMapper.readString(json,
                Format.JSON, ExperimentConfig.class, List.of(override)));
        assertEquals("crossbar.device.window.maxConductanceSiemens", error.path(), error::getMessage);
        assertEquals("--set " + override, error.source());
        assertEquals(-1, error.line());
    }

    @Provide
    Arbitrary<String> invalidWindowValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "NaN", "Infinity", "\"x\"", "null", "true", "[]", "{}", "abc"),
                positive(-300, 300).map(magnitude -> Double.toString(-magnitude)));
    }

    /** Collects the paths of every object in a tree. */
    private static void collectObjects(JsonNode node, List<Object> path, List<List<Object>> objects) {
        if (node.isObject()) {
            objects.add(path);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectObjects(field.getValue(), ConfigPath.child(path, field.getKey()), objects);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectObjects(node.get(i), ConfigPath.child(path, i), objects);
            }
        }
    }

    /** Inserts a key at a chosen position among an object's keys (Jackson would only append). */
    private static void insertKey(ObjectNode object, String key, int positionChoice) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        int position = positionChoice % (fields.size() + 1);
        object.removeAll();
        int index = 0;
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            if (index++ == position) {
                object.put(key, 1);
            }
            object.set(field.getKey(), field.getValue());
        }
        if (position == fields.size()) {
            object.put(key, 1);
        }
    }
}
