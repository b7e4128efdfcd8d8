package org.xbarlab.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Config paths: a list of segments, each a key ({@link String}) or a list position ({@link Integer}), written as
 * {@code crossbar.device.window.maxConductanceSiemens} or {@code layers[2].size}. A key that contains characters
 * with a meaning in the syntax ({@code . [ ] " =} or white space) is written in quotes: {@code weights["a.b"]}.
 *
 * <p>Not API: the public face of paths is the string in {@link ConfigException#path()} and in {@code --set}.
 */
final class ConfigPath {

    /** Keys that can be written without quotes. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[^.\\[\\]\"=\\s]+");

    private ConfigPath() {
    }

    /** Renders segments as a path string; the empty list is the empty string. */
    static String render(List<?> segments) {
        StringBuilder text = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                String key = (String) segment;
                if (PLAIN_KEY.matcher(key).matches()) {
                    if (text.length() > 0) {
                        text.append('.');
                    }
                    text.append(key);
                } else {
                    text.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
        }
        return text.toString();
    }

    /** A new list with one more segment. */
    static List<Object> child(List<Object> parent, Object segment) {
        List<Object> result = new ArrayList<>(parent.size() + 1);
        result.addAll(parent);
        result.add(segment);
        return result;
    }

    /** The segments of a Jackson mapping exception's reference chain. */
    static List<Object> of(JsonMappingException exception) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                segments.add(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                segments.add(reference.getIndex());
            }
        }
        return segments;
    }

    /**
     * The segments of the value a streaming parser is at.
     *
     * @param context the parser's context
     * @param containerStart true when the current token opens an object or array (the context is then already the
     *        new container's, and the value's path is its parent's current entry)
     */
    static List<Object> of(JsonStreamContext context, boolean containerStart) {
        List<Object> reversed = new ArrayList<>();
        JsonStreamContext current = containerStart ? context.getParent() : context;
        for (; current != null && !current.inRoot(); current = current.getParent()) {
            if (current.inObject()) {
                if (current.getCurrentName() != null) {
                    reversed.add(current.getCurrentName());
                }
            } else if (current.inArray() && current.getCurrentIndex() >= 0) {
                reversed.add(current.getCurrentIndex());
            }
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** Whether the rendered {@code path} is the rendered {@code ancestor} or lies inside it. */
    static boolean isWithin(String path, String ancestor) {
        return ancestor.isEmpty() || path.equals(ancestor) || path.startsWith(ancestor + ".")
                || path.startsWith(ancestor + "[");
    }

    /** The node at a path, or null when some segment does not exist. */
    static JsonNode find(JsonNode root, List<?> segments) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            if (segment instanceof Integer index) {
                node = node.isArray() ? node.get(index) : null;
            } else {
                node = node.isObject() ? node.get((String) segment) : null;
            }
        }
        return node;
    }

    /**
     * Parses a path written in the syntax of {@link #render(List)}, stopping at the end of the text or at the
     * first {@code =} outside quotes.
     *
     * @param text the text
     * @param start where the path starts
     * @param segments receives the segments
     * @return the position after the path
     * @throws IllegalArgumentException with a message for the user when the syntax is wrong
     */
    static int parse(String text, int start, List<Object> segments) {
        int position = start;
        boolean first = true;
        while (position < text.length() && text.charAt(position) != '=' && !Character.isWhitespace(
                text.charAt(position))) {
            char c = text.charAt(position);
            if (c == '[') {
                position = parseBracket(text, position, segments);
            } else {
                if (!first) {
                    if (c != '.') {
                        throw new IllegalArgumentException("expected '.', '[' or '=' at character " + (position + 1)
                                + ", got '" + c + "'");
                    }
                    position++;
                }
                int keyStart = position;
                while (position < text.length() && isPlainKeyChar(text.charAt(position))) {
                    position++;
                }
                if (position == keyStart) {
                    throw new IllegalArgumentException("expected a key at character " + (keyStart + 1)
                            + (keyStart < text.length() ? ", got '" + text.charAt(keyStart) + "'" : ""));
                }
                segments.add(text.substring(keyStart, position));
            }
            first = false;
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("the path before '=' is empty");
        }
        return position;
    }

    private static int parseBracket(String text, int open, List<Object> segments) {
        int position = open + 1;
        if (position < text.length() && text.charAt(position) == '"') {
            StringBuilder key = new StringBuilder();
            position++;
            while (position < text.length() && text.charAt(position) != '"') {
                char c = text.charAt(position);
                if (c == '\\' && position + 1 < text.length()) {
                    position++;
                    c = text.charAt(position);
                }
                key.append(c);
                position++;
            }
            if (position + 1 >= text.length() || text.charAt(position + 1) != ']') {
                throw new IllegalArgumentException("unclosed [\"key\"] starting at character " + (open + 1));
            }
            segments.add(key.toString());
            return position + 2;
        }
        int digitsStart = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        if (position == digitsStart || position >= text.length() || text.charAt(position) != ']') {
            throw new IllegalArgumentException("expected a list position such as [0] at character " + (open + 1));
        }
        String digits = text.substring(digitsStart, position);
        int index;
        try {
            index = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("list position " + digits + " is too large", e);
        }
        segments.add(index);
        return position + 1;
    }

    private static boolean isPlainKeyChar(char c) {
        return c != '.' && c != '[' && c != ']' && c != '"' && c != '=' && !Character.isWhitespace(c);
    }
}
