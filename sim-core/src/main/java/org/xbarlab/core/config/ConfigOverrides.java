package org.xbarlab.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code --set PATH=VALUE} overrides applied to a parsed tree; the syntax is documented on
 * {@link ConfigMapper#applyOverrides(JsonNode, List)}. Not API.
 */
final class ConfigOverrides {

    private ConfigOverrides() {
    }

    /**
     * Applies one override to a tree in place.
     *
     * @param root the tree to modify
     * @param override the override text, {@code PATH=VALUE}
     * @param overridden receives the rendered path and the text of the override (earlier entries inside the same
     *        path are removed), so that errors can name the override a value came from
     */
    static void apply(JsonNode root, String override, Map<String, String> overridden) {
        Objects.requireNonNull(override, "override");
        String text = override.strip();
        String source = "--set " + text;
        List<Object> path = new ArrayList<>();
        int position;
        try {
            position = ConfigPath.parse(text, 0, path);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("", -1, source, "malformed override: " + e.getMessage()
                    + "; expected PATH=VALUE, for example crossbar.rows=256", e);
        }
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        if (position >= text.length() || text.charAt(position) != '=') {
            throw new ConfigException("", -1, source, "malformed override: expected '=' after the path "
                    + ConfigPath.render(path) + "; expected PATH=VALUE, for example crossbar.rows=256");
        }
        JsonNode value = overrideValue(text.substring(position + 1).strip(), path, source);

        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = step(parent, path.subList(0, i + 1), source, false);
        }
        step(parent, path, source, true);
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        String rendered = ConfigPath.render(path);
        overridden.keySet().removeIf(earlier -> ConfigPath.isWithin(earlier, rendered));
        overridden.put(rendered, text);
    }

    /**
     * Follows the last segment of {@code path} from {@code parent}. For the final segment ({@code last}) a missing
     * key of an object is fine (it will be added).
     */
    private static JsonNode step(JsonNode parent, List<Object> path, String source, boolean last) {
        Object segment = path.get(path.size() - 1);
        List<Object> parentPath = path.subList(0, path.size() - 1);
        String parentName = parentPath.isEmpty() ? "the top-level value" : ConfigPath.render(parentPath);
        if (segment instanceof Integer index) {
            if (!parent.isArray()) {
                throw new ConfigException(ConfigPath.render(parentPath), -1, source, "is "
                        + ConfigErrors.describe(parent) + ", not an array, so it has no position [" + index + "]");
            }
            if (index >= parent.size()) {
                throw new ConfigException(ConfigPath.render(path), -1, source, "no such position: "
                        + parentName + " has " + parent.size() + " element" + (parent.size() == 1 ? "" : "s")
                        + (parent.isEmpty() ? "" : " ([0] to [" + (parent.size() - 1) + "])")
                        + "; --set cannot add elements");
            }
            return parent.get(index);
        }
        String key = (String) segment;
        if (!parent.isObject()) {
            throw new ConfigException(ConfigPath.render(parentPath), -1, source, "is "
                    + ConfigErrors.describe(parent) + ", not an object, so it has no key '" + key + "'");
        }
        JsonNode child = parent.get(key);
        if (child == null && !last) {
            List<String> keys = new ArrayList<>();
            parent.fieldNames().forEachRemaining(keys::add);
            throw new ConfigException(ConfigPath.render(path), -1, source, "no such key in " + parentName
                    + (keys.isEmpty() ? " (it is empty)" : " (its keys: " + String.join(", ", keys) + ")")
                    + "; --set can add a key only as the last segment of the path");
        }
        return child;
    }

    private static JsonNode overrideValue(String text, List<Object> path, String source) {
        if (text.isEmpty()) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode value = ConfigMapper.JSON_MAPPER.readTree(text);
            if (value != null && !value.isMissingNode()) {
                return value;
            }
        } catch (JsonProcessingException e) {
            char first = text.charAt(0);
            if (first == '[' || first == '{' || first == '"') {
                throw new ConfigException(ConfigPath.render(path), -1, source, "the value is not valid JSON ("
                        + ConfigErrors.cleanJacksonMessage(e.getOriginalMessage())
                        + "); quote the whole override for the shell, for example --set 'layers=[784, 10]'", e);
            }
        }
        return TextNode.valueOf(text);
    }
}
