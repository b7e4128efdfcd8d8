package org.xbarlab.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper.Format;
import org.xbarlab.core.config.SampleConfigs.Activation;
import org.xbarlab.core.config.SampleConfigs.ExperimentConfig;
import org.xbarlab.core.config.SampleConfigs.LayerConfig;
import org.xbarlab.core.config.SampleConfigs.LinearStepDeviceConfig;
import org.xbarlab.core.config.SampleConfigs.WindowConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xbarlab.core.config.ConfigAssertions.assertError;
import static org.xbarlab.core.config.ConfigAssertions.assertNoInternals;
import static org.xbarlab.core.config.ConfigAssertions.configError;
import static org.xbarlab.core.config.ConfigAssertions.errorReading;

/** Reading good and bad config files with {@link ConfigMapper}, and writing records back. */
class ConfigMapperTest extends XbarlabTestBase {

    /** The folder of this package's test resources, as seen from the module directory Surefire runs in. */
    private static final Path RESOURCES = Path.of("src/test/resources/org/xbarlab/core/config");

    /** A valid file whose lines the error tests below refer to. */
    private static final String GOOD_JSON = """
            {
              "schemaVersion": 1,
              "name": "two-layer demo",
              "crossbar": {
                "rows": 256,
                "columns": 128,
                "readVoltageVolts": 0.2,
                "device": {
                  "model": "soft-bounds",
                  "window": {
                    "minConductanceSiemens": 1.0e-6,
                    "maxConductanceSiemens": 2.5e-5
                  },
                  "stepFraction": 0.01,
                  "cycleToCycleSigmaRelative": 0.05
                }
              },
              "layers": [
                { "size": 784, "activation": "relu", "dropoutFraction": 0.1 },
                { "size": 10, "activation": "sigmoid", "dropoutFraction": 0 }
              ]
            }
            """;

    /** {@link #GOOD_JSON} with one line (1-based) replaced. */
    private static String withLine(int line, String replacement) {
        List<String> lines = new ArrayList<>(GOOD_JSON.lines().toList());
        lines.set(line - 1, replacement);
        return String.join("\n", lines) + "\n";
    }

    // ---------------------------------------------------------------------------------------------------------
    // good input

    @Test
    void goodJsonAndYamlFilesGiveTheSameRecord() {
        ExperimentConfig fromJson = ConfigMapper.read(RESOURCES.resolve("good.json"), ExperimentConfig.class);
        ExperimentConfig fromYaml = ConfigMapper.read(RESOURCES.resolve("good.yaml"), ExperimentConfig.class);
        assertEquals(SampleConfigs.expectedGoodExperiment(), fromJson);
        assertEquals(fromJson, fromYaml);
        assertEquals(SampleConfigs.expectedGoodExperiment(),
                ConfigMapper.readString(GOOD_JSON, Format.JSON, ExperimentConfig.class, List.of()));
    }

    @Test
    void theFormatComesFromTheExtensionOrIsGivenExplicitly(@TempDir Path folder) throws IOException {
        assertEquals(Format.JSON, Format.fromFileName("a/b/exp.JSON").orElseThrow());
        assertEquals(Format.YAML, Format.fromFileName("exp.yaml").orElseThrow());
        assertEquals(Format.YAML, Format.fromFileName("exp.yml").orElseThrow());
        assertTrue(Format.fromFileName("exp.txt").isEmpty());

        Path text = folder.resolve("experiment.txt");
        Files.copy(RESOURCES.resolve("good.yaml"), text);
        assertEquals(SampleConfigs.expectedGoodExperiment(),
                ConfigMapper.read(text, Format.YAML, ExperimentConfig.class, List.of()));
        assertError(configError(() -> ConfigMapper.read(text, ExperimentConfig.class)), "", -1,
                text + ": cannot tell the format from the file name; use the extension .json, .yaml or .yml");
    }

    @Test
    void classPathResourcesAreReadLikeFiles() {
        assertEquals(SampleConfigs.expectedGoodExperiment(),
                ConfigMapper.readResource(ConfigMapperTest.class, "good.yaml", ExperimentConfig.class));
        assertError(configError(() -> ConfigMapper.readResource(ConfigMapperTest.class, "bad-window.json",
                        ExperimentConfig.class)), "crossbar.device.window.maxConductanceSiemens", 12,
                "crossbar.device.window.maxConductanceSiemens (line 12 of bad-window.json): must be positive and "
                        + "finite, got -2.5E-5 S");
        assertError(configError(() -> ConfigMapper.readResource(ConfigMapperTest.class, "absent.json",
                ExperimentConfig.class)), "", -1, "absent.json: class-path resource not found");
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertEquals(SampleConfigs.expectedGoodExperiment(),
                ConfigMapper.readString("\uFEFF" + GOOD_JSON, Format.JSON, ExperimentConfig.class, List.of()));
    }

    @Test
    void yamlReadsExponentsWithoutADotAndQuotedStrings() {
        String yaml = """
                minConductanceSiemens: 1e-6
                maxConductanceSiemens: 25E-6
                """;
        assertEquals(new WindowConfig(1e-6, 25e-6),
                ConfigMapper.readString(yaml, Format.YAML, WindowConfig.class, List.of()));
    }

    @Test
    void yamlAliasesAreRejectedAndYamlOneOneBooleansNeedQuotes() throws IOException {
        String alias = """
                minConductanceSiemens: &low 1.0e-6
                maxConductanceSiemens: *low
                """;
        assertError(configError(() -> ConfigMapper.readString(alias, Format.YAML, WindowConfig.class, List.of())),
                "maxConductanceSiemens", 2, "maxConductanceSiemens (line 2 of <string>): YAML aliases (*name) are "
                        + "not supported in config files; write the value out");
        String goodYaml = Files.readString(RESOURCES.resolve("good.yaml"));
        // YAML 1.1 reads an unquoted no/yes/on/off as a boolean.
        assertError(errorReading(goodYaml.replace("name: two-layer demo", "name: no"), Format.YAML), "name", 3,
                "name (line 3 of <string>): expected a string, got the value false");
        assertEquals("no", ConfigMapper.readString(goodYaml.replace("name: two-layer demo", "name: 'no'"),
                Format.YAML, ExperimentConfig.class, List.of()).name());
    }

    // ---------------------------------------------------------------------------------------------------------
    // bad input: keys

    @Test
    void anUnknownKeyIsAnErrorThatListsTheAllowedKeys() {
        assertError(errorReading(withLine(6, "    \"colums\": 128,"), Format.JSON), "crossbar.colums", 6,
                "crossbar.colums (line 6 of <string>): unknown key 'colums' (did you mean 'columns'?); allowed keys:"
                        + " rows, columns, readVoltageVolts, device");
        assertError(errorReading(withLine(14, "      \"stepFraction\": 0.01, \"colour\": \"red\","), Format.JSON),
                "crossbar.device.colour", 14,
                "crossbar.device.colour (line 14 of <string>): unknown key 'colour'; allowed keys: model, window, "
                        + "stepFraction, cycleToCycleSigmaRelative");
        assertError(errorReading(withLine(2, "  \"schemaVersion\": 1, \"seed\": 42,"), Format.JSON), "seed", 2,
                "seed (line 2 of <string>): unknown key 'seed'; allowed keys: schemaVersion, name, crossbar, layers");
    }

    @Test
    void aMissingPrimitiveKeyIsAnError() {
        // Decision: FAIL_ON_NULL_FOR_PRIMITIVES, not FAIL_ON_MISSING_CREATOR_PROPERTIES; see docs/configuration.md.
        assertError(errorReading(withLine(5, ""), Format.JSON), "crossbar.rows", 4,
                "crossbar.rows (line 4 of <string>): required key 'rows' is missing; expected an integer");
        assertError(errorReading(withLine(5, "    \"rows\": null,"), Format.JSON), "crossbar.rows", 5,
                "crossbar.rows (line 5 of <string>): null is not allowed; expected an integer");
    }

    @Test
    void aMissingObjectOrStringKeyIsReportedByTheRecordsChecks() {
        assertError(errorReading(withLine(3, ""), Format.JSON), "name", 1,
                "name (line 1 of <string>): required key 'name' is missing");
        String noWindow = GOOD_JSON.replace("""
                      "window": {
                        "minConductanceSiemens": 1.0e-6,
                        "maxConductanceSiemens": 2.5e-5
                      },
                """, "");
        assertError(errorReading(noWindow, Format.JSON), "crossbar.device.window", 8,
                "crossbar.device.window (line 8 of <string>): required key 'window' is missing");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertError(errorReading(withLine(6, "    \"columns\": 128, \"rows\": 64,"), Format.JSON), "crossbar.rows", 6,
                "crossbar.rows (line 6 of <string>): duplicate key 'rows'");
        String yaml = """
                schemaVersion: 1
                name: first
                name: second
                """;
        assertError(errorReading(yaml, Format.YAML), "name", 3, "name (line 3 of <string>): duplicate key 'name'");
    }

    // ---------------------------------------------------------------------------------------------------------
    // bad input: values

    @Test
    void aValueOfTheWrongTypeIsAnError() {
        assertError(errorReading(withLine(5, "    \"rows\": \"many\","), Format.JSON), "crossbar.rows", 5,
                "crossbar.rows (line 5 of <string>): expected an integer, got the string \"many\"");
        assertError(errorReading(withLine(5, "    \"rows\": 25.5,"), Format.JSON), "crossbar.rows", 5,
                "crossbar.rows (line 5 of <string>): expected an integer, got the number 25.5");
        assertError(errorReading(withLine(5, "    \"rows\": 99999999999,"), Format.JSON), "crossbar.rows", 5,
                "crossbar.rows (line 5 of <string>): expected an integer in [-2147483648, 2147483647], got the "
                        + "number 99999999999");
        assertError(errorReading(withLine(7, "    \"readVoltageVolts\": \"0.2\","), Format.JSON),
                "crossbar.readVoltageVolts", 7,
                "crossbar.readVoltageVolts (line 7 of <string>): expected a number, got the string \"0.2\"");
        assertError(errorReading(withLine(3, "  \"name\": 42,"), Format.JSON), "name", 3,
                "name (line 3 of <string>): expected a string, got the number 42");
        assertError(errorReading(withLine(19,
                        "    { \"size\": 784, \"activation\": \"tanh\", \"dropoutFraction\": 0.1 },"), Format.JSON),
                "layers[0].activation", 19,
                "layers[0].activation (line 19 of <string>): expected one of: relu, sigmoid, got the string \"tanh\"");
        String layersInAnObject = GOOD_JSON.replace("\"layers\": [", "\"layers\": {\"first\": [")
                .replace("]\n}", "]}\n}");
        assertError(errorReading(layersInAnObject, Format.JSON), "layers", 18,
                "layers (line 18 of <string>): expected an array, got an object");
        assertError(errorReading(withLine(2, "  \"schemaVersion\": 1.0,"), Format.JSON), "schemaVersion", 2,
                "schemaVersion (line 2 of <string>): expected an integer, got the number 1.0");
    }

    @Test
    void anOutOfRangeValueIsReportedAtItsLineWithTheChecksMessage() {
        ConfigException error = configError(() -> ConfigMapper.read(RESOURCES.resolve("bad-window.json"),
                ExperimentConfig.class));
        String file = RESOURCES.resolve("bad-window.json").toString();
        assertError(error, "crossbar.device.window.maxConductanceSiemens", 12,
                "crossbar.device.window.maxConductanceSiemens (line 12 of " + file + "): must be positive and "
                        + "finite, got -2.5E-5 S");
        assertEquals(file, error.source());
        assertEquals("must be positive and finite, got -2.5E-5 S", error.detail());
        assertInstanceOf(IllegalArgumentException.class, error.getCause().getCause());

        assertError(errorReading(withLine(7, "    \"readVoltageVolts\": 2,"), Format.JSON),
                "crossbar.readVoltageVolts", 7,
                "crossbar.readVoltageVolts (line 7 of <string>): must be in [0, 1.5] V, got 2 V");
        assertError(errorReading(withLine(20,
                "    { \"size\": 0, \"activation\": \"sigmoid\", \"dropoutFraction\": 0 }"), Format.JSON),
                "layers[1].size", 20, "layers[1].size (line 20 of <string>): must be positive, got 0");
        assertError(errorReading(withLine(20, "    null"), Format.JSON), "layers[1]", 20,
                "layers[1] (line 20 of <string>): must not be null");
    }

    @Test
    void aCrossFieldRuleIsReportedAtTheFirstFieldItNames() {
        assertError(errorReading(withLine(12, "          \"maxConductanceSiemens\": 2.5e-7"), Format.JSON),
                "crossbar.device.window.minConductanceSiemens", 11,
                "crossbar.device.window.minConductanceSiemens (line 11 of <string>): minConductanceSiemens (1.0E-6 S)"
                        + " must be below maxConductanceSiemens (2.5E-7 S)");
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        // JSON has no NaN or Infinity: the parser rejects the literals.
        assertError(errorReading(withLine(14, "      \"stepFraction\": NaN,"), Format.JSON),
                "crossbar.device.stepFraction", 14,
                "crossbar.device.stepFraction (line 14 of <string>): NaN is not a JSON number; config values must be"
                        + " finite");
        assertError(errorReading(withLine(7, "    \"readVoltageVolts\": -Infinity,"), Format.JSON),
                "crossbar.readVoltageVolts", 7,
                "crossbar.readVoltageVolts (line 7 of <string>): -Infinity is not a JSON number; config values must"
                        + " be finite");
        // YAML has .nan and .inf; they reach the record, whose Checks reject them.
        String yaml = """
                minConductanceSiemens: .nan
                maxConductanceSiemens: 2.5e-5
                """;
        assertError(configError(() -> ConfigMapper.readString(yaml, Format.YAML, WindowConfig.class, List.of())),
                "minConductanceSiemens", 1,
                "minConductanceSiemens (line 1 of <string>): must be positive and finite, got NaN S");
        String infinite = """
                minConductanceSiemens: 1.0e-6
                maxConductanceSiemens: .inf
                """;
        assertError(configError(() -> ConfigMapper.readString(infinite, Format.YAML, WindowConfig.class,
                        List.of())), "maxConductanceSiemens", 2,
                "maxConductanceSiemens (line 2 of <string>): must be positive and finite, got Infinity S");
        // Jackson's string spelling "NaN" is a number too, and is caught the same way.
        assertError(errorReading(withLine(14, "      \"stepFraction\": \"NaN\","), Format.JSON),
                "crossbar.device.stepFraction", 14,
                "crossbar.device.stepFraction (line 14 of <string>): must be in [0, 1), got NaN");
    }

    @Test
    void anUnknownOrMissingModelListsTheKnownModels() {
        assertError(errorReading(withLine(9, "      \"model\": \"hard-bounds\","), Format.JSON),
                "crossbar.device.model", 9,
                "crossbar.device.model (line 9 of <string>): unknown model 'hard-bounds'; it must be one of: "
                        + "linear-step, soft-bounds");
        assertError(errorReading(withLine(9, ""), Format.JSON), "crossbar.device", 8,
                "crossbar.device (line 8 of <string>): required key 'model' is missing; it must be one of: "
                        + "linear-step, soft-bounds");
        assertError(errorReading(withLine(9, "      \"model\": \"linear-step\","), Format.JSON),
                "crossbar.device.stepFraction", 14,
                "crossbar.device.stepFraction (line 14 of <string>): unknown key 'stepFraction'; allowed keys: "
                        + "model, window, stateCount, pulseWidthSeconds");
    }

    // ---------------------------------------------------------------------------------------------------------
    // bad input: syntax

    @Test
    void syntaxErrorsNameTheirLine() {
        assertError(errorReading(withLine(5, "    \"rows\": 256,,"), Format.JSON), "crossbar.rows", 5,
                "crossbar.rows (line 5 of <string>): JSON syntax error: Unexpected character (','): was expecting "
                        + "double-quote to start field name");
        assertError(errorReading(withLine(15, "      \"cycleToCycleSigmaRelative\": 0.05,"), Format.JSON),
                "crossbar.device.cycleToCycleSigmaRelative", 16,
                "crossbar.device.cycleToCycleSigmaRelative (line 16 of <string>): JSON syntax error: a comma before "
                        + "'}' (JSON does not allow trailing commas)");
        assertError(errorReading("// a comment\n" + GOOD_JSON, Format.JSON), "", 1,
                "line 1 of <string>: JSON syntax error: comments are not allowed in JSON (YAML files may have # "
                        + "comments)");
        String yaml = """
                schemaVersion: 1
                crossbar:
                  rows: [256
                  columns: 128
                """;
        assertError(errorReading(yaml, Format.YAML), "crossbar.rows[0]", 4,
                "crossbar.rows[0] (line 4 of <string>): YAML syntax error: expected ',' or ']', but got : (while "
                        + "parsing a flow sequence that starts at line 3)");
    }

    @Test
    void truncatedEmptyAndTrailingInputAreErrors() {
        String truncated = RESOURCES.resolve("truncated.json").toString();
        assertError(configError(() -> ConfigMapper.read(Path.of(truncated), ExperimentConfig.class)),
                "crossbar.columns", 6, "crossbar.columns (line 6 of " + truncated + "): unexpected end of input; "
                        + "the file looks truncated (the object that starts at line 4 is not closed)");
        String empty = RESOURCES.resolve("empty.json").toString();
        assertError(configError(() -> ConfigMapper.read(Path.of(empty), ExperimentConfig.class)), "", 1,
                "line 1 of " + empty + ": the input is empty; expected an object");
        assertError(errorReading("# only a comment\n", Format.YAML), "", 1,
                "line 1 of <string>: the input is empty; expected an object");
        assertError(errorReading(GOOD_JSON + "{}\n", Format.JSON), "", 23,
                "line 23 of <string>: unexpected content after the end of the top-level value; a config file holds"
                        + " one JSON value");
        assertError(errorReading("schemaVersion: 1\n---\nname: second document\n", Format.YAML), "", 3,
                "line 3 of <string>: unexpected content after the end of the top-level value; a config file holds"
                        + " one YAML document");
        assertError(errorReading("null", Format.JSON), "", 1, "line 1 of <string>: expected an object, got null");
        assertError(errorReading("[1, 2]", Format.JSON), "", 1,
                "line 1 of <string>: expected an object, got an array");
    }

    @Test
    void fileProblemsNameTheFile(@TempDir Path folder) throws IOException {
        Path missing = folder.resolve("missing.json");
        assertError(configError(() -> ConfigMapper.read(missing, ExperimentConfig.class)), "", -1,
                missing + ": file not found");
        assertError(configError(() -> ConfigMapper.readTree(missing)), "", -1, missing + ": file not found");
        assertError(configError(() -> ConfigMapper.read(folder, ExperimentConfig.class)), "", -1,
                folder + ": is a directory, not a config file");
        Path latin1 = folder.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertError(configError(() -> ConfigMapper.read(latin1, ExperimentConfig.class)), "", -1,
                latin1 + ": the file is not UTF-8 text");
    }

    // ---------------------------------------------------------------------------------------------------------
    // trees

    @Test
    void treesCanBeReadTransformedAndBound() {
        JsonNode tree = ConfigMapper.readTree(RESOURCES.resolve("good.yaml"));
        assertEquals(256, tree.path("crossbar").path("rows").intValue());
        assertEquals(SampleConfigs.expectedGoodExperiment(),
                ConfigMapper.treeToValue(tree, ExperimentConfig.class, "good.yaml"));
        assertEquals(tree, ConfigMapper.readTree(GOOD_JSON, Format.JSON, "inline"));

        JsonNode bad = ConfigMapper.applyOverrides(tree, List.of("crossbar.rows=0"));
        // A tree has no lines, and applyOverrides alone does not remember where values came from.
        assertError(configError(() -> ConfigMapper.treeToValue(bad, ExperimentConfig.class, "good.yaml")),
                "crossbar.rows", -1, "crossbar.rows (good.yaml): must be positive, got 0");
        assertError(configError(() -> ConfigMapper.readTree("{\"a\": 1,}", Format.JSON, "inline")), "a", 1,
                "a (line 1 of inline): JSON syntax error: a comma before '}' (JSON does not allow trailing commas)");
    }

    // ---------------------------------------------------------------------------------------------------------
    // writing

    @Test
    void writeJsonWritesComponentsInDeclarationOrderAndReadsBackEqual() {
        ExperimentConfig experiment = SampleConfigs.expectedGoodExperiment();
        String json = ConfigMapper.writeJson(experiment);
        assertEquals("""
                {
                  "schemaVersion": 1,
                  "name": "two-layer demo",
                  "crossbar": {
                    "rows": 256,
                    "columns": 128,
                    "readVoltageVolts": 0.2,
                    "device": {
                      "model": "soft-bounds",
                      "window": {
                        "minConductanceSiemens": 1.0E-6,
                        "maxConductanceSiemens": 2.5E-5
                      },
                      "stepFraction": 0.01,
                      "cycleToCycleSigmaRelative": 0.05
                    }
                  },
                  "layers": [
                    {
                      "size": 784,
                      "activation": "relu",
                      "dropoutFraction": 0.1
                    },
                    {
                      "size": 10,
                      "activation": "sigmoid",
                      "dropoutFraction": 0.0
                    }
                  ]
                }""", json);
        assertFalse(json.contains("spanSiemens"), "a getter that is not a component must not be written");
        assertEquals(experiment, ConfigMapper.readString(json, Format.JSON, ExperimentConfig.class, List.of()));
        assertEquals(experiment, ConfigMapper.readString(json, Format.YAML, ExperimentConfig.class, List.of()));
    }

    @Test
    void writeJsonSortsMapKeysAndWritesNonFiniteNumbersAsStrings() {
        assertEquals("""
                {
                  "a": "NaN",
                  "b": "Infinity",
                  "c": 1.5
                }""", ConfigMapper.writeJson(Map.of("c", 1.5, "b", Double.POSITIVE_INFINITY, "a", Double.NaN)));
        assertEquals("null", ConfigMapper.writeJson(null));
    }

    @Test
    void valueToTreeAndTheSharedMappersMatchWriteJson() throws IOException {
        LinearStepDeviceConfig device = new LinearStepDeviceConfig(new WindowConfig(1e-6, 1e-5), 64, 1e-8);
        JsonNode tree = ConfigMapper.valueToTree(device);
        assertEquals("linear-step", tree.path("model").textValue());
        assertFalse(tree.path("window").has("spanSiemens"));
        assertEquals(ConfigMapper.writeJson(device), ConfigMapper.writeJson(tree));
        assertEquals(ConfigMapper.writeJson(device), ConfigMapper.jsonWriter().writeValueAsString(device));

        ObjectMapper copy = ConfigMapper.jsonMapper();
        copy.enable(SerializationFeature.WRAP_ROOT_VALUE);
        assertEquals(new LayerConfig(3, Activation.RELU, 0.5), ConfigMapper.jsonMapper().readValue(
                "{\"size\": 3, \"activation\": \"relu\", \"dropoutFraction\": 0.5}", LayerConfig.class));
        assertTrue(ConfigMapper.writeJson(device).startsWith("{\n  \"model\""),
                "reconfiguring a copy must not change the shared mapper");
    }

    @Test
    void everyErrorInThisClassIsFreeOfJacksonInternals() {
        // A broad sweep: mangle each line of the good file in several ways; every failure must read cleanly.
        int lineCount = (int) GOOD_JSON.lines().count();
        for (int line = 1; line <= lineCount; line++) {
            for (String replacement : List.of("", "  \"x\": [1,", "    \"rows\": {},", "}", "  \"a\": true,")) {
                String text = withLine(line, replacement);
                try {
                    ConfigMapper.readString(text, Format.JSON, ExperimentConfig.class, List.of());
                } catch (ConfigException e) {
                    assertNoInternals(e);
                    assertTrue(e.line() >= 1 && e.line() <= lineCount + 1, e::getMessage);
                }
            }
        }
        assertThrows(NullPointerException.class,
                () -> ConfigMapper.readString(null, Format.JSON, ExperimentConfig.class, List.of()));
    }
}
