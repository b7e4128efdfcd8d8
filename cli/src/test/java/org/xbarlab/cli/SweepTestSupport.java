package org.xbarlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.xbarlab.core.config.ConfigMapper;

/** Tiny experiments and sweeps for the sweep, report and validate tests: each run takes a fraction of a second. */
final class SweepTestSupport {

    /** A one-epoch run of a 784-16 network on 160 synthetic images, on a chip of Ag:a-Si devices. */
    static final String TINY_EXPERIMENT = """
            {"schemaVersion": 1, "name": "tiny",
             "data": {"dataset": "synthetic", "trainSamples": 160, "testSamples": 80},
             "chip": {"devicePreset": "ag-a-si"},
             "training": {"layerSizes": [784, 16], "epochs": 1, "winners": 2}}
            """;

    /** The shared sweep's directory (inputs, and its results in {@code out/}), made once per test JVM. */
    private static Path shared;

    private SweepTestSupport() {
    }

    /**
     * A finished sweep shared by the test classes of this JVM, so that each need not run its own: the sweep of
     * {@link #writeSweep} with 2 trials (4 points, 8 runs, 2 threads), in a temporary directory deleted when the
     * JVM exits. Tests must not modify it: {@link #copy} it first.
     *
     * @return the directory holding {@code sweep.json}, {@code base.json} and the results in {@code out/}
     */
    static synchronized Path sharedSweep() throws IOException {
        if (shared == null) {
            Path directory = Files.createTempDirectory("xbarlab-shared-sweep");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
            Path sweep = writeSweep(directory, 2);
            CliTestSupport.Run run = CliTestSupport.run("sweep", sweep.toString(), "--out",
                    directory.resolve("out").toString(), "--threads", "2");
            if (run.exitCode() != ExitCodes.OK) {
                throw new IllegalStateException("the shared sweep failed: " + run);
            }
            shared = directory;
        }
        return shared;
    }

    /** Copies a directory tree. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory; the system cleans it eventually.
        }
    }

    /** Writes the tiny experiment to {@code directory/base.json}. */
    static Path writeBase(Path directory) throws IOException {
        Path file = directory.resolve("base.json");
        Files.writeString(file, TINY_EXPERIMENT);
        return file;
    }

    /**
     * A sweep file over the tiny experiment: ADC bits × the devices' cycle-to-cycle noise (a preset parameter, so
     * the preset is expanded), {@code trials} trials, seed 11.
     */
    static Path writeSweep(Path directory, int trials) throws IOException {
        writeBase(directory);
        Path file = directory.resolve("sweep.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "name": "tiny-sweep", "base": "base.json",
                 "parameters": [
                   {"path": "chip.tile.forward.adc.resolutionBits", "values": [4, 8]},
                   {"path": "chip.device.variation.cycleToCycleWindowFraction", "min": 0.01, "max": 0.1, "steps": 2,
                    "scale": "log"}
                 ],
                 "trials": %d, "seed": 11,
                 "metrics": ["metrics.testAccuracyDirectAssociation", "cost.training.energyPerSampleJoules",
                             "cost.inference.latencyPerSampleSeconds"]}
                """.formatted(trials));
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

    /** Lines by their run key, failing on a key recorded twice. */
    static Map<String, JsonNode> byKey(List<JsonNode> lines) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode line : lines) {
            if (byKey.put(line.path("key").asText(), line) != null) {
                throw new AssertionError("run " + line.path("key").asText() + " recorded twice");
            }
        }
        return byKey;
    }
}
