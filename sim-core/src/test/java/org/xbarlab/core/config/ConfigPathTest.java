package org.xbarlab.core.config;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering and parsing of config paths, the syntax shared by error messages and {@code --set}. */
class ConfigPathTest extends XbarlabTestBase {

    private static List<Object> parse(String text) {
        List<Object> segments = new ArrayList<>();
        assertEquals(text.length(), ConfigPath.parse(text, 0, segments));
        return segments;
    }

    @Test
    void pathsRenderWithDotsAndBrackets() {
        assertEquals("", ConfigPath.render(List.of()));
        assertEquals("crossbar.device.window.maxConductanceSiemens",
                ConfigPath.render(List.of("crossbar", "device", "window", "maxConductanceSiemens")));
        assertEquals("layers[2].size", ConfigPath.render(List.of("layers", 2, "size")));
        assertEquals("[0][1]", ConfigPath.render(List.of(0, 1)));
        assertEquals("weights[\"a.b\"][\"q \\\"r\\\"\"]", ConfigPath.render(List.of("weights", "a.b", "q \"r\"")));
        assertEquals("[\"\"]", ConfigPath.render(List.of("")));
    }

    @Test
    void renderedPathsParseBack() {
        for (List<Object> path : List.<List<Object>>of(List.of("a"), List.of("layers", 2, "size"), List.of(0, "x"),
                List.of("weights", "a.b", "c=d", "q \"r\"", "back\\slash"), List.of("soft-bounds", 10))) {
            assertEquals(path, parse(ConfigPath.render(path)), () -> ConfigPath.render(path));
        }
    }

    @Test
    void parsingStopsAtTheEqualsSign() {
        List<Object> segments = new ArrayList<>();
        assertEquals(7, ConfigPath.parse("a.b[12]=5", 0, segments));
        assertEquals(List.of("a", "b", 12), segments);
    }

    @Test
    void malformedPathsAreRejected() {
        for (String bad : List.of("", ".a", "a.", "a..b", "a[", "a[]", "a[x]", "a[-1]", "a[1", "a[\"b",
                "a]", "a[99999999999]")) {
            assertThrows(IllegalArgumentException.class, () -> ConfigPath.parse(bad, 0, new ArrayList<>()), bad);
        }
    }

    @Test
    void withinMeansEqualOrInside() {
        assertTrue(ConfigPath.isWithin("a.b", "a"));
        assertTrue(ConfigPath.isWithin("a[0].c", "a"));
        assertTrue(ConfigPath.isWithin("a", "a"));
        assertTrue(ConfigPath.isWithin("a", ""));
        assertFalse(ConfigPath.isWithin("ab", "a"));
        assertFalse(ConfigPath.isWithin("a", "a.b"));
    }
}
