package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;

/**
 * Issue #10: every invalid config ends with exit code 3 and one message that names the path (or, for a broken
 * file, the line), never a stack trace. Valid experiment files of docs/examples are mutated at random — a value of
 * the wrong type, out of range, NaN or infinite, an unknown key, the file cut short, an empty file — and checked
 * with {@code xbarlab validate}, which resolves and checks a config exactly as {@code run} does before it starts.
 * A mutation that happens to stay valid (a null where null is allowed, say) must give exit code 0.
 */
class ConfigMutationPropertyTest extends XbarlabTestBase {

    private static final List<String> EXAMPLES = List.of("01-wta-bp-one-layer.json", "05-wta-bp-one-layer-reram.json",
            "06-supervised-neurosim-mlp.json", "08-semi-supervised-ep-600.json", "13-wta-ep-one-layer-chip.json");

    /** Replacement values, as raw JSON text (NaN and Infinity are not JSON; a config file may still hold them). */
    private static final List<String> REPLACEMENTS = List.of("\"text\"", "true", "[]", "{}", "null", "-1", "0",
            "-1e9", "1e300", "NaN", "Infinity", "-Infinity", "0.5", "[1, \"a\"]", "{\"bogus\": 1}");

    @Provide
    Arbitrary<String> replacements() {
        return Arbitraries.of(REPLACEMENTS);
    }

    @Provide
    Arbitrary<String> examples() {
        return Arbitraries.of(EXAMPLES);
    }

    private static JsonNode example(String name) {
        Path file = Path.of(System.getProperty("xbarlab.docs.dir", "../docs"), "examples", name);
        try {
            return ConfigMapper.jsonMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every leaf of the tree: dotted path (with [i] for array elements) and the leaf's key or index. */
    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                leaves(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", out);
            }
        } else if (!path.isEmpty() && !path.equals("schemaVersion") && !path.equals("name")) {
            out.add(path);
        }
    }

    /** Replaces the leaf at {@code path} with a marker string, so the raw replacement can be spliced into text. */
    private static void mark(JsonNode root, String path) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            List<Integer> indices = new ArrayList<>();
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            for (String index : bracket < 0 ? new String[0] : part.substring(bracket + 1, part.length() - 1)
                    .split("\\]\\[")) {
                indices.add(Integer.parseInt(index));
            }
            boolean last = p == parts.length - 1;
            if (indices.isEmpty()) {
                if (last) {
                    ((ObjectNode) node).put(key, "@@MUTATION@@");
                } else {
                    node = node.get(key);
                }
            } else {
                node = node.get(key);
                for (int i = 0; i < indices.size(); i++) {
                    if (last && i == indices.size() - 1) {
                        ((ArrayNode) node).set(indices.get(i), ConfigMapper.jsonMapper().getNodeFactory()
                                .textNode("@@MUTATION@@"));
                    } else {
                        node = node.get(indices.get(i));
                    }
                }
            }
        }
    }

    private static CliTestSupport.Run validate(Path directory, String text) {
        try {
            Path file = Files.createTempFile(directory, "mutated", ".json");
            Files.writeString(file, text);
            return CliTestSupport.run("validate", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOneConfigMessage(CliTestSupport.Run run, String mutation) {
        assertTrue(run.exitCode() == ExitCodes.OK || run.exitCode() == ExitCodes.INVALID_CONFIG,
                mutation + " → exit 0 or 3 only: " + run);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), mutation + ": no stack "
                + "trace or exception name: " + run);
        if (run.exitCode() == ExitCodes.INVALID_CONFIG) {
            String message = run.err().strip();
            assertTrue(message.startsWith("xbarlab: invalid configuration: ") && !message.contains("\n"),
                    mutation + ": one message line: " + run);
        }
    }

    @Property(tries = 150)
    void aMutatedValueIsValidOrAConfigErrorNamingItsPath(@ForAll("examples") String example,
                                                         @ForAll("replacements") String replacement,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int pick)
            throws IOException {
        JsonNode tree = example(example);
        List<String> paths = new ArrayList<>();
        leaves(tree, "", paths);
        String path = paths.get(pick % paths.size());
        mark(tree, path);
        String text = ConfigMapper.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                .replace("\"@@MUTATION@@\"", replacement);
        Path directory = Files.createTempDirectory("mutation");
        CliTestSupport.Run run = validate(directory, text);
        String mutation = example + ": " + path + " = " + replacement;
        assertOneConfigMessage(run, mutation);
        if (run.exitCode() == ExitCodes.INVALID_CONFIG) {
            // The message names the mutated value's key, or an enclosing section's.
            String[] keys = path.replaceAll("\\[\\d+\\]", "").split("\\.");
            boolean named = false;
            for (String key : keys) {
                named |= run.err().contains(key);
            }
            assertTrue(named, mutation + ": the message names the path: " + run);
        }
    }

    @Property(tries = 60)
    void anUnknownKeyIsAConfigErrorNamingIt(@ForAll("examples") String example,
                                           @ForAll @IntRange(min = 0, max = 10_000) int pick) throws IOException {
        JsonNode tree = example(example);
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(tree, objects);
        objects.get(pick % objects.size()).put("bogusSetting", 1);
        Path directory = Files.createTempDirectory("mutation");
        CliTestSupport.Run run = validate(directory, ConfigMapper.writeJson(tree));
        assertOneConfigMessage(run, example + ": unknown key");
        assertTrue(run.exitCode() == ExitCodes.INVALID_CONFIG && run.err().contains("bogusSetting"),
                example + ": unknown key refused by name: " + run);
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode object) {
            out.add(object);
        }
        node.elements().forEachRemaining(child -> collectObjects(child, out));
    }

    @Property(tries = 60)
    void aTruncatedOrEmptyFileIsAConfigErrorNamingTheLine(@ForAll("examples") String example,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int cut)
            throws IOException {
        String text = ConfigMapper.jsonMapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(example(example));
        String truncated = text.substring(0, cut % text.strip().length());
        Path directory = Files.createTempDirectory("mutation");
        CliTestSupport.Run run = validate(directory, truncated);
        assertOneConfigMessage(run, example + " cut at " + truncated.length());
        assertTrue(run.exitCode() == ExitCodes.INVALID_CONFIG && run.err().contains("line "),
                example + " cut at " + truncated.length() + ": refused with its line: " + run);
    }
}
