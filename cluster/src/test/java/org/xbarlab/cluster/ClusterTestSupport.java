package org.xbarlab.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.cli.XbarlabCommand;
import org.xbarlab.core.config.ConfigMapper;

/** Tiny sweeps run in-process through the command line, and their results compared run by run. */
final class ClusterTestSupport {

    /** A one-epoch run of a 784-16 network on 160 synthetic images on a chip of Ag:a-Si devices: well under 1 s. */
    static final String TINY_EXPERIMENT = """
            {"schemaVersion": 1, "name": "tiny",
             "data": {"dataset": "synthetic", "trainSamples": 160, "testSamples": 80},
             "chip": {"devicePreset": "ag-a-si"},
             "training": {"layerSizes": [784, 16], "epochs": 1, "winners": 2}}
            """;

    private ClusterTestSupport() {
    }

    /** Exit code and the text written to standard output and standard error. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    /** Runs {@code xbarlab ARGS} in this JVM. */
    static Run xbarlab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = XbarlabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Writes {@code base.json} and {@code sweep.json}: ADC bits (the given values) × the devices' cycle-to-cycle
     * noise (a preset parameter, 2 values on a log scale), {@code trials} trials, seed 11.
     *
     * @return the sweep file
     */
    static Path writeSweep(Path directory, String adcBits, int trials) throws IOException {
        Files.writeString(directory.resolve("base.json"), TINY_EXPERIMENT);
        Path file = directory.resolve("sweep.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "name": "tiny-sweep", "base": "base.json",
                 "parameters": [
                   {"path": "chip.tile.forward.adc.resolutionBits", "values": [%s]},
                   {"path": "chip.device.variation.cycleToCycleWindowFraction", "min": 0.01, "max": 0.1, "steps": 2,
                    "scale": "log"}
                 ],
                 "trials": %d, "seed": 11,
                 "metrics": ["metrics.testAccuracyDirectAssociation", "cost.training.energyPerSampleJoules",
                             "cost.inference.latencyPerSampleSeconds"]}
                """.formatted(adcBits, trials));
        return file;
    }

    /** The lines of a results.jsonl file, parsed. */
    static List<JsonNode> lines(Path jsonLines) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(jsonLines, StandardCharsets.UTF_8)) {
                nodes.add(ConfigMapper.jsonMapper().readTree(line));
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines by run key, each without what legitimately differs between two executions of the same run: wall times
     * (every field named {@code wallSeconds}) and the provenance's start time and command line.
     *
     * @throws AssertionError if a key is recorded twice
     */
    static Map<String, JsonNode> comparable(List<JsonNode> lines) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (JsonNode line : lines) {
            JsonNode copy = line.deepCopy();
            strip(copy);
            if (byKey.put(line.path("key").asText(), copy) != null) {
                throw new AssertionError("run " + line.path("key").asText() + " recorded twice");
            }
        }
        return byKey;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("wallSeconds");
            if (object.has("startTime") && object.has("commandLine") && object.has("configSha256")) {
                object.remove("startTime");
                object.remove("commandLine");
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                strip(children.next());
            }
        } else if (node.isArray()) {
            node.forEach(ClusterTestSupport::strip);
        }
    }
}
