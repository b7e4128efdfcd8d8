package org.xbarlab.cli;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.core.config.ConfigMapper;

/**
 * JSON Schemas (draft 2020-12) of the experiment and sweep files, generated from the config records as the config
 * reader binds them: every property the reader accepts with its JSON type, enum names, the {@code model}
 * discriminator of every sealed config family ({@code oneOf} its members), lists and maps, and
 * {@code additionalProperties: false} where unknown keys are refused. Values the defaults give appear as
 * {@code default}. What the schema cannot say (ranges checked in the records' constructors, relations between
 * fields) is still checked by {@code xbarlab validate} with a message naming the path.
 */
final class JsonSchemas {

    static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

    private final ObjectMapper mapper = ConfigMapper.jsonMapper();
    private final Map<String, ObjectNode> definitions = new TreeMap<>();

    private JsonSchemas() {
    }

    /** The schema of an experiment file ({@code xbarlab run}, {@code validate}). */
    static ObjectNode experiment() {
        JsonSchemas schemas = new JsonSchemas();
        ObjectNode root = schemas.root("xbarlab experiment", "An experiment file of xbarlab run: only what differs "
                + "from the defaults (shown as default); see docs/examples/.");
        ObjectNode body = schemas.objectSchema(ExperimentConfig.class);
        schemas.addPresets(body);
        schemas.addDefaults(body, ConfigMapper.valueToTree(ExperimentConfig.defaults()));
        root.setAll(body);
        return schemas.finish(root);
    }

    /** The schema of a sweep file ({@code xbarlab sweep}); its {@code base} is a file name or an experiment. */
    static ObjectNode sweep() {
        JsonSchemas schemas = new JsonSchemas();
        ObjectNode root = schemas.root("xbarlab sweep", "A sweep file of xbarlab sweep: a base experiment, the "
                + "swept parameters and the trials; see docs/cli.md.");
        ObjectNode body = schemas.objectSchema(SweepConfig.class);
        ObjectNode experiment = experiment();
        ObjectNode experimentDefinition = experiment.deepCopy();
        for (String key : List.of("$schema", "$id", "$defs")) {
            experimentDefinition.remove(key);
        }
        experiment.path("$defs").fields().forEachRemaining(e -> schemas.definitions.put(e.getKey(),
                (ObjectNode) e.getValue()));
        schemas.definitions.put("ExperimentConfig", experimentDefinition);
        ObjectNode base = schemas.mapper.createObjectNode();
        base.put("description", "the base experiment: a file name (relative to the sweep file) or the experiment "
                + "inline");
        ArrayNode choices = base.putArray("oneOf");
        choices.addObject().put("type", "string");
        choices.addObject().put("$ref", "#/$defs/ExperimentConfig");
        ((ObjectNode) body.path("properties")).set("base", base);
        root.setAll(body);
        return schemas.finish(root);
    }

    private ObjectNode root(String title, String description) {
        ObjectNode root = mapper.createObjectNode();
        root.put("$schema", DRAFT);
        root.put("title", title);
        root.put("description", description);
        return root;
    }

    private ObjectNode finish(ObjectNode root) {
        ObjectNode defs = root.putObject("$defs");
        definitions.forEach(defs::set);
        return root;
    }

    /** Accepts a section's {@code preset} key, which the runner expands before binding. */
    private void addPresets(ObjectNode experiment) {
        ObjectNode properties = (ObjectNode) experiment.path("properties");
        ExperimentRunner.SECTION_PRESETS.forEach((method, presets) -> properties.set(method.section(),
                withPreset(properties.path(method.section()), presets.presets().keySet())));
    }

    private JsonNode withPreset(JsonNode section, Collection<String> presets) {
        String reference = section.path("$ref").asText(section.path("anyOf").path(0).path("$ref").asText());
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        ObjectNode definition = definitions.get(name).deepCopy();
        ObjectNode preset = ((ObjectNode) definition.path("properties")).putObject("preset");
        preset.put("description", "the preset this section is laid over");
        ArrayNode names = preset.putArray("enum");
        presets.stream().sorted().forEach(names::add);
        definitions.put(name + "Section", definition);
        ObjectNode nullable = mapper.createObjectNode();
        ArrayNode any = nullable.putArray("anyOf");
        any.addObject().put("$ref", "#/$defs/" + name + "Section");
        any.addObject().put("type", "null");
        return nullable;
    }

    /** Copies the defaults' scalar values into the top-level properties' schemas as {@code default}. */
    private void addDefaults(ObjectNode schema, JsonNode defaults) {
        ObjectNode properties = (ObjectNode) schema.path("properties");
        defaults.fields().forEachRemaining(entry -> {
            JsonNode property = properties.path(entry.getKey());
            if (property instanceof ObjectNode node && !entry.getValue().isNull()) {
                node.set("default", entry.getValue());
            }
        });
    }

    private ObjectNode schemaOf(JavaType type) {
        ObjectNode schema = mapper.createObjectNode();
        Class<?> raw = type.getRawClass();
        if (raw == int.class || raw == long.class || raw == short.class) {
            schema.put("type", "integer");
        } else if (raw == Integer.class || raw == Long.class || raw == Short.class) {
            nullable(schema, "integer");
        } else if (raw == double.class || raw == float.class) {
            schema.put("type", "number");
        } else if (raw == Double.class || raw == Float.class) {
            nullable(schema, "number");
        } else if (raw == boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Boolean.class) {
            nullable(schema, "boolean");
        } else if (raw == String.class || java.nio.file.Path.class.isAssignableFrom(raw)) {
            nullable(schema, "string");
        } else if (raw.isEnum()) {
            ArrayNode names = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                names.add(mapper.valueToTree(constant).asText());
            }
            names.addNull();
        } else if (JsonNode.class.isAssignableFrom(raw)) {
            schema.put("description", "any JSON value");
        } else if (type.isCollectionLikeType() || type.isArrayType()) {
            ArrayNode types = schema.putArray("type");
            types.add("array");
            types.add("null");
            schema.set("items", schemaOf(type.getContentType()));
        } else if (type.isMapLikeType()) {
            ArrayNode types = schema.putArray("type");
            types.add("object");
            types.add("null");
            schema.set("additionalProperties", schemaOf(type.getContentType()));
        } else {
            String name = definitionName(raw);
            if (!definitions.containsKey(name)) {
                definitions.put(name, mapper.createObjectNode());
                definitions.put(name, definition(raw));
            }
            ArrayNode any = schema.putArray("anyOf");
            any.addObject().put("$ref", "#/$defs/" + name);
            any.addObject().put("type", "null");
        }
        return schema;
    }

    private static void nullable(ObjectNode schema, String type) {
        ArrayNode types = schema.putArray("type");
        types.add(type);
        types.add("null");
    }

    private static String definitionName(Class<?> raw) {
        return raw.getEnclosingClass() == null ? raw.getSimpleName()
                : raw.getEnclosingClass().getSimpleName() + raw.getSimpleName();
    }

    /** A config family ({@code model} discriminator) or a record. */
    private ObjectNode definition(Class<?> raw) {
        JsonTypeInfo info = raw.getAnnotation(JsonTypeInfo.class);
        JsonSubTypes subtypes = raw.getAnnotation(JsonSubTypes.class);
        if (info != null && subtypes != null && (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()))) {
            ObjectNode family = mapper.createObjectNode();
            family.put("description", "one of the " + raw.getSimpleName() + " models, chosen by \""
                    + info.property() + "\"");
            ArrayNode members = family.putArray("oneOf");
            for (JsonSubTypes.Type subtype : subtypes.value()) {
                ObjectNode member = objectSchema(subtype.value());
                ObjectNode discriminator = mapper.createObjectNode();
                discriminator.put("const", subtype.name());
                ObjectNode properties = (ObjectNode) member.path("properties");
                ObjectNode ordered = mapper.createObjectNode();
                ordered.set(info.property(), discriminator);
                ordered.setAll(properties);
                member.set("properties", ordered);
                member.putArray("required").add(info.property());
                members.add(member);
            }
            return family;
        }
        return objectSchema(raw);
    }

    private ObjectNode objectSchema(Class<?> raw) {
        JavaType type = mapper.constructType(raw);
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        List<BeanPropertyDefinition> definitionsOf = new ArrayList<>(description.findProperties());
        for (BeanPropertyDefinition property : definitionsOf) {
            if (!property.couldDeserialize()) {
                continue;
            }
            properties.set(property.getName(), schemaOf(property.getPrimaryType()));
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
