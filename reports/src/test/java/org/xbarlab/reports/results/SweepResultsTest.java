package org.xbarlab.reports.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.config.ConfigMapper;

class SweepResultsTest extends XbarlabTestBase {

    @TempDir
    Path directory;

    /** The synthetic sweep as results.jsonl, lines in reverse order (as parallel workers may finish). */
    private Path writeJsonLines(String tail) throws IOException {
        List<String> lines = new ArrayList<>();
        for (SweepRecord record : SyntheticSweep.records()) {
            lines.add(ConfigMapper.jsonMapper().writeValueAsString(SyntheticSweep.line(record)));
        }
        Collections.reverse(lines);
        Path file = directory.resolve("results.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n" + tail, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void jsonLinesReadBackSortedWithAPartialLastLineIgnored() throws IOException {
        Path file = writeJsonLines("{\"point\": 0, \"tri");
        SweepResults results = SweepResults.read(directory);
        assertEquals(file, results.source());
        assertEquals(12, results.records().size());
        assertEquals(1, results.ignoredPartialLines());
        assertEquals(List.of(SyntheticSweep.BITS_PATH, SyntheticSweep.PRESET_PATH), results.parameters());
        assertEquals(List.of(SyntheticSweep.ACCURACY, SyntheticSweep.ENERGY), results.metrics());
        for (int i = 0; i < 12; i++) {
            assertEquals(i / 2, results.records().get(i).point());
            assertEquals(i % 2, results.records().get(i).trial());
        }
        assertEquals(List.of(IntNode.valueOf(4), IntNode.valueOf(6), IntNode.valueOf(8)),
                results.values(SyntheticSweep.BITS_PATH));
        SweepRecord first = results.records().get(0);
        assertEquals(SyntheticSweep.accuracy(4, "pcm", 0), first.value(SyntheticSweep.ACCURACY).getAsDouble());
        assertEquals(10, first.value("cost.inference.samples").getAsDouble(), "any path into the result");
        assertTrue(first.value("cost.nothing").isEmpty());
    }

    @Test
    void aCorruptLineInTheMiddleIsAnErrorNamingIt() throws IOException {
        Path file = directory.resolve("results.jsonl");
        Files.writeString(file, "{\"point\": 0, \"trial\": 0}\n{broken\n{\"point\": 1, \"trial\": 0}\n");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> SweepResults.read(file));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
        Files.writeString(file, "{\"trial\": 0}\n");
        error = assertThrows(UncheckedIOException.class, () -> SweepResults.read(file));
        assertTrue(error.getMessage().contains("\"point\""), error.getMessage());
        error = assertThrows(UncheckedIOException.class, () -> SweepResults.read(directory.resolve("none")));
        assertTrue(error.getMessage().contains("no results here") || error.getMessage().contains("not found")
                || error.getMessage().contains("not a results file"), error.getMessage());
    }

    @Test
    void summariesAreMeanAndSampleStandardDeviationAcrossTrials() {
        List<PointSummary> summaries = SyntheticSweep.results().summarize(SyntheticSweep.ACCURACY);
        assertEquals(6, summaries.size());
        PointSummary first = summaries.get(0);
        double a = SyntheticSweep.accuracy(4, "pcm", 0);
        double b = SyntheticSweep.accuracy(4, "pcm", 1);
        assertEquals(2, first.count());
        assertEquals((a + b) / 2, first.mean(), 1e-15);
        assertEquals(Math.abs(b - a) / Math.sqrt(2), first.standardDeviation(), 1e-15);
        assertEquals(Map.of(SyntheticSweep.BITS_PATH, IntNode.valueOf(4), SyntheticSweep.PRESET_PATH,
                JsonNodeFactory.instance.textNode("pcm")), first.parameters());
        PointSummary single = PointSummary.of(0, Map.of(), new double[] {3});
        assertEquals(0, single.standardDeviation());
        // Welford stays exact where the naive sum of squares would cancel.
        PointSummary large = PointSummary.of(0, Map.of(), new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3});
        assertEquals(1.0, large.standardDeviation(), 1e-9);
    }

    @Test
    void failedRunsAndNonFiniteValuesAreLeftOutOfSummaries() {
        List<SweepRecord> records = new ArrayList<>(SyntheticSweep.records());
        SweepRecord ok = records.get(0);
        records.set(1, new SweepRecord(0, 1, 1, SweepRecord.FAILED, ok.parameters(),
                Collections.singletonMap(SyntheticSweep.ACCURACY, null), null, "boom", null));
        records.set(2, new SweepRecord(1, 0, 1, "completed", records.get(2).parameters(),
                Map.of(SyntheticSweep.ACCURACY, Double.NaN), null, null, null));
        SweepResults results = new SweepResults(Path.of("x"), records, List.of(SyntheticSweep.BITS_PATH,
                SyntheticSweep.PRESET_PATH), List.of(SyntheticSweep.ACCURACY), null, 0);
        List<PointSummary> summaries = results.summarize(SyntheticSweep.ACCURACY);
        assertEquals(1, summaries.get(0).count(), "the failed trial is left out");
        assertEquals(1, summaries.get(1).count(), "the NaN trial is left out");
        assertEquals("boom", results.records().get(1).error());
    }

    @Test
    void csvRoundTripKeepsParametersMetricsAndQuotedFields() throws IOException {
        List<SweepRecord> records = new ArrayList<>();
        ArrayNode layers = JsonNodeFactory.instance.arrayNode().add(784).add(20);
        records.add(new SweepRecord(0, 0, -5, "completed", Map.of("training.layerSizes", layers),
                Collections.singletonMap("metrics.a", 0.25), 1.0, null, null));
        records.add(new SweepRecord(1, 0, 7, SweepRecord.FAILED, Map.of("training.layerSizes",
                JsonNodeFactory.instance.arrayNode().add(784).add(40)),
                Collections.singletonMap("metrics.a", null), 2.0, "bad \"value\", line\nbreak", null));
        SweepResults written = new SweepResults(Path.of("x"), records, List.of("training.layerSizes"),
                List.of("metrics.a"), null, 0);
        Path file = directory.resolve("results.csv");
        Files.writeString(file, written.table().toCsv());
        SweepResults read = SweepResults.read(file);
        assertEquals(List.of("training.layerSizes"), read.parameters());
        assertEquals(List.of("metrics.a"), read.metrics());
        assertEquals(layers, read.records().get(0).parameters().get("training.layerSizes"));
        assertEquals(0.25, read.records().get(0).metrics().get("metrics.a"));
        assertNull(read.records().get(1).metrics().get("metrics.a"));
        assertEquals("bad \"value\", line\nbreak", read.records().get(1).error());
        assertEquals(-5, read.records().get(0).seed());
        assertNull(read.records().get(0).result());
    }

    @Test
    void csvFormatQuotesWhatNeedsQuotingAndParsesItBack() {
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "");
        String line = CsvFormat.line(fields);
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n", line);
        assertEquals(List.of(fields), CsvFormat.parse(line));
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), CsvFormat.parse("a,b\r\nc,d"));
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.parse("\"open"));
    }

    @Test
    void aSingleRunResultIsPointZero() throws IOException {
        Path file = directory.resolve("result.json");
        Files.writeString(file, ConfigMapper.writeJson(SyntheticSweep.records().get(0).result()));
        SweepResults results = SweepResults.read(directory);
        assertEquals(1, results.records().size());
        assertEquals(List.of(), results.parameters());
        assertEquals(100, results.records().get(0).seed());
        assertTrue(results.hasValues("metrics.testAccuracyDirectAssociation"));
    }
}
