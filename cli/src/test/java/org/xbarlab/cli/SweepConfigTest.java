package org.xbarlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigException;
import org.xbarlab.core.config.ConfigMapper;

class SweepConfigTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    private SweepConfig read(String json) throws IOException {
        Path file = directory.resolve("s.json");
        Files.writeString(file, json);
        return SweepPlan.read(file);
    }

    @Test
    void fileWithListsAndRangesReadsWithDefaults() throws IOException {
        SweepConfig sweep = read("""
                {"schemaVersion": 1, "base": {"name": "b"},
                 "parameters": [{"path": "chip.devicePreset", "values": ["pcm", "ag-a-si"]},
                                {"path": "chip.tile.forward.adc.resolutionBits", "min": 4, "max": 8, "steps": 5}]}
                """);
        assertEquals("sweep", sweep.name());
        assertEquals(1, sweep.trials());
        assertEquals(SweepConfig.Seeding.PER_TRIAL, sweep.seeding());
        assertEquals(SweepConfig.DEFAULT_METRICS, sweep.metrics());
        assertEquals(10, sweep.runCount());
        List<JsonNode> bits = sweep.parameters().get(1).expandedValues();
        assertEquals("[4, 5, 6, 7, 8]", bits.toString(), "whole range points are JSON integers");
        assertTrue(bits.get(0).isIntegralNumber());
        assertEquals("chip.devicePreset=pcm,ag-a-si", sweep.parameters().get(0).describe());
        // The recorded form reads back equal (resume compares them).
        JsonNode tree = ConfigMapper.valueToTree(sweep);
        assertEquals(tree, ConfigMapper.valueToTree(ConfigMapper.treeToValue(tree, SweepConfig.class, "t")));
    }

    @Test
    void logRangesAreRoundedToTwelveDigits() {
        List<JsonNode> values = SweepParameter.range("x", 1e-3, 1e-1, 3, SweepParameter.Scale.LOG).expandedValues();
        assertEquals("[0.001, 0.01, 0.1]", values.toString());
    }

    @Test
    void errorsNameThePathAndTheValue() {
        ConfigException both = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": {}, "parameters": [{"path": "a.b", "values": [1], "min": 0}]}
                """));
        assertTrue(both.getMessage().contains("parameters[0]") && both.getMessage().contains("a.b"),
                both.getMessage());

        ConfigException log = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": {}, "parameters": [{"path": "x.y", "min": 0, "max": 1, "steps": 3,
                 "scale": "log"}]}
                """));
        assertTrue(log.getMessage().startsWith("parameters[0].min")
                && log.getMessage().contains("must be positive on a log scale for x.y, got 0"), log.getMessage());

        ConfigException trials = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": {}, "trials": 0}
                """));
        assertTrue(trials.getMessage().startsWith("trials") && trials.getMessage().contains("got 0"),
                trials.getMessage());

        ConfigException metric = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": {}, "metrics": ["accuracy"]}
                """));
        assertTrue(metric.getMessage().contains("metrics[0]") && metric.getMessage().contains("'accuracy'"),
                metric.getMessage());

        ConfigException unknown = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": {}, "parameter": []}
                """));
        assertTrue(unknown.getMessage().contains("parameter"), unknown.getMessage());

        ConfigException duplicate = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": {}, "parameters": [{"path": "a", "values": [1, 2, 1]}]}
                """));
        assertTrue(duplicate.getMessage().contains("repeats the value 1"), duplicate.getMessage());

        ConfigException seed = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": {}, "parameters": [{"path": "seed", "values": [1, 2]}]}
                """));
        assertTrue(seed.getMessage().contains("use trials"), seed.getMessage());

        ConfigException base = assertThrows(ConfigException.class, () -> read("""
                {"schemaVersion": 1, "base": 5}
                """));
        assertTrue(base.getMessage().startsWith("base"), base.getMessage());
    }

    @Test
    void compactVaryParsesListsRangesAndJsonValues() {
        SweepParameter list = SweepCommand.parseVary("chip.devicePreset=pcm,ag-a-si");
        assertEquals("[\"pcm\", \"ag-a-si\"]", list.values().toString());
        SweepParameter range = SweepCommand.parseVary("x.y=1e-3:1e-1:3:log");
        assertEquals(SweepParameter.Scale.LOG, range.scale());
        assertEquals("[0.001, 0.01, 0.1]", range.expandedValues().toString());
        SweepParameter linear = SweepCommand.parseVary("training.epochs=1:3:3");
        assertEquals("[1, 2, 3]", linear.expandedValues().toString());
        SweepParameter arrays = SweepCommand.parseVary("training.layerSizes=[784,20],[784,40]");
        assertEquals(2, arrays.size());
        assertTrue(arrays.values().get(1).isArray());
        SweepParameter numbers = SweepCommand.parseVary("a.b=4,6");
        assertTrue(numbers.values().get(0).isIntegralNumber());

        ConfigException noEquals = assertThrows(ConfigException.class, () -> SweepCommand.parseVary("a.b"));
        assertTrue(noEquals.getMessage().contains("--vary a.b") && noEquals.getMessage().contains("PATH=VALUES"),
                noEquals.getMessage());
        ConfigException steps = assertThrows(ConfigException.class, () -> SweepCommand.parseVary("a.b=1:2:1"));
        assertTrue(steps.getMessage().contains("steps must be at least 2"), steps.getMessage());
        ConfigException empty = assertThrows(ConfigException.class, () -> SweepCommand.parseVary("a.b=1,,2"));
        assertTrue(empty.getMessage().contains("empty value"), empty.getMessage());
    }
}
