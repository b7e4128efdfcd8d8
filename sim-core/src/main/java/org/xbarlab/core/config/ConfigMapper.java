package org.xbarlab.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads config files (JSON, the canonical format, or YAML) into validated immutable records, and writes records
 * as JSON. This is the one place where xbarlab configures Jackson (STYLE.md B4).
 *
 * <p><b>Strictness.</b> A key the record does not have is an error (with the allowed keys in the message), as is a
 * duplicate key, a second top-level value, {@code null} or a missing key for a primitive component, a string where
 * a number or boolean is expected ({@code "1.5"} for a {@code double}), a fraction where an integer is expected
 * ({@code 2.5} or {@code 2.0} for an {@code int}), a number or boolean where a string is expected, a number where
 * an enum constant is expected, an unknown or missing type name in a polymorphic family
 * ({@code "model": "soft-bounds"}), and a YAML alias ({@code *name}). JSON's own rules hold: no comments, no
 * trailing commas, no {@code NaN} or {@code Infinity}. A missing key for a record, list or boxed component reaches
 * the record's constructor as {@code null}; the record rejects it with {@code Checks.notNull} or replaces it with
 * its default. The one string accepted for a number is {@code "NaN"}/{@code "Infinity"} (Jackson's spelling of
 * non-finite numbers), and YAML's {@code .nan}/{@code .inf} are read too, so that records' {@code Checks} reject
 * them with their usual message.
 *
 * <p><b>Validation.</b> Records validate themselves in their compact constructors with {@code Checks}. Reading
 * parses the text into a tree, applies {@code --set} overrides to it, then binds the record, so that overridden
 * values pass through the same validation as values from the file.
 *
 * <p><b>Errors.</b> Every failure (unreadable file, syntax error, truncated or empty input, unknown key, wrong type,
 * out-of-range value, unknown model, malformed override) is one {@link ConfigException} whose message starts with
 * the config path and the line, for example {@code crossbar.device.window.maxConductanceSiemens (line 14 of
 * exp.json): must be positive and finite, got -2.5E-5 S}. A value that came from {@code --set} names the override
 * instead of a line. Messages never contain Jackson internals or Java class names.
 *
 * <p><b>Overrides</b> have the form {@code PATH=VALUE}; see {@link #applyOverrides(JsonNode, List)}.
 *
 * <p><b>Writing.</b> {@link #writeJson(Object)} writes records with their components in declaration order (only
 * the components: other accessor-like methods of a record are never written), map entries sorted by key, two-space
 * indentation and {@code \n} line ends, so the output is stable and reads back equal.
 *
 * <p>Thread-safety: stateless apart from immutable, thread-safe Jackson objects; every method may be called from
 * any thread.
 */
public final class ConfigMapper {

    /** The text formats of config files. */
    public enum Format {
        /** JSON (RFC 8259): the canonical format of config and results files; files end in {@code .json}. */
        JSON,
        /** YAML (the 1.1 dialect read by SnakeYAML), accepted on input; files end in {@code .yaml} or {@code .yml}. */
        YAML;

        /**
         * The format a file name's extension stands for, ignoring case: {@code .json} is JSON, {@code .yaml} and
         * {@code .yml} are YAML.
         *
         * @param fileName a file name or path, not null
         * @return the format, or empty for any other extension
         */
        public static Optional<Format> fromFileName(String fileName) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                return Optional.of(JSON);
            }
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                return Optional.of(YAML);
            }
            return Optional.empty();
        }
    }

    /** The JSON mapper: binds every tree, whatever the source format, and writes JSON. */
    static final ObjectMapper JSON_MAPPER = configure(JsonMapper.builder()).build();
    private static final ObjectMapper YAML_MAPPER = configure(YAMLMapper.builder()).build();
    private static final ObjectWriter PRETTY_WRITER = JSON_MAPPER.writer(prettyPrinter());

    private ConfigMapper() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading records

    /**
     * Reads a config file into a validated record; the format comes from the file extension.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file, not null
     * @param type the record (or other bindable) type, not null
     * @param <T> the type
     * @return the validated value, never null
     * @throws ConfigException if the file cannot be read, has an unknown extension, or is not a valid {@code type}
     */
    public static <T> T read(Path file, Class<T> type) {
        return read(file, type, List.of());
    }

    /**
     * Reads a config file, applies {@code --set} overrides to its tree, then binds and validates the record; the
     * format comes from the file extension.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file, not null
     * @param type the record type, not null
     * @param overrides overrides in the syntax of {@link #applyOverrides(JsonNode, List)}, applied in order; not
     *        null, may be empty
     * @param <T> the type
     * @return the validated value, never null
     * @throws ConfigException if the file cannot be read, has an unknown extension, an override is malformed, or
     *         the result is not a valid {@code type}
     */
    public static <T> T read(Path file, Class<T> type, List<String> overrides) {
        Objects.requireNonNull(file, "file");
        requireNotDirectory(file);
        return read(file, formatOf(file.toString(), file.toString()), type, overrides);
    }

    /**
     * Reads a config file in the given format, whatever its extension, applies overrides, then binds and validates
     * the record.
     *
     * @param file the file, not null
     * @param format its format, not null
     * @param type the record type, not null
     * @param overrides overrides in the syntax of {@link #applyOverrides(JsonNode, List)}; not null, may be empty
     * @param <T> the type
     * @return the validated value, never null
     * @throws ConfigException if the file cannot be read, an override is malformed, or the result is not a valid
     *         {@code type}
     */
    public static <T> T read(Path file, Format format, Class<T> type, List<String> overrides) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        return readText(readFile(file, source), format, source, type, overrides);
    }

    /**
     * Reads config text (for tests, or text that did not come from a file); errors name {@code "<string>"} as the
     * source.
     *
     * @param text the text, not null
     * @param format its format, not null
     * @param type the record type, not null
     * @param overrides overrides in the syntax of {@link #applyOverrides(JsonNode, List)}; not null, may be empty
     * @param <T> the type
     * @return the validated value, never null
     * @throws ConfigException if an override is malformed or the text is not a valid {@code type}
     */
    public static <T> T readString(String text, Format format, Class<T> type, List<String> overrides) {
        return readString(text, format, ConfigException.STRING_SOURCE, type, overrides);
    }

    /**
     * Reads config text whose errors should name a given source.
     *
     * @param text the text, not null
     * @param format its format, not null
     * @param sourceName the name errors give as the source (a file or resource name), not null
     * @param type the record type, not null
     * @param overrides overrides in the syntax of {@link #applyOverrides(JsonNode, List)}; not null, may be empty
     * @param <T> the type
     * @return the validated value, never null
     * @throws ConfigException if an override is malformed or the text is not a valid {@code type}
     */
    public static <T> T readString(String text, Format format, String sourceName, Class<T> type,
                                   List<String> overrides) {
        return readText(text, format, sourceName, type, overrides);
    }

    /**
     * Reads a class-path resource (a preset, for example) into a validated record; the format comes from the
     * resource name's extension.
     *
     * @param anchor the class that {@link Class#getResourceAsStream(String)} resolves the name against, not null
     * @param resourceName the name, relative to {@code anchor}'s package or absolute with a leading {@code /}; not
     *        null
     * @param type the record type, not null
     * @param <T> the type
     * @return the validated value, never null
     * @throws ConfigException if the resource is missing or unreadable or is not a valid {@code type}; errors name
     *         {@code resourceName} as the source
     */
    public static <T> T readResource(Class<?> anchor, String resourceName, Class<T> type) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(resourceName, "resourceName");
        Format format = formatOf(resourceName, resourceName);
        byte[] bytes;
        try (InputStream in = anchor.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new ConfigException("", -1, resourceName, "class-path resource not found");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigException("", -1, resourceName, "cannot read the resource: " + e.getMessage(), e);
        }
        return readText(decode(bytes, resourceName), format, resourceName, type, List.of());
    }

    // ---------------------------------------------------------------------------------------------------------
    // trees

    /**
     * Parses a config file into a tree without binding it, for callers that inspect or transform the tree first
     * (a sweep, for instance, applies each point's values with {@link #applyOverrides(JsonNode, List)} and then
     * calls {@link #treeToValue(JsonNode, Class, String)}). The same syntax rules as for {@link #read(Path, Class)}
     * apply: duplicate keys, trailing content and empty input are errors. Note that errors found later from the
     * tree alone cannot name lines; prefer {@link #read(Path, Class, List)} where it fits.
     *
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file, not null
     * @return a new tree whose top-level value is never missing; the caller may modify it
     * @throws ConfigException if the file cannot be read, has an unknown extension, or is not valid JSON or YAML
     */
    public static JsonNode readTree(Path file) {
        Objects.requireNonNull(file, "file");
        requireNotDirectory(file);
        String source = file.toString();
        Format format = formatOf(source, source);
        return parse(readFile(file, source), format, source).tree();
    }

    /**
     * Parses config text into a tree without binding it.
     *
     * @param text the text, not null
     * @param format its format, not null
     * @param sourceName the name errors give as the source, not null
     * @return a new tree whose top-level value is never missing; the caller may modify it
     * @throws ConfigException if the text is not valid JSON or YAML, or is empty
     */
    public static JsonNode readTree(String text, Format format, String sourceName) {
        return parse(text, format, sourceName).tree();
    }

    /**
     * Applies {@code --set} overrides to a copy of a tree, in order (a later override of the same path wins).
     *
     * <p>Syntax: {@code PATH=VALUE}. PATH is keys joined by dots with list positions in brackets, such as
     * {@code crossbar.device.window.maxConductanceSiemens} or {@code layers[2].size}; a key with special
     * characters is quoted as {@code ["a.b"]}. VALUE is read as JSON when it is valid JSON (a number, {@code true},
     * {@code false}, {@code null}, an array, an object or a quoted string) and as a plain string otherwise, so
     * {@code model=soft-bounds} sets the string {@code "soft-bounds"} while {@code name="42"} is needed to set the
     * string {@code "42"}. Surrounding white space of PATH and VALUE is ignored; a VALUE that starts with
     * {@code [}, <code>{</code> or {@code "} must be valid JSON.
     *
     * <p>Every segment of PATH but the last must exist. The last must exist too, except that a key may be added to
     * an existing object; binding then rejects it if the record has no such key. List positions start at 0 and must
     * be below the list's size (overrides cannot append).
     *
     * @param tree the tree; not modified; not null
     * @param overrides the overrides, not null, no null elements
     * @return a modified deep copy of {@code tree}
     * @throws ConfigException for a malformed override or a path that does not exist; the source is
     *         {@code "--set "} followed by the override
     */
    public static JsonNode applyOverrides(JsonNode tree, List<String> overrides) {
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(overrides, "overrides");
        JsonNode copy = tree.deepCopy();
        for (String override : overrides) {
            ConfigOverrides.apply(copy, override, new LinkedHashMap<>());
        }
        return copy;
    }

    /**
     * Binds and validates a record from a tree. Errors name {@code sourceName} but no line, because a tree has no
     * locations.
     *
     * @param tree the tree, not null; not modified
     * @param type the record type, not null
     * @param sourceName the name errors give as the source, not null
     * @param <T> the type
     * @return the validated value, never null
     * @throws ConfigException if the tree is not a valid {@code type}
     */
    public static <T> T treeToValue(JsonNode tree, Class<T> type, String sourceName) {
        Objects.requireNonNull(tree, "tree");
        return bind(tree, type, sourceName, LineIndex.NONE, Map.of());
    }

    // ---------------------------------------------------------------------------------------------------------
    // writing

    /**
     * Writes a value (a record, a tree, a list, …) as pretty-printed JSON: record components in declaration order,
     * map entries sorted by key, two-space indentation, {@code \n} line ends, no final line end. Non-finite doubles
     * are written as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
     *
     * @param value the value, may be null (gives {@code null})
     * @return the JSON text
     * @throws IllegalArgumentException if the value cannot be written as JSON
     */
    public static String writeJson(Object value) {
        try {
            return PRETTY_WRITER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a " + typeName(value) + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Converts a value to a tree, as {@link #writeJson(Object)} would write it.
     *
     * @param value the value, may be null (gives a null node)
     * @return a new tree
     * @throws IllegalArgumentException if the value cannot be converted
     */
    public static JsonNode valueToTree(Object value) {
        return JSON_MAPPER.valueToTree(value);
    }

    /**
     * A copy of the JSON mapper used here, for modules that write or read results files and want the same settings
     * (strict reading, record components only, sorted map keys). Each call returns a new copy that the caller may
     * reconfigure; keep it rather than calling this per value.
     *
     * @return a new mapper
     */
    public static ObjectMapper jsonMapper() {
        return JSON_MAPPER.copy();
    }

    /**
     * The immutable, thread-safe writer behind {@link #writeJson(Object)}, for streaming results to a file or
     * writer in the same format.
     *
     * @return the shared pretty-printing writer
     */
    public static ObjectWriter jsonWriter() {
        return PRETTY_WRITER;
    }

    // ---------------------------------------------------------------------------------------------------------
    // configuration of Jackson

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
                // 2.5 or 2.0 for an int is a mistake, not something to truncate silently.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // "1.5" for a double, "true" for a boolean, 5 for a string: wrong types, not conversions.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false))
                // 42 or true for a string is a wrong type too (Jackson accepts it even without scalar coercion).
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .addModule(recordComponentsOnly());
    }

    /**
     * Jackson would also write a record's getter-like methods ({@code getSpan()}, {@code isWide()}) as
     * properties, which would then fail to read back as unknown keys. Records are written with their components
     * only.
     */
    private static SimpleModule recordComponentsOnly() {
        SimpleModule module = new SimpleModule("xbarlab-record-components");
        module.setSerializerModifier(new BeanSerializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                             List<BeanPropertyWriter> properties) {
                Class<?> type = description.getBeanClass();
                if (!type.isRecord()) {
                    return properties;
                }
                Set<String> components = new HashSet<>();
                for (RecordComponent component : type.getRecordComponents()) {
                    components.add(component.getName());
                }
                List<BeanPropertyWriter> kept = new ArrayList<>();
                for (BeanPropertyWriter property : properties) {
                    if (property.getMember() != null && components.contains(property.getMember().getName())) {
                        kept.add(property);
                    }
                }
                return kept;
            }
        });
        return module;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading pipeline: text -> tree (+ line index) -> overrides -> record

    /** A parsed document: its tree and the line of every path in it. */
    private record Document(JsonNode tree, LineIndex lines) {
    }

    private static <T> T readText(String text, Format format, String source, Class<T> type,
                                  List<String> overrides) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(overrides, "overrides");
        Document document = parse(text, format, source);
        Map<String, String> overridden = new LinkedHashMap<>();
        JsonNode tree = document.tree();
        for (String override : overrides) {
            ConfigOverrides.apply(tree, override, overridden);
        }
        return bind(tree, type, source, document.lines(), overridden);
    }

    private static Format formatOf(String name, String source) {
        return Format.fromFileName(name).orElseThrow(() -> new ConfigException("", -1, source,
                "cannot tell the format from the file name; use the extension .json, .yaml or .yml"));
    }

    private static void requireNotDirectory(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("", -1, file.toString(), "is a directory, not a config file");
        }
    }

    private static String readFile(Path file, String source) {
        requireNotDirectory(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", -1, source, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException("", -1, source, "cannot read the file: permission denied", e);
        } catch (IOException e) {
            throw new ConfigException("", -1, source, "cannot read the file: " + e.getMessage(), e);
        }
        return decode(bytes, source);
    }

    private static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("", -1, source, "the file is not UTF-8 text", e);
        }
    }

    private static JsonParser createParser(Format format, String text) throws IOException {
        if (format == Format.YAML) {
            return new StrictYamlParser((YAMLParser) YAML_MAPPER.createParser(text));
        }
        return JSON_MAPPER.createParser(text);
    }

    private static Document parse(String text, Format format, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "sourceName");
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        ObjectMapper mapper = format == Format.YAML ? YAML_MAPPER : JSON_MAPPER;
        JsonNode tree;
        try (JsonParser parser = createParser(format, body)) {
            tree = mapper.readTree(parser);
            if (tree != null && parser.nextToken() != null) {
                throw new ConfigException("", parser.currentTokenLocation().getLineNr(), source,
                        ConfigErrors.trailingContent(format));
            }
        } catch (JacksonException e) {
            throw ConfigErrors.syntaxError(e, format, source);
        } catch (IOException e) {
            throw new ConfigException("", -1, source, "cannot read: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ConfigException("", 1, source, "the input is empty; expected an object");
        }
        LineIndex lines;
        try (JsonParser parser = createParser(format, body)) {
            lines = LineIndex.build(parser);
        } catch (IOException e) {
            lines = LineIndex.NONE; // cannot happen: the same text parsed above
        }
        return new Document(tree, lines);
    }

    private static <T> T bind(JsonNode tree, Class<T> type, String source, LineIndex lines,
                              Map<String, String> overridden) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "sourceName");
        T value;
        try {
            value = JSON_MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw ConfigErrors.bindingError(e, tree, source, lines, overridden);
        }
        if (value == null) {
            throw ConfigErrors.located(List.of(), List.of(), "expected an object, got " + ConfigErrors.describe(tree),
                    null, source, lines, overridden);
        }
        return value;
    }

    private static String typeName(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
