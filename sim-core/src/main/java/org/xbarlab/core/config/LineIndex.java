package org.xbarlab.core.config;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The 1-based source line of every value of a parsed document, by config path: the line of the key for object
 * members, of the first token for list elements and for the top-level value.
 *
 * <p>Needed because {@link ConfigMapper} binds records from a tree (so that overrides can be applied first), and a
 * tree has no locations. Not API.
 */
final class LineIndex {

    /** An index that knows no lines, for trees that did not come from text. */
    static final LineIndex NONE = new LineIndex(Map.of());

    private final Map<String, Integer> lines;

    private LineIndex(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /**
     * Reads every token of a parser (which must be positioned before the first token) and records the lines.
     *
     * @throws IOException if the parser fails; callers parse the same text successfully first
     */
    static LineIndex build(JsonParser parser) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token.isStructEnd()) {
                continue;
            }
            List<Object> path = ConfigPath.of(parser.getParsingContext(), token.isStructStart());
            lines.putIfAbsent(ConfigPath.render(path), parser.currentTokenLocation().getLineNr());
        }
        return new LineIndex(lines);
    }

    /**
     * The line of a path, or of its nearest ancestor that is in the source (a missing key is reported at the line
     * of the object that lacks it).
     *
     * @return the 1-based line, or -1 when not even the top-level value has a line
     */
    int lineOf(List<Object> path) {
        for (int length = path.size(); length >= 0; length--) {
            Integer line = lines.get(ConfigPath.render(path.subList(0, length)));
            if (line != null && line >= 1) {
                return line;
            }
        }
        return -1;
    }
}
