package org.xbarlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.reports.results.CsvFormat;
import org.xbarlab.reports.results.SweepResults;

/**
 * The results of a sweep as they are produced: {@code results.jsonl} (one JSON object per finished run, the file
 * of record) and {@code results.csv} (the same runs as a wide table: one row per run, one column per swept
 * parameter and per metric).
 *
 * <p><b>Atomic lines.</b> Each line is written with one write of its complete bytes (newline included) to a file
 * opened for appending, then forced to disk, under a lock, so lines never interleave. A process killed in the middle
 * of a write can leave at most a final line without its newline; {@link #open} with {@code resume} truncates it (the
 * run it belonged to is run again). The CSV is rebuilt from the JSON lines on resume, so it never disagrees with them.
 *
 * <p><b>Once per run.</b> A line whose run key is already in the file (recorded before this session or appended
 * in it) is not written again, so an engine that delivers a result twice (a retried or speculative task) cannot
 * duplicate a run.
 *
 * <p>Thread-safe: {@link #append} may be called from several worker threads.
 */
final class SweepJournal implements AutoCloseable {

    /** The file of record. */
    static final String JSON_LINES = SweepResults.JSON_LINES_FILE;
    /** The table. */
    static final String CSV = SweepResults.CSV_FILE;

    private static final ObjectMapper COMPACT = ConfigMapper.jsonMapper();

    /** Numbers compared by value, everything else by equality (for {@link JsonNode#equals(Comparator, JsonNode)}). */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    private final Path jsonLines;
    private final Path csv;
    private final List<String> parameters;
    private final List<String> metrics;
    private final Map<String, JsonNode> recorded;
    private final long truncatedBytes;
    private final int droppedFailures;
    /** Keys in the file: recorded before this session and appended in it. */
    private final Set<String> keys;
    private FileChannel jsonChannel;
    private FileChannel csvChannel;

    private SweepJournal(Path directory, List<String> parameters, List<String> metrics,
                         Map<String, JsonNode> recorded, long truncatedBytes, int droppedFailures) throws IOException {
        this.jsonLines = directory.resolve(JSON_LINES);
        this.csv = directory.resolve(CSV);
        this.parameters = List.copyOf(parameters);
        this.metrics = List.copyOf(metrics);
        this.recorded = recorded;
        this.truncatedBytes = truncatedBytes;
        this.droppedFailures = droppedFailures;
        this.keys = new HashSet<>(recorded.keySet());
        this.jsonChannel = FileChannel.open(jsonLines, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        this.csvChannel = FileChannel.open(csv, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /**
     * Opens the results of a sweep in {@code directory}.
     *
     * @param directory the sweep's output directory (created if missing)
     * @param grid the sweep's grid: every recorded line must belong to it
     * @param resume whether to continue recorded results; without it, existing results are an error
     * @param retryFailed with {@code resume}, drop the lines of failed runs so that they run again
     * @return the journal
     * @throws IllegalArgumentException if results exist and {@code resume} is false
     * @throws UncheckedIOException if a file cannot be read or written, or a complete line is not a run of the grid
     */
    static SweepJournal open(Path directory, SweepGrid grid, boolean resume, boolean retryFailed) {
        Path jsonLines = directory.resolve(JSON_LINES);
        try {
            Files.createDirectories(directory);
            Map<String, JsonNode> recorded = new LinkedHashMap<>();
            long truncated = 0;
            int dropped = 0;
            boolean exists = Files.exists(jsonLines) && Files.size(jsonLines) > 0;
            if (exists && !resume) {
                throw new IllegalArgumentException(directory + " already holds sweep results (" + JSON_LINES
                        + "); pass --resume to continue them, or choose another --out");
            }
            if (exists) {
                truncated = truncatePartialLine(jsonLines);
                List<String> lines = Files.readAllLines(jsonLines, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    JsonNode line = parseLine(lines.get(i), jsonLines, i + 1);
                    String key = checkedKey(line, grid, jsonLines, i + 1);
                    if (recorded.put(key, line) != null) {
                        throw new UncheckedIOException(new IOException(jsonLines + " line " + (i + 1)
                                + " records run " + key + " a second time"));
                    }
                }
                if (retryFailed) {
                    List<String> kept = new ArrayList<>();
                    for (var iterator = recorded.entrySet().iterator(); iterator.hasNext(); ) {
                        JsonNode line = iterator.next().getValue();
                        if ("failed".equals(line.path("status").asText())) {
                            iterator.remove();
                            dropped++;
                        } else {
                            kept.add(COMPACT.writeValueAsString(line) + "\n");
                        }
                    }
                    if (dropped > 0) {
                        AtomicFiles.writeString(jsonLines, String.join("", kept));
                    }
                }
            }
            List<String> metrics = grid.config().metrics();
            List<String> parameters = grid.config().parameterPaths();
            StringBuilder table = new StringBuilder(header(parameters, metrics));
            for (JsonNode line : recorded.values()) {
                table.append(csvRow(line, parameters, metrics));
            }
            AtomicFiles.writeString(directory.resolve(CSV), table.toString());
            return new SweepJournal(directory, parameters, metrics, recorded, truncated, dropped);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the results in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The keys ({@link SweepGrid.Run#key()}) of the runs recorded before this session, immutable. */
    Set<String> recordedKeys() {
        return Collections.unmodifiableSet(recorded.keySet());
    }

    /** Lines recorded before this session, by key, immutable. */
    Map<String, JsonNode> recordedLines() {
        return Collections.unmodifiableMap(recorded);
    }

    /** Bytes of a partial last line removed on opening (0 when the file ended with a complete line). */
    long truncatedBytes() {
        return truncatedBytes;
    }

    /** Lines of failed runs dropped by {@code retryFailed}. */
    int droppedFailures() {
        return droppedFailures;
    }

    /**
     * Tells whether a run is in the file: recorded before this session or appended in it.
     *
     * @param key a run key
     * @return true if a line of that run is in the file
     */
    synchronized boolean isRecorded(String key) {
        return keys.contains(key);
    }

    /**
     * Appends one finished run to both files, unless a line of the same run key is already in the file.
     *
     * @param line the run's JSON object (see {@link SweepRunner}); not modified
     * @return true if the line was written, false if its run was already recorded (nothing written)
     * @throws UncheckedIOException if the files cannot be written
     */
    synchronized boolean append(JsonNode line) {
        if (jsonChannel == null) {
            throw new IllegalStateException("the journal is closed");
        }
        String key = line.path("key").asText();
        if (keys.contains(key)) {
            return false;
        }
        try {
            writeFully(jsonChannel, (COMPACT.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
            jsonChannel.force(false);
            keys.add(key);
            writeFully(csvChannel, csvRow(line, parameters, metrics).getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + jsonLines + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (jsonChannel != null) {
                jsonChannel.close();
            }
            if (csvChannel != null) {
                csvChannel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + jsonLines + ": " + e.getMessage(), e);
        } finally {
            jsonChannel = null;
            csvChannel = null;
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Removes a final line without a newline (an interrupted write); returns the bytes removed. */
    static long truncatePartialLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size) {
                channel.truncate(end);
                channel.force(true);
            }
            return size - end;
        }
    }

    private static JsonNode parseLine(String text, Path file, int number) {
        try {
            JsonNode line = COMPACT.readTree(text);
            if (line == null || !line.isObject()) {
                throw new IOException("not a JSON object");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + " line " + number + " is not a sweep result ("
                    + e.getMessage().lines().findFirst().orElse("") + "); the file was changed by hand?", e));
        }
    }

    private static String checkedKey(JsonNode line, SweepGrid grid, Path file, int number) {
        JsonNode point = line.get("point");
        JsonNode trial = line.get("trial");
        if (point == null || !point.canConvertToInt() || trial == null || !trial.canConvertToInt()
                || point.intValue() < 0 || point.intValue() >= grid.points().size() || trial.intValue() < 0
                || trial.intValue() >= grid.config().trials()) {
            throw new UncheckedIOException(new IOException(file + " line " + number + " is not a run of this "
                    + "sweep (point " + point + ", trial " + trial + ")"));
        }
        SweepGrid.Run run = grid.run(point.intValue(), trial.intValue());
        if (!sameValues(run.point().values(), line.path("parameters"))) {
            throw new UncheckedIOException(new IOException(file + " line " + number + " records parameters "
                    + line.path("parameters") + " for point " + point + ", but the sweep has "
                    + run.point().values()));
        }
        return run.key();
    }

    /** Whether recorded parameters are the point's, numbers compared by value (4 equals 4.0). */
    static boolean sameValues(Map<String, JsonNode> values, JsonNode recorded) {
        if (!recorded.isObject() || recorded.size() != values.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
            JsonNode other = recorded.get(entry.getKey());
            if (other == null || !entry.getValue().equals(NUMBERS_BY_VALUE, other)) {
                return false;
            }
        }
        return true;
    }

    static String header(List<String> parameters, List<String> metrics) {
        List<String> columns = new ArrayList<>(SweepResults.LEADING_COLUMNS);
        columns.addAll(parameters);
        columns.addAll(metrics);
        columns.addAll(SweepResults.TRAILING_COLUMNS);
        return CsvFormat.line(columns);
    }

    static String csvRow(JsonNode line, List<String> parameters, List<String> metrics) throws JsonProcessingException {
        List<String> fields = new ArrayList<>();
        fields.add(line.path("point").asText());
        fields.add(line.path("trial").asText());
        fields.add(line.path("seed").asText());
        fields.add(line.path("status").asText());
        for (String parameter : parameters) {
            JsonNode value = line.path("parameters").path(parameter);
            fields.add(value.isTextual() ? value.asText() : COMPACT.writeValueAsString(value));
        }
        for (String metric : metrics) {
            fields.add(scalar(line.path("metrics").path(metric)));
        }
        fields.add(scalar(line.path("wallSeconds")));
        fields.add(line.path("error").isTextual() ? line.path("error").asText() : "");
        return CsvFormat.line(fields);
    }

    private static String scalar(JsonNode value) {
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.asText() : Double.toString(value.doubleValue());
        }
        return value.isTextual() ? value.asText() : "";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SweepJournal[%s, %d recorded]", jsonLines, recorded.size());
    }
}
