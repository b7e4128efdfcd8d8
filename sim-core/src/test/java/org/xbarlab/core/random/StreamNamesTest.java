package org.xbarlab.core.random;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamNamesTest extends XbarlabTestBase {

    private static List<String> names() throws IllegalAccessException {
        final List<String> names = new ArrayList<>();
        for (Field field : StreamNames.class.getDeclaredFields()) {
            final int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    @Test
    void namesAreUniqueAndFollowTheConvention() throws IllegalAccessException {
        final List<String> names = names();
        assertFalse(names.isEmpty());
        assertEquals(names.size(), new HashSet<>(names).size(), "duplicate stream names: " + names);
        for (String name : names) {
            assertTrue(name.matches("[a-z]+(/[a-z0-9]+(-[a-z0-9]+)*)+"), "name " + name);
        }
    }

    @Test
    void everyNameIsDocumentedInReproducibilityMarkdown() throws IllegalAccessException, IOException {
        final String docsDir = System.getProperty("xbarlab.docs.dir", "../docs");
        final Path doc = Path.of(docsDir, "reproducibility.md");
        assertTrue(Files.isRegularFile(doc), "missing " + doc.toAbsolutePath());
        final String text = Files.readString(doc, StandardCharsets.UTF_8);
        for (String name : names()) {
            assertTrue(text.contains("`" + name + "`"), "stream name `" + name + "` is not listed in " + doc);
        }
    }
}
