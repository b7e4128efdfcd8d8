package org.xbarlab.reports.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.xbarlab.core.config.ConfigMapper;

/**
 * The runs of a sweep (or of one run) read back from their files, sorted by point and trial, with the swept
 * parameters and recorded metrics, per-point statistics across trials, and the sweep's manifest when present.
 * Everything a figure needs comes from these files alone.
 *
 * <h2>Files (written by {@code xbarlab sweep}, docs/sweeps.md)</h2>
 * <ul>
 *   <li>{@value #JSON_LINES_FILE}: one JSON object per run, with {@code point}, {@code trial}, {@code seed},
 *       {@code status}, {@code parameters} (path to value), {@code metrics} (name to number or null),
 *       {@code wallSeconds}, {@code error} and {@code result} (the run's whole {@code result.json}). A final line
 *       without a line end (a write cut short) is ignored and counted in {@link #ignoredPartialLines()}.</li>
 *   <li>{@value #CSV_FILE}: the columns {@link #LEADING_COLUMNS}, then one per swept parameter, then one per metric
 *       (metric names start with {@code metrics.} or {@code cost.}; this is how the reader tells them from
 *       parameters), then {@link #TRAILING_COLUMNS}. It has no {@code result}, so figures that need one (cost
 *       breakdown, training curves, conductances) are not available from a CSV alone.</li>
 *   <li>{@value #MANIFEST_FILE}: the sweep as run ({@code "sweep"}: base, parameters with their scales, trials,
 *       root seed, metrics) and its provenance; optional for reading.</li>
 *   <li>{@value #RUN_RESULT_FILE}: the result of {@code xbarlab run}, read as point 0, trial 0 without
 *       parameters.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class SweepResults {

    /** The sweep's file of record. */
    public static final String JSON_LINES_FILE = "results.jsonl";
    /** The sweep's table. */
    public static final String CSV_FILE = "results.csv";
    /** The sweep's manifest. */
    public static final String MANIFEST_FILE = "sweep.json";
    /** The result of a single run. */
    public static final String RUN_RESULT_FILE = "result.json";
    /** CSV columns before the parameters. */
    public static final List<String> LEADING_COLUMNS = List.of("point", "trial", "seed", "status");
    /** CSV columns after the metrics. */
    public static final List<String> TRAILING_COLUMNS = List.of("wallSeconds", "error");
    /** Prefixes of metric names (sections of result.json). */
    public static final List<String> METRIC_PREFIXES = List.of("metrics.", "cost.");

    private static final ObjectMapper MAPPER = ConfigMapper.jsonMapper();

    private final Path source;
    private final List<SweepRecord> records;
    private final List<String> parameters;
    private final List<String> metrics;
    private final JsonNode sweep;
    private final int ignoredPartialLines;

    /**
     * Results from records already in memory.
     *
     * @param source where they came from (for messages), not null
     * @param records the runs, not null; sorted by point and trial here
     * @param parameters the swept paths in order, not null
     * @param metrics the recorded metric names in order, not null
     * @param sweep the manifest's {@code "sweep"} object, or null
     * @param ignoredPartialLines partial final lines skipped when reading, at least 0
     */
    public SweepResults(Path source, List<SweepRecord> records, List<String> parameters, List<String> metrics,
                        JsonNode sweep, int ignoredPartialLines) {
        this.source = Objects.requireNonNull(source, "source");
        List<SweepRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingInt(SweepRecord::point).thenComparingInt(SweepRecord::trial));
        this.records = List.copyOf(sorted);
        this.parameters = List.copyOf(parameters);
        this.metrics = List.copyOf(metrics);
        this.sweep = sweep == null ? null : sweep.deepCopy();
        this.ignoredPartialLines = ignoredPartialLines;
    }

    /**
     * Reads results: a directory (its {@value #JSON_LINES_FILE}, else {@value #CSV_FILE}, else
     * {@value #RUN_RESULT_FILE}, with {@value #MANIFEST_FILE} when present) or one of those files.
     *
     * @param path a directory or file, not null
     * @return the results
     * @throws UncheckedIOException if nothing can be read, or a file is corrupt; the message names the file and line
     */
    public static SweepResults read(Path path) {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            for (String name : List.of(JSON_LINES_FILE, CSV_FILE, RUN_RESULT_FILE)) {
                if (Files.isRegularFile(path.resolve(name))) {
                    return read(path.resolve(name));
                }
            }
            throw new UncheckedIOException(new NoSuchFileException(path + ": no results here (expected "
                    + JSON_LINES_FILE + ", " + CSV_FILE + " or " + RUN_RESULT_FILE + ")"));
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl")) {
            return readJsonLines(path);
        }
        if (name.endsWith(".csv")) {
            return readCsv(path);
        }
        if (name.endsWith(".json")) {
            return readRunResult(path);
        }
        throw new UncheckedIOException(new IOException(path + ": not a results file (expected .jsonl, .csv or "
                + ".json)"));
    }

    /**
     * Reads a sweep's {@value #JSON_LINES_FILE} (and the {@value #MANIFEST_FILE} beside it, when present).
     *
     * @param file the file, not null
     * @return the results
     * @throws UncheckedIOException if the file cannot be read or a complete line is not a run
     */
    public static SweepResults readJsonLines(Path file) {
        String text = readText(file);
        JsonNode manifestSweep = manifestSweep(file);
        List<SweepRecord> records = new ArrayList<>();
        Set<String> parameterPaths = new LinkedHashSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        List<String> lines = text.lines().toList();
        boolean lastComplete = text.endsWith("\n");
        int partial = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (IOException e) {
                if (i == lines.size() - 1 && !lastComplete) {
                    partial++;
                    continue;
                }
                throw new UncheckedIOException(new IOException(file + " line " + (i + 1)
                        + " is not valid JSON: " + (e instanceof JsonProcessingException json
                        ? json.getOriginalMessage() : e.getMessage()), e));
            }
            SweepRecord record = record(node, file, i + 1);
            records.add(record);
            parameterPaths.addAll(record.parameters().keySet());
            metricNames.addAll(record.metrics().keySet());
        }
        List<String> parameters = manifestSweep != null ? paths(manifestSweep) : new ArrayList<>(parameterPaths);
        List<String> metrics = manifestSweep != null && manifestSweep.path("metrics").isArray()
                ? texts(manifestSweep.path("metrics")) : new ArrayList<>(metricNames);
        return new SweepResults(file, records, parameters, metrics, manifestSweep, partial);
    }

    /**
     * Reads a sweep's {@value #CSV_FILE} (and the {@value #MANIFEST_FILE} beside it, when present). Parameter cells
     * are read as JSON when they are valid JSON (numbers, {@code true}, objects), else as text.
     *
     * @param file the file, not null
     * @return the results, without {@code result} objects
     * @throws UncheckedIOException if the file cannot be read or does not have the sweep columns
     */
    public static SweepResults readCsv(Path file) {
        List<List<String>> rows;
        try {
            rows = CsvFormat.parse(readText(file));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException(file + ": " + e.getMessage(), e));
        }
        if (rows.isEmpty()) {
            throw new UncheckedIOException(new IOException(file + " is empty"));
        }
        List<String> header = rows.get(0);
        int lead = LEADING_COLUMNS.size();
        int trail = TRAILING_COLUMNS.size();
        if (header.size() < lead + trail || !header.subList(0, lead).equals(LEADING_COLUMNS)
                || !header.subList(header.size() - trail, header.size()).equals(TRAILING_COLUMNS)) {
            throw new UncheckedIOException(new IOException(file + " does not have the columns of a sweep table ("
                    + String.join(",", LEADING_COLUMNS) + ",PARAMETERS...,METRICS...,"
                    + String.join(",", TRAILING_COLUMNS) + ")"));
        }
        int firstMetric = lead;
        while (firstMetric < header.size() - trail && !isMetricName(header.get(firstMetric))) {
            firstMetric++;
        }
        List<String> parameters = header.subList(lead, firstMetric);
        List<String> metrics = header.subList(firstMetric, header.size() - trail);
        List<SweepRecord> records = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new UncheckedIOException(new IOException(file + " record " + (r + 1) + " has " + row.size()
                        + " fields, the header " + header.size()));
            }
            try {
                Map<String, JsonNode> values = new LinkedHashMap<>();
                for (int c = 0; c < parameters.size(); c++) {
                    values.put(parameters.get(c), jsonOrText(row.get(lead + c)));
                }
                Map<String, Double> metricValues = new LinkedHashMap<>();
                for (int c = 0; c < metrics.size(); c++) {
                    String cell = row.get(firstMetric + c);
                    metricValues.put(metrics.get(c), cell.isEmpty() ? null : Double.valueOf(cell));
                }
                String wall = row.get(header.size() - 2);
                String error = row.get(header.size() - 1);
                records.add(new SweepRecord(Integer.parseInt(row.get(0)), Integer.parseInt(row.get(1)),
                        Long.parseLong(row.get(2)), row.get(3), values, metricValues,
                        wall.isEmpty() ? null : Double.valueOf(wall), error.isEmpty() ? null : error, null));
            } catch (IllegalArgumentException e) {
                throw new UncheckedIOException(new IOException(file + " record " + (r + 1) + ": "
                        + e.getMessage(), e));
            }
        }
        return new SweepResults(file, records, parameters, metrics, manifestSweep(file), 0);
    }

    /**
     * Reads the {@value #RUN_RESULT_FILE} of one run as point 0, trial 0, without parameters or recorded metrics
     * (every number is reached by its path, {@link SweepRecord#value(String)}).
     *
     * @param file the file, not null
     * @return the results
     * @throws UncheckedIOException if the file cannot be read or is not a result
     */
    public static SweepResults readRunResult(Path file) {
        JsonNode result;
        try {
            result = MAPPER.readTree(readText(file));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + " is not valid JSON", e));
        }
        if (result == null || !result.isObject() || !result.has("metrics")) {
            throw new UncheckedIOException(new IOException(file + " is not a run result (no \"metrics\")"));
        }
        SweepRecord record = new SweepRecord(0, 0, result.path("provenance").path("rootSeed").asLong(),
                result.path("status").asText("completed"), Map.of(), Map.of(),
                SweepRecord.number(result.path("metrics").path("wallSeconds")).stream().boxed().findFirst()
                        .orElse(null), null, result);
        return new SweepResults(file, List.of(record), List.of(), List.of(), null, 0);
    }

    private static SweepRecord record(JsonNode node, Path file, int line) {
        if (!node.isObject() || !node.path("point").canConvertToInt() || !node.path("trial").canConvertToInt()) {
            throw new UncheckedIOException(new IOException(file + " line " + line + " is not a sweep run (it needs "
                    + "\"point\" and \"trial\")"));
        }
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        node.path("parameters").fields().forEachRemaining(entry -> parameters.put(entry.getKey(), entry.getValue()));
        Map<String, Double> metrics = new LinkedHashMap<>();
        node.path("metrics").fields().forEachRemaining(entry -> {
            OptionalDouble value = SweepRecord.number(entry.getValue());
            metrics.put(entry.getKey(), value.isPresent() ? value.getAsDouble() : null);
        });
        OptionalDouble wall = SweepRecord.number(node.path("wallSeconds"));
        JsonNode result = node.path("result");
        return new SweepRecord(node.path("point").intValue(), node.path("trial").intValue(),
                node.path("seed").asLong(), node.path("status").asText("completed"), parameters, metrics,
                wall.isPresent() ? wall.getAsDouble() : null,
                node.path("error").isTextual() ? node.path("error").asText() : null,
                result.isObject() ? result : null);
    }

    private static JsonNode manifestSweep(Path resultsFile) {
        Path directory = resultsFile.toAbsolutePath().getParent();
        Path manifest = directory == null ? null : directory.resolve(MANIFEST_FILE);
        if (manifest == null || !Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            JsonNode sweep = MAPPER.readTree(readText(manifest)).path("sweep");
            return sweep.isObject() ? sweep : null;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(manifest + " is not valid JSON", e));
        }
    }

    private static List<String> paths(JsonNode sweep) {
        List<String> paths = new ArrayList<>();
        for (JsonNode parameter : sweep.path("parameters")) {
            paths.add(parameter.path("path").asText());
        }
        return paths;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static boolean isMetricName(String column) {
        for (String prefix : METRIC_PREFIXES) {
            if (column.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode jsonOrText(String cell) {
        try {
            JsonNode node = MAPPER.readTree(cell);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (IOException notJson) {
            // A plain string such as a preset name.
        }
        return JsonNodeFactory.instance.textNode(cell);
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(new NoSuchFileException(file + ": file not found"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the file the results were read from */
    public Path source() {
        return source;
    }

    /** @return every run, sorted by point and trial, immutable */
    public List<SweepRecord> records() {
        return records;
    }

    /** @return the swept paths, in the sweep's order, immutable (empty for a single run) */
    public List<String> parameters() {
        return parameters;
    }

    /** @return the recorded metric names, immutable (empty for a single run) */
    public List<String> metrics() {
        return metrics;
    }

    /** @return partial final lines that were skipped (a sweep killed during a write) */
    public int ignoredPartialLines() {
        return ignoredPartialLines;
    }

    /** @return the manifest's {@code "sweep"} object (a copy), or null when there is no manifest */
    public JsonNode sweep() {
        return sweep == null ? null : sweep.deepCopy();
    }

    /**
     * Whether the sweep asked for a parameter on a log scale ({@code "scale": "log"} in the manifest).
     *
     * @param parameter a swept path
     * @return true for a log-scale parameter
     */
    public boolean isLogScale(String parameter) {
        if (sweep == null) {
            return false;
        }
        for (JsonNode node : sweep.path("parameters")) {
            if (node.path("path").asText().equals(parameter)) {
                return "log".equals(node.path("scale").asText());
            }
        }
        return false;
    }

    /**
     * The distinct values of a swept parameter, in order of first appearance (grid order).
     *
     * @param parameter a swept path
     * @return the values, immutable
     */
    public List<JsonNode> values(String parameter) {
        Set<JsonNode> values = new LinkedHashSet<>();
        for (SweepRecord record : records) {
            JsonNode value = record.parameters().get(parameter);
            if (value != null) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    /**
     * Whether a name has a numeric value in at least one finished run.
     *
     * @param name a metric name or dotted result path
     * @return whether it can be drawn
     */
    public boolean hasValues(String name) {
        for (SweepRecord record : records) {
            if (record.finished() && record.value(name).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per-point statistics of a metric across trials: for each point with at least one finished run whose value
     * is finite, the mean and sample standard deviation. Failed runs and non-finite values are left out.
     *
     * @param name a metric name or dotted result path
     * @return the points in grid order, immutable
     */
    public List<PointSummary> summarize(String name) {
        Map<Integer, List<SweepRecord>> byPoint = byPoint();
        List<PointSummary> summaries = new ArrayList<>();
        for (Map.Entry<Integer, List<SweepRecord>> entry : byPoint.entrySet()) {
            double[] values = entry.getValue().stream().filter(SweepRecord::finished)
                    .map(record -> record.value(name)).filter(OptionalDouble::isPresent)
                    .mapToDouble(OptionalDouble::getAsDouble).filter(Double::isFinite).toArray();
            if (values.length > 0) {
                summaries.add(PointSummary.of(entry.getKey(), entry.getValue().get(0).parameters(), values));
            }
        }
        return List.copyOf(summaries);
    }

    /**
     * The runs grouped by point, in grid order.
     *
     * @return point index to its runs (sorted by trial), unmodifiable
     */
    public Map<Integer, List<SweepRecord>> byPoint() {
        Map<Integer, List<SweepRecord>> byPoint = new TreeMap<>();
        for (SweepRecord record : records) {
            byPoint.computeIfAbsent(record.point(), key -> new ArrayList<>()).add(record);
        }
        byPoint.replaceAll((key, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(byPoint);
    }

    /**
     * The runs as a table: {@link #LEADING_COLUMNS}, parameters, metrics, {@link #TRAILING_COLUMNS}, as in
     * {@value #CSV_FILE}.
     *
     * @return the table
     */
    public ResultTable table() {
        List<String> columns = new ArrayList<>(LEADING_COLUMNS);
        columns.addAll(parameters);
        columns.addAll(metrics);
        columns.addAll(TRAILING_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (SweepRecord record : records) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(record.point()));
            row.add(Integer.toString(record.trial()));
            row.add(Long.toString(record.seed()));
            row.add(record.status());
            for (String parameter : parameters) {
                row.add(text(record.parameters().get(parameter)));
            }
            for (String metric : metrics) {
                Double value = record.metrics().get(metric);
                row.add(value == null ? "" : Double.toString(value));
            }
            row.add(record.wallSeconds() == null ? "" : Double.toString(record.wallSeconds()));
            row.add(record.error() == null ? "" : record.error());
            rows.add(row);
        }
        return new ResultTable(columns, rows);
    }

    /**
     * A parameter value as text: strings without quotes, everything else as JSON.
     *
     * @param value a value, or null
     * @return the text ({@code ""} for null)
     */
    public static String text(JsonNode value) {
        if (value == null) {
            return "";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    @Override
    public String toString() {
        return "SweepResults[" + source + ", " + records.size() + " run(s), parameters " + parameters + "]";
    }
}
