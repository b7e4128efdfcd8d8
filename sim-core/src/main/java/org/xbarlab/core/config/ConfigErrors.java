package org.xbarlab.core.config;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import org.xbarlab.core.config.ConfigMapper.Format;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson's exceptions into one {@link ConfigException} each, with the config path, the line and a message
 * for humans (the root cause's message, never Jackson internals or Java class names). Not API.
 */
final class ConfigErrors {

    /** Longest string value quoted in full in a message; longer ones are cut. */
    private static final int QUOTED_VALUE_LIMIT = 60;

    /** Edit distance up to which an unknown key gets a "did you mean" suggestion; catches typical typos. */
    private static final int SUGGESTION_DISTANCE = 2;

    private static final Pattern BACKTICKED_NAME = Pattern.compile("`(?:[\\w$]+[.$])*([\\w]+)`");
    private static final Pattern QUALIFIED_NAME =
            Pattern.compile("\\b(?:[a-z][\\w]*\\.)+(?:[A-Z][\\w]*\\$)*([A-Z][\\w]*)");
    private static final Pattern JACKSON_HINT = Pattern.compile(
            "\\s*(\\(for POJO property '[^']*'\\)|\\(set DeserializationConfig[^)]*\\)"
                    + "|\\(but (?:might|could) if coercion[^)]*\\)|: enable `[^`]*` to allow|;? ?`[^`]*Feature[^`]*`"
                    + " enabled|\\(code \\d+\\))");
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+)[^\\]]*\\]");

    private ConfigErrors() {
    }

    /** The detail for a second top-level value. */
    static String trailingContent(Format format) {
        return "unexpected content after the end of the top-level value; a config file holds one "
                + (format == Format.YAML ? "YAML document" : "JSON value");
    }

    /** Translates an exception of the parser (syntax, duplicate key, truncation, trailing content). */
    static ConfigException syntaxError(JacksonException exception, Format format, String source) {
        int line = exception.getLocation() != null ? exception.getLocation().getLineNr() : -1;
        JsonStreamContext context = exception.getProcessor() instanceof JsonParser parser
                ? parser.getParsingContext() : null;
        List<Object> path = context != null ? ConfigPath.of(context, false) : List.of();
        if (exception.getCause() instanceof MarkedYAMLException yaml) {
            Mark problem = yaml.getProblemMark();
            Mark start = yaml.getContextMark();
            if (problem != null) {
                line = problem.getLine() + 1;
            }
            String detail = "YAML syntax error: " + oneLine(yaml.getProblem());
            if (yaml.getContext() != null) {
                detail += " (" + oneLine(yaml.getContext())
                        + (start != null && start.getLine() + 1 != line ? " that starts at line "
                        + (start.getLine() + 1) : "") + ")";
            }
            return new ConfigException(ConfigPath.render(path), line, source, detail, exception);
        }
        String message = Objects.toString(exception.getOriginalMessage(), "");
        String detail;
        if (message.equals(StrictYamlParser.ALIAS_MESSAGE)) {
            detail = message;
        } else if (message.startsWith("Duplicate field '")) {
            detail = "duplicate key '" + between(message, '\'') + "'";
        } else if (message.startsWith("Non-standard token '")) {
            String token = between(message, '\'');
            detail = token.matches("[-+]?(NaN|Infinity|INF)")
                    ? token + " is not a JSON number; config values must be finite"
                    : "JSON syntax error: unexpected token '" + token + "'";
        } else if (message.startsWith("Unexpected end-of-input")) {
            detail = "unexpected end of input; the file looks truncated";
            if (context != null && !context.inRoot()) {
                int startLine = context.startLocation(ContentReference.unknown()).getLineNr();
                detail += " (the " + (context.inArray() ? "array" : "object")
                        + (startLine >= 1 ? " that starts at line " + startLine : "") + " is not closed)";
            }
        } else if (format == Format.JSON && message.contains("ALLOW_COMMENTS")) {
            detail = "JSON syntax error: comments are not allowed in JSON (YAML files may have # comments)";
        } else if (message.startsWith("Unexpected character ('}'") && message.contains("double-quote")
                || message.startsWith("Unexpected character (']'") && message.contains("expected a value")) {
            detail = "JSON syntax error: a comma before '" + message.charAt("Unexpected character ('".length())
                    + "' (JSON does not allow trailing commas)";
        } else if (message.startsWith("Trailing token")) {
            detail = trailingContent(format);
        } else if (exception instanceof InputCoercionException) {
            detail = cleanJacksonMessage(message);
        } else {
            detail = (format == Format.YAML ? "YAML" : "JSON") + " syntax error: " + cleanJacksonMessage(message);
        }
        return new ConfigException(ConfigPath.render(path), line, source, detail, exception);
    }

    /** Translates an exception of record binding, pointing at the offending path and its line. */
    static ConfigException bindingError(JacksonException exception, JsonNode tree, String source, LineIndex lines,
                                        Map<String, String> overridden) {
        if (exception instanceof InvalidDefinitionException definition) {
            // The record itself cannot be bound: a programming error, not a bad file.
            throw new IllegalStateException("config type cannot be bound by Jackson: "
                    + definition.getOriginalMessage(), definition);
        }
        List<Object> path = exception instanceof JsonMappingException mapping
                ? ConfigPath.of(mapping) : new ArrayList<>();
        List<Object> scope = path.isEmpty() ? path : path.subList(0, path.size() - 1);
        String detail;
        if (exception instanceof UnrecognizedPropertyException unknown) {
            detail = unknownKey(unknown.getPropertyName(), allowedKeys(unknown.getReferringClass(),
                    unknown.getKnownPropertyIds()));
        } else if (exception instanceof InvalidTypeIdException typeId) {
            Class<?> base = typeId.getBaseType() != null ? typeId.getBaseType().getRawClass() : null;
            String property = Objects.requireNonNullElse(typeProperty(base), "type");
            String known = String.join(", ", knownTypeNames(base));
            JsonNode node = ConfigPath.find(tree, path);
            scope = path;
            if (node != null && !node.isObject()) {
                detail = "expected an object with a '" + property + "' key, got " + describe(node);
            } else if (typeId.getTypeId() == null) {
                detail = "required key '" + property + "' is missing; it must be one of: " + known;
            } else {
                path = ConfigPath.child(path, property);
                detail = "unknown " + property + " '" + typeId.getTypeId() + "'; it must be one of: " + known;
            }
        } else if (exception instanceof ValueInstantiationException instantiation) {
            Class<?> type = instantiation.getType() != null ? instantiation.getType().getRawClass() : null;
            scope = path;
            ConfigException unknown = unknownKeyFirst(tree, path, type, source, lines, overridden, exception);
            if (unknown != null) {
                return unknown;
            }
            Throwable cause = instantiation.getCause();
            String message = cause != null ? cause.getMessage() : null;
            if (message == null || message.isBlank()) {
                detail = cause instanceof NullPointerException ? "a required value is missing (null)"
                        : "invalid value" + (cause != null ? " (" + cause.getClass().getSimpleName() + ")" : "");
            } else {
                String subject = leadingComponent(type, message);
                if (subject != null) {
                    List<Object> relative = new ArrayList<>();
                    ConfigPath.parse(subject, 0, relative);
                    path = new ArrayList<>(path);
                    path.addAll(relative);
                    String rest = message.substring(subject.length()).strip();
                    detail = rest.startsWith("must ") ? rest : message;
                    Object last = path.get(path.size() - 1);
                    if (ConfigPath.find(tree, path) == null && last instanceof String key) {
                        detail = "must not be null".equals(detail) ? "required key '" + key + "' is missing"
                                : "required key '" + key + "' is missing; " + detail;
                    }
                } else {
                    detail = message;
                }
            }
        } else if (exception instanceof MismatchedInputException mismatch) {
            JsonNode node = ConfigPath.find(tree, path);
            if (node == null && !path.isEmpty()) {
                ConfigException unknown = unknownKeyFirst(tree, scope, referringClass(mismatch), source, lines,
                        overridden, exception);
                if (unknown != null) {
                    return unknown;
                }
            } else {
                scope = path;
            }
            detail = mismatch(mismatch, node, path);
            if (node != null && node.isNumber() && mismatch.getTargetType() == String.class
                    && findOverride(ConfigPath.render(path), overridden) != null) {
                detail += " (to set a string, quote it: --set '" + ConfigPath.render(path) + "=\"" + node.asText()
                        + "\"')";
            }
        } else if (exception.getCause() instanceof InputCoercionException coercion) {
            JsonNode node = ConfigPath.find(tree, path);
            scope = path;
            detail = "expected " + integerRange(coercion.getTargetType()) + ", got "
                    + (node != null ? describe(node) : cleanJacksonMessage(coercion.getOriginalMessage()));
        } else {
            detail = cleanJacksonMessage(exception.getOriginalMessage());
        }
        return located(path, scope, detail, exception, source, lines, overridden);
    }

    /**
     * Jackson binds a record through its constructor and reports the unknown keys of the record's object only
     * after the constructor returned, so a misspelt key ({@code "colums"}) would surface as a missing key or a
     * failed check. This finds such a key first, so the message says what the user actually got wrong.
     *
     * @return the unknown-key error, or null if the object at {@code objectPath} has no unknown key
     */
    private static ConfigException unknownKeyFirst(JsonNode tree, List<Object> objectPath, Class<?> type,
                                                   String source, LineIndex lines, Map<String, String> overridden,
                                                   Throwable cause) {
        Set<String> allowed = allowedKeys(type, null);
        JsonNode node = ConfigPath.find(tree, objectPath);
        if (allowed.isEmpty() || node == null || !node.isObject() || !type.isRecord()) {
            return null;
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                return located(ConfigPath.child(objectPath, key), objectPath, unknownKey(key, allowed), cause,
                        source, lines, overridden);
            }
        }
        return null;
    }

    /** The class whose property a mismatch exception's last path segment belongs to, or null. */
    private static Class<?> referringClass(JsonMappingException exception) {
        List<JsonMappingException.Reference> references = exception.getPath();
        if (references.isEmpty()) {
            return null;
        }
        Object from = references.get(references.size() - 1).getFrom();
        return from instanceof Class<?> type ? type : from != null ? from.getClass() : null;
    }

    /**
     * The keys an object bound to {@code type} may have, in declaration order: the type-id property of a
     * polymorphic family first, then a record's components (or their {@code @JsonProperty} names), or else the
     * names Jackson knows.
     */
    private static Set<String> allowedKeys(Class<?> type, Collection<Object> jacksonKnown) {
        Set<String> allowed = new LinkedHashSet<>();
        String typeProperty = typeProperty(type);
        if (typeProperty != null) {
            allowed.add(typeProperty);
        }
        if (type != null && type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                allowed.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName());
            }
        } else if (jacksonKnown != null) {
            for (Object id : jacksonKnown) {
                allowed.add(String.valueOf(id));
            }
        }
        return allowed;
    }

    /**
     * Builds the exception for a path, naming the override instead of a line when the value came from
     * {@code --set}, and noting an override inside {@code scope} (the object that failed) otherwise.
     */
    static ConfigException located(List<Object> path, List<Object> scope, String detail, Throwable cause,
                                   String source, LineIndex lines, Map<String, String> overridden) {
        String rendered = ConfigPath.render(path);
        String renderedScope = ConfigPath.render(scope);
        String from = findOverride(rendered, overridden);
        if (from != null) {
            return new ConfigException(rendered, -1, "--set " + from, detail, cause);
        }
        String inside = null;
        for (Map.Entry<String, String> override : overridden.entrySet()) {
            if (inside == null && ConfigPath.isWithin(override.getKey(), renderedScope)) {
                inside = override.getValue();
            }
        }
        String fullDetail = inside == null ? detail : detail + " (after --set " + inside + ")";
        return new ConfigException(rendered, lines.lineOf(path), source, fullDetail, cause);
    }

    /** The override whose path is {@code path} or contains it, or null. */
    private static String findOverride(String path, Map<String, String> overridden) {
        for (Map.Entry<String, String> override : overridden.entrySet()) {
            if (ConfigPath.isWithin(path, override.getKey())) {
                return override.getValue();
            }
        }
        return null;
    }

    private static String unknownKey(String key, Set<String> allowed) {
        String suggestion = suggest(key, allowed);
        return "unknown key '" + key + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                + "; allowed keys: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed));
    }

    private static String mismatch(MismatchedInputException exception, JsonNode node, List<Object> path) {
        String expected = expectation(exception.getTargetType());
        if (expected == null) {
            return cleanJacksonMessage(exception.getOriginalMessage());
        }
        if (node == null && !path.isEmpty() && path.get(path.size() - 1) instanceof String key) {
            return "required key '" + key + "' is missing; expected " + expected;
        }
        if (node == null || node.isNull()) {
            return "null is not allowed; expected " + expected;
        }
        return "expected " + expected + ", got " + describe(node);
    }

    /**
     * The component (or dotted path starting with a component) that an exception message from {@code type}'s
     * constructor starts with, such as {@code maxConductanceSiemens} in
     * {@code "maxConductanceSiemens must be positive and finite, got -2.5E-5 S"}; null if none.
     */
    private static String leadingComponent(Class<?> type, String message) {
        if (type == null || !type.isRecord()) {
            return null;
        }
        int end = 0;
        while (end < message.length() && !Character.isWhitespace(message.charAt(end))) {
            end++;
        }
        String token = message.substring(0, end);
        while (!token.isEmpty() && ",:;".indexOf(token.charAt(token.length() - 1)) >= 0) {
            token = token.substring(0, token.length() - 1);
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (token.equals(name) || token.startsWith(name + ".") || token.startsWith(name + "[")) {
                try {
                    ConfigPath.parse(token, 0, new ArrayList<>());
                    return token;
                } catch (IllegalArgumentException e) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The type-id property of a polymorphic family ({@code "model"}), from {@code @JsonTypeInfo}; or null. */
    private static String typeProperty(Class<?> type) {
        JsonTypeInfo info = findTypeInfo(type);
        if (info == null || info.use() == JsonTypeInfo.Id.NONE) {
            return null;
        }
        return info.property().isEmpty() ? info.use().getDefaultPropertyName() : info.property();
    }

    private static JsonTypeInfo findTypeInfo(Class<?> type) {
        if (type == null) {
            return null;
        }
        JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
        if (info != null) {
            return info;
        }
        for (Class<?> parent : type.getInterfaces()) {
            info = findTypeInfo(parent);
            if (info != null) {
                return info;
            }
        }
        return findTypeInfo(type.getSuperclass());
    }

    /** The registered type names of a polymorphic family, sorted. */
    private static List<String> knownTypeNames(Class<?> base) {
        Set<String> names = new TreeSet<>();
        if (base != null) {
            DeserializationConfig config = ConfigMapper.JSON_MAPPER.getDeserializationConfig();
            AnnotatedClass annotated = config.introspectClassAnnotations(base).getClassInfo();
            for (NamedType type : ConfigMapper.JSON_MAPPER.getSubtypeResolver()
                    .collectAndResolveSubtypesByTypeId(config, annotated)) {
                if (type.hasName()) {
                    names.add(type.getName());
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** How a value of a Java type is described to the user: "a number", "one of: relu, sigmoid", … */
    private static String expectation(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || type == Number.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == CharSequence.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(ConfigMapper.JSON_MAPPER.valueToTree(constant).asText());
            }
            return "one of: " + String.join(", ", names);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String integerRange(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "an integer in [" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]";
        }
        if (type == long.class || type == Long.class) {
            return "an integer in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
        }
        if (type == short.class || type == Short.class) {
            return "an integer in [" + Short.MIN_VALUE + ", " + Short.MAX_VALUE + "]";
        }
        if (type == byte.class || type == Byte.class) {
            return "an integer in [" + Byte.MIN_VALUE + ", " + Byte.MAX_VALUE + "]";
        }
        return "a number in range";
    }

    /** "the string "abc"", "the number 2.5", "an array", …, for messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            String text = node.textValue();
            if (text.length() > QUOTED_VALUE_LIMIT) {
                text = text.substring(0, QUOTED_VALUE_LIMIT) + "…";
            }
            return "the string \"" + text + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the value " + node.asText();
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
    }

    /** The allowed key closest to an unknown one, if it is close enough to be a typo. */
    private static String suggest(String key, Collection<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = candidate.equalsIgnoreCase(key) ? 0 : editDistance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Short keys are all close to each other; only suggest when the typo is small relative to the length.
        return best != null && bestDistance <= Math.min(SUGGESTION_DISTANCE, Math.max(1, best.length() / 3))
                ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Removes Jackson's configuration hints and turns qualified class names into simple names. */
    static String cleanJacksonMessage(String message) {
        if (message == null) {
            return "invalid value";
        }
        String cleaned = JACKSON_HINT.matcher(message).replaceAll("");
        cleaned = SOURCE_LOCATION.matcher(cleaned).replaceAll("line $1");
        cleaned = BACKTICKED_NAME.matcher(cleaned).replaceAll("$1");
        cleaned = QUALIFIED_NAME.matcher(cleaned).replaceAll("$1");
        return oneLine(cleaned);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** The text between the first two occurrences of a quote character. */
    private static String between(String text, char quote) {
        int open = text.indexOf(quote);
        int close = open < 0 ? -1 : text.indexOf(quote, open + 1);
        return close < 0 ? text : text.substring(open + 1, close);
    }
}
