package org.xbarlab.core.config;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper.Format;
import org.xbarlab.core.config.SampleConfigs.ExperimentConfig;
import org.xbarlab.core.config.SampleConfigs.LinearStepDeviceConfig;
import org.xbarlab.core.config.SampleConfigs.WindowConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarlab.core.config.ConfigAssertions.assertError;
import static org.xbarlab.core.config.ConfigAssertions.configError;

/** {@code --set PATH=VALUE} overrides: syntax, application to the tree, and validation of the result. */
class ConfigOverrideTest extends XbarlabTestBase {

    private static final Path GOOD_JSON = Path.of("src/test/resources/org/xbarlab/core/config/good.json");
    private static final Path GOOD_YAML = Path.of("src/test/resources/org/xbarlab/core/config/good.yaml");

    private static ExperimentConfig read(String... overrides) {
        return ConfigMapper.read(GOOD_JSON, ExperimentConfig.class, List.of(overrides));
    }

    private static ConfigException error(String... overrides) {
        return configError(() -> read(overrides));
    }

    @Test
    void overridesSetNestedValuesAndListElements() {
        ExperimentConfig experiment = ConfigMapper.read(GOOD_YAML, ExperimentConfig.class, List.of(
                "crossbar.rows=64",
                "crossbar.device.window.maxConductanceSiemens=3e-5",
                "layers[1].size=20",
                "layers[0].activation=sigmoid",
                "name=hello world"));
        assertEquals(64, experiment.crossbar().rows());
        assertEquals(3e-5, experiment.crossbar().device().window().maxConductanceSiemens());
        assertEquals(20, experiment.layers().get(1).size());
        assertEquals(SampleConfigs.Activation.SIGMOID, experiment.layers().get(0).activation());
        assertEquals("hello world", experiment.name());
        assertEquals(SampleConfigs.expectedGoodExperiment().crossbar().columns(), experiment.crossbar().columns());
    }

    @Test
    void aLaterOverrideOfTheSamePathWins() {
        assertEquals(32, read("crossbar.rows=64", "crossbar.rows=32").crossbar().rows());
    }

    @Test
    void valuesAreJsonWhenTheyParseAsJsonAndPlainStringsOtherwise() {
        assertEquals(" spaced ", read("name=\" spaced \"").name());
        assertEquals("soft-bounds demo", read("name = soft-bounds demo ").name());
        // A value that starts like JSON must be JSON, rather than silently become a string.
        ConfigException notJson = error("name=[not json");
        assertEquals("name", notJson.path());
        assertTrue(notJson.getMessage().startsWith("name (--set name=[not json): the value is not valid JSON ("),
                notJson::getMessage);
        ExperimentConfig replaced = read("crossbar.device={\"model\": \"linear-step\", \"window\": "
                + "{\"minConductanceSiemens\": 1e-6, \"maxConductanceSiemens\": 1e-5}, \"stateCount\": 64, "
                + "\"pulseWidthSeconds\": 1e-8}");
        assertEquals(new LinearStepDeviceConfig(new WindowConfig(1e-6, 1e-5), 64, 1e-8),
                replaced.crossbar().device());
        assertEquals(1, read("layers=[{\"size\": 5, \"activation\": \"relu\", \"dropoutFraction\": 0}]")
                .layers().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "x=5 | 5",
        "x=-2.5e-5 | -2.5E-5",
        "x=true | true",
        "x=null | null",
        "x=[1, 2] | [1,2]",
        "x={\"a\": 1} | {\"a\":1}",
        "x=\"42\" | \"42\"",
        "x=soft-bounds | \"soft-bounds\"",
        "x=NaN | \"NaN\"",
        "x=.5 | \".5\"",
        "x= | \"\"",
        "x = 7 | 7",
        "x=a=b | \"a=b\"",
    })
    void overrideValuesParse(String override, String expectedJson) {
        JsonNode tree = ConfigMapper.readTree("{\"x\": 0}", Format.JSON, "test");
        JsonNode result = ConfigMapper.applyOverrides(tree, List.of(override));
        assertEquals(expectedJson, result.get("x").toString());
    }

    @Test
    void applyOverridesLeavesTheInputUnchangedAndCanAddKeysToObjects() {
        JsonNode tree = ConfigMapper.readTree("{\"a\": {\"b\": [1, 2]}, \"w\": {\"x.y\": 1}}", Format.JSON, "test");
        JsonNode result = ConfigMapper.applyOverrides(tree, List.of("a.b[1]=5", "a.c=\"new\"", "w[\"x.y\"]=2",
                "w[\"q r\"]=3"));
        assertEquals("{\"a\":{\"b\":[1,2]},\"w\":{\"x.y\":1}}", tree.toString());
        assertEquals("{\"a\":{\"b\":[1,5],\"c\":\"new\"},\"w\":{\"x.y\":2,\"q r\":3}}", result.toString());
        assertEquals("[[0]]", ConfigMapper.applyOverrides(ConfigMapper.readTree("[[1]]", Format.JSON, "t"),
                List.of("[0][0]=0")).toString());
    }

    @Test
    void anAddedKeyThatTheRecordHasIsAccepted() {
        String withoutName = """
                {"schemaVersion": 1, "crossbar": {"rows": 4, "columns": 4, "readVoltageVolts": 0.1,
                 "device": {"model": "linear-step", "window": {"minConductanceSiemens": 1e-6,
                 "maxConductanceSiemens": 1e-5}, "stateCount": 8, "pulseWidthSeconds": 1e-9}},
                 "layers": [{"size": 4, "activation": "relu", "dropoutFraction": 0}]}
                """;
        assertEquals("added", ConfigMapper.readString(withoutName, Format.JSON, ExperimentConfig.class,
                List.of("name=added")).name());
    }

    @Test
    void anAddedKeyThatTheRecordLacksIsRejectedAndNamesTheOverride() {
        assertError(error("crossbar.colour=red"), "crossbar.colour", -1,
                "crossbar.colour (--set crossbar.colour=red): unknown key 'colour'; allowed keys: rows, columns, "
                        + "readVoltageVolts, device");
    }

    @Test
    void anOverriddenValueThatFailsValidationNamesTheOverride() {
        ConfigException error = error("crossbar.device.window.maxConductanceSiemens=-2.5e-5");
        assertError(error, "crossbar.device.window.maxConductanceSiemens", -1,
                "crossbar.device.window.maxConductanceSiemens (--set crossbar.device.window.maxConductanceSiemens"
                        + "=-2.5e-5): must be positive and finite, got -2.5E-5 S");
        assertEquals("--set crossbar.device.window.maxConductanceSiemens=-2.5e-5", error.source());

        assertError(error("crossbar.rows=abc"), "crossbar.rows", -1,
                "crossbar.rows (--set crossbar.rows=abc): expected an integer, got the string \"abc\"");
        assertError(error("crossbar.readVoltageVolts=NaN"), "crossbar.readVoltageVolts", -1,
                "crossbar.readVoltageVolts (--set crossbar.readVoltageVolts=NaN): must be in [0, 1.5] V, got NaN V");
        assertError(error("name=42"), "name", -1,
                "name (--set name=42): expected a string, got the number 42 (to set a string, quote it: --set "
                        + "'name=\"42\"')");
        assertError(error("layers=[]"), "layers", -1, "layers (--set layers=[]): must not be empty");
        assertError(error("crossbar.device={\"model\": \"linear-step\", \"window\": {\"minConductanceSiemens\": "
                        + "1e-6, \"maxConductanceSiemens\": 1e-5}, \"stateCount\": 1, \"pulseWidthSeconds\": 1e-9}"),
                "crossbar.device.stateCount", -1, "crossbar.device.stateCount (--set crossbar.device={\"model\": "
                        + "\"linear-step\", \"window\": {\"minConductanceSiemens\": 1e-6, \"maxConductanceSiemens\": "
                        + "1e-5}, \"stateCount\": 1, \"pulseWidthSeconds\": 1e-9}): must be in [2, 65536], got 1");
    }

    @Test
    void aFileValueThatFailsBecauseOfAnOverrideElsewhereMentionsTheOverride() {
        String file = GOOD_JSON.toString();
        assertError(error("crossbar.device.window.maxConductanceSiemens=1e-7"),
                "crossbar.device.window.minConductanceSiemens", 11,
                "crossbar.device.window.minConductanceSiemens (line 11 of " + file + "): minConductanceSiemens "
                        + "(1.0E-6 S) must be below maxConductanceSiemens (1.0E-7 S) (after --set "
                        + "crossbar.device.window.maxConductanceSiemens=1e-7)");
        assertError(error("crossbar.device.model=linear-step"), "crossbar.device.stepFraction", 14,
                "crossbar.device.stepFraction (line 14 of " + file + "): unknown key 'stepFraction'; allowed keys: "
                        + "model, window, stateCount, pulseWidthSeconds (after --set "
                        + "crossbar.device.model=linear-step)");
    }

    @Test
    void malformedOverridesAreErrorsThatNameTheOverride() {
        assertError(error("crossbar.rows"), "", -1, "--set crossbar.rows: malformed override: expected '=' after "
                + "the path crossbar.rows; expected PATH=VALUE, for example crossbar.rows=256");
        assertError(error("=1"), "", -1, "--set =1: malformed override: the path before '=' is empty; expected "
                + "PATH=VALUE, for example crossbar.rows=256");
        assertError(error("crossbar..rows=1"), "", -1, "--set crossbar..rows=1: malformed override: expected a "
                + "key at character 10, got '.'; expected PATH=VALUE, for example crossbar.rows=256");
        assertError(error("layers[x].size=1"), "", -1, "--set layers[x].size=1: malformed override: expected a "
                + "list position such as [0] at character 7; expected PATH=VALUE, for example crossbar.rows=256");
        assertError(error("layers[-1]=1"), "", -1, "--set layers[-1]=1: malformed override: expected a list "
                + "position such as [0] at character 7; expected PATH=VALUE, for example crossbar.rows=256");
        assertError(error("w[\"open=1"), "", -1, "--set w[\"open=1: malformed override: unclosed [\"key\"] "
                + "starting at character 2; expected PATH=VALUE, for example crossbar.rows=256");
        assertError(error("crossbar rows=1"), "", -1, "--set crossbar rows=1: malformed override: expected '=' "
                + "after the path crossbar; expected PATH=VALUE, for example crossbar.rows=256");
        assertError(error("layers=[1, 2"), "layers", -1, "layers (--set layers=[1, 2): the value is not valid "
                + "JSON (Unexpected end-of-input: expected close marker for Array (start marker at line 1)); quote "
                + "the whole override for the shell, for example --set 'layers=[784, 10]'");
    }

    @Test
    void pathsThatDoNotExistAreErrors() {
        assertError(error("crossbar.dev.window=1"), "crossbar.dev", -1, "crossbar.dev (--set crossbar.dev.window=1)"
                + ": no such key in crossbar (its keys: rows, columns, readVoltageVolts, device); --set can add a key"
                + " only as the last segment of the path");
        assertError(error("layers[5].size=1"), "layers[5]", -1, "layers[5] (--set layers[5].size=1): no such "
                + "position: layers has 2 elements ([0] to [1]); --set cannot add elements");
        assertError(error("layers[2]=1"), "layers[2]", -1, "layers[2] (--set layers[2]=1): no such position: "
                + "layers has 2 elements ([0] to [1]); --set cannot add elements");
        assertError(error("crossbar.rows.x=1"), "crossbar.rows", -1, "crossbar.rows (--set crossbar.rows.x=1): is "
                + "the number 256, not an object, so it has no key 'x'");
        assertError(error("crossbar[0]=1"), "crossbar", -1, "crossbar (--set crossbar[0]=1): is an object, not an "
                + "array, so it has no position [0]");
        assertError(configError(() -> ConfigMapper.applyOverrides(
                        ConfigMapper.readTree("{\"a\": []}", Format.JSON, "t"), List.of("a[0]=1"))),
                "a[0]", -1, "a[0] (--set a[0]=1): no such position: a has 0 elements; --set cannot add elements");
    }

    @Test
    void overridesApplyBeforeValidationSoAFixedFileLoads() {
        String badFile = "src/test/resources/org/xbarlab/core/config/bad-window.json";
        ExperimentConfig fixed = ConfigMapper.read(Path.of(badFile), ExperimentConfig.class,
                List.of("crossbar.device.window.maxConductanceSiemens=2.5e-5"));
        assertEquals(2.5e-5, fixed.crossbar().device().window().maxConductanceSiemens());
        assertTrue(fixed.crossbar().device() instanceof LinearStepDeviceConfig);
        assertFalse(fixed.name().isEmpty());
    }
}
