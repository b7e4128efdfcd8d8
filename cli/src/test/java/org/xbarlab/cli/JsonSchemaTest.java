package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;

/**
 * The published schemas ({@code docs/schema/}) are what this build generates; every example experiment and sweep
 * file satisfies them; typical mistakes (an unknown key, a wrong type, an unknown enum name or model) violate them.
 * The validator here is a plain reading of the JSON Schema keywords the generator emits (checked: no others).
 */
class JsonSchemaTest extends XbarlabTestBase {

    private static final Path SCHEMAS = Path.of("..", "docs", "schema");
    private static final Set<String> KEYWORDS = Set.of("$schema", "title", "description", "type", "properties",
            "additionalProperties", "items", "enum", "const", "anyOf", "oneOf", "required", "$ref", "$defs",
            "default");

    @Test
    void thePublishedSchemasAreTheGeneratedOnes() throws IOException {
        for (String kind : List.of("experiment", "sweep")) {
            JsonNode generated = kind.equals("experiment") ? JsonSchemas.experiment() : JsonSchemas.sweep();
            JsonNode published = ConfigMapper.jsonMapper().readTree(Files.readString(SCHEMAS.resolve(kind
                    + ".schema.json")));
            assertEquals(generated, published, "docs/schema/" + kind + ".schema.json is stale: regenerate it with "
                    + "'java -jar cli/target/xbarlab.jar schema " + kind + " > docs/schema/" + kind
                    + ".schema.json'");
            CliTestSupport.Run run = CliTestSupport.run("schema", kind);
            assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
            assertEquals(generated, ConfigMapper.jsonMapper().readTree(run.out()));
            assertOnlyKnownKeywords(generated, "");
        }
    }

    @Test
    void everyExampleFileSatisfiesItsSchema() throws IOException {
        JsonNode experiment = JsonSchemas.experiment();
        JsonNode sweep = JsonSchemas.sweep();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(Path.of("..", "docs", "examples"))) {
            listed.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        try (Stream<Path> listed = Files.list(Path.of("..", "benchmarks", "configs"))) {
            listed.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 16, "found " + files);
        for (Path file : files) {
            JsonNode content = ConfigMapper.readTree(file);
            boolean isSweep = file.getFileName().toString().startsWith("sweep");
            List<String> errors = new ArrayList<>();
            validate(isSweep ? sweep : experiment, content, isSweep ? sweep : experiment, "", errors);
            assertEquals(List.of(), errors, file.toString());
        }
    }

    @Test
    void typicalMistakesViolateTheSchema() throws IOException {
        JsonNode schema = JsonSchemas.experiment();
        JsonNode valid = ConfigMapper.readTree(Path.of("..", "docs", "examples", "05-wta-bp-one-layer-reram.json"));
        Map<String, String> mistakes = Map.of(
                "/training/learningRat", "1.0",
                "/training/epochs", "\"ten\"",
                "/method", "\"hebbian-typo\"",
                "/chip/tile/forward/adc/range", "\"sometimes\"",
                "/chip/device/readNoise", "{\"model\": \"telegraph\"}");
        for (Map.Entry<String, String> mistake : mistakes.entrySet()) {
            ObjectNode broken = valid.deepCopy();
            String path = mistake.getKey();
            String parent = path.substring(0, path.lastIndexOf('/'));
            ObjectNode object = parent.isEmpty() ? broken : broken.withObject(parent);
            object.set(path.substring(path.lastIndexOf('/') + 1), ConfigMapper.jsonMapper().readTree(
                    mistake.getValue()));
            List<String> errors = new ArrayList<>();
            validate(schema, broken, schema, "", errors);
            assertFalse(errors.isEmpty(), "the schema accepts " + path + " = " + mistake.getValue());
        }
    }

    private static void assertOnlyKnownKeywords(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            assertTrue(KEYWORDS.contains(key), "unexpected keyword " + key + " at " + at);
            JsonNode value = field.getValue();
            switch (key) {
                case "properties", "$defs" -> value.fields().forEachRemaining(e -> assertOnlyKnownKeywords(
                        e.getValue(), at + "/" + key + "/" + e.getKey()));
                case "items", "additionalProperties" -> assertOnlyKnownKeywords(value, at + "/" + key);
                case "anyOf", "oneOf" -> value.forEach(member -> assertOnlyKnownKeywords(member, at + "/" + key));
                default -> {
                }
            }
        }
    }

    /** A plain validator of the keywords above; {@code root} resolves {@code #/$defs/…} references. */
    private static void validate(JsonNode schema, JsonNode value, JsonNode root, String path, List<String> errors) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/$defs/".length());
            validate(root.path("$defs").path(name), value, root, path, errors);
        }
        if (schema.has("type")) {
            JsonNode type = schema.get("type");
            boolean matches = false;
            for (JsonNode t : type.isArray() ? type : List.of(type)) {
                matches |= hasType(value, t.asText());
            }
            if (!matches) {
                errors.add(path + ": " + value + " is not of type " + type);
                return;
            }
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            String keyword = schema.has("anyOf") ? "anyOf" : "oneOf";
            int passing = 0;
            for (JsonNode member : schema.get(keyword)) {
                List<String> memberErrors = new ArrayList<>();
                validate(member, value, root, path, memberErrors);
                passing += memberErrors.isEmpty() ? 1 : 0;
            }
            if (passing == 0 || (keyword.equals("oneOf") && passing > 1)) {
                errors.add(path + ": " + value + " matches " + passing + " of the " + keyword + " choices");
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(path + ": missing " + required.asText());
                }
            }
            JsonNode properties = schema.path("properties");
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (properties.has(field.getKey())) {
                    validate(properties.get(field.getKey()), field.getValue(), root, path + "/" + field.getKey(),
                            errors);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.path("additionalProperties").asBoolean()) {
                    errors.add(path + ": unknown key " + field.getKey());
                } else if (schema.path("additionalProperties").isObject()) {
                    validate(schema.get("additionalProperties"), field.getValue(), root,
                            path + "/" + field.getKey(), errors);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(schema.get("items"), value.get(i), root, path + "/" + i, errors);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(
                    value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
