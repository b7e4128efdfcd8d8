package org.xbarlab.calibration.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.xbarlab.calibration.CalibrationDataException;

/**
 * A strict reader of the calibration CSV files: UTF-8, comma-separated, no quoting (RFC 4180 without quotes), a
 * header naming the columns, {@code \n} or {@code \r\n} line ends, blank lines ignored. Columns are looked up by name;
 * unknown columns are ignored; a missing required column, a row with fewer or more fields than the header, an empty
 * field, a quote, or a number that is not a plain decimal fails with a {@link CalibrationDataException} naming the
 * row and column. Numbers are decimals with {@code .} and an optional exponent; {@code NaN}, {@code Infinity}, hex
 * and Java's {@code d}/{@code f} suffixes are rejected.
 */
final class CsvReader {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    private CsvReader() {
    }

    /** One data row: its number and its fields, read on demand by column name. */
    static final class Row {
        private final String source;
        private final Map<String, Integer> columns;
        private String[] fields;
        private int row;

        private Row(String source, Map<String, Integer> columns) {
            this.source = source;
            this.columns = columns;
        }

        /**
         * @return the 1-based data row (the line after the header is row 1; the file line is row + 1)
         */
        int row() {
            return row;
        }

        /**
         * @param column a column name
         * @return whether the header has this column (for optional columns)
         */
        boolean has(String column) {
            return columns.containsKey(column);
        }

        /**
         * The trimmed text of a field.
         *
         * @param column a column of the header
         * @return the text, not empty
         */
        String text(String column) {
            String value = fields[columns.get(column)];
            if (value.isEmpty()) {
                throw error(column, "the field is empty");
            }
            return value;
        }

        /**
         * A whole number in [min, max].
         *
         * @param column a column of the header
         * @param min smallest allowed value
         * @param max largest allowed value
         * @return the value
         */
        int integer(String column, int min, int max) {
            String value = text(column);
            if (!INTEGER.matcher(value).matches()) {
                throw error(column, "not a whole number: '" + value + "'");
            }
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw error(column, "must be in [" + min + ", " + max + "], got " + parsed);
            }
            return (int) parsed;
        }

        /**
         * A finite decimal number.
         *
         * @param column a column of the header
         * @return the value
         */
        double decimal(String column) {
            String value = text(column);
            if (!DECIMAL.matcher(value).matches()) {
                throw error(column, "not a finite decimal number: '" + value + "'");
            }
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw error(column, "not a finite decimal number: '" + value + "' (out of range)");
            }
            return parsed;
        }

        /**
         * An error about a field of this row.
         *
         * @param column the column
         * @param problem what is wrong
         * @return the exception, to throw
         */
        CalibrationDataException error(String column, String problem) {
            return new CalibrationDataException(source, row, column, problem);
        }
    }

    /**
     * A file format of this reader: its required columns, and how its rows become a data object (the shared body of
     * the data classes' {@code read} and {@code parse}).
     *
     * @param required the required columns, in the order documented for the format
     * @param accumulator makes an empty accumulator of the rows
     * @param add validates a row and adds it to the accumulator
     * @param build makes the data of the source name and the filled accumulator
     * @param <A> the accumulator's type
     * @param <T> the data's type
     */
    record Format<A, T>(List<String> required, Supplier<A> accumulator, BiConsumer<A, Row> add,
                        BiFunction<String, A, T> build) {

        /**
         * Reads a file.
         *
         * @param file the file, not null; messages name it as given
         * @return the data
         * @throws UncheckedIOException if the file cannot be read
         * @throws CalibrationDataException if the header or a row is malformed
         */
        T read(Path file) {
            Objects.requireNonNull(file, "file must not be null");
            String source = file.toString();
            A rows = accumulator.get();
            CsvReader.read(file, source, required, row -> add.accept(rows, row));
            return build.apply(source, rows);
        }

        /**
         * Parses text that did not come from a file.
         *
         * @param text the CSV text, not null
         * @param source the name used in messages, not null
         * @return the data
         * @throws CalibrationDataException if the header or a row is malformed
         */
        T parse(String text, String source) {
            Objects.requireNonNull(text, "text must not be null");
            Objects.requireNonNull(source, "source must not be null");
            A rows = accumulator.get();
            CsvReader.parse(text, source, required, row -> add.accept(rows, row));
            return build.apply(source, rows);
        }
    }

    /**
     * Reads a file.
     *
     * @param file the file, not null
     * @param source the name used in messages (normally the path as the user gave it)
     * @param required the required columns, in the order documented for the format
     * @param consumer receives every data row in file order; the row object is reused
     * @throws UncheckedIOException if the file cannot be read
     * @throws CalibrationDataException if the header or a row is malformed
     */
    static void read(Path file, String source, List<String> required, Consumer<Row> consumer) {
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder()))) {
            read(reader, source, required, consumer);
        } catch (CharacterCodingException e) {
            throw new CalibrationDataException(source, "not a UTF-8 text file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + describe(e), e);
        }
    }

    /**
     * Reads text that did not come from a file.
     *
     * @param text the CSV text, not null
     * @param source the name used in messages
     * @param required the required columns
     * @param consumer receives every data row
     */
    static void parse(String text, String source, List<String> required, Consumer<Row> consumer) {
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            read(reader, source, required, consumer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void read(BufferedReader reader, String source, List<String> required, Consumer<Row> consumer)
            throws IOException {
        String header = reader.readLine();
        if (header == null || header.isBlank()) {
            throw new CalibrationDataException(source, "the file is empty; expected the header "
                    + String.join(",", required));
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        String[] names = split(header);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].contains("\"")) {
                throw new CalibrationDataException(source, "line 1 (the header): quoted fields are not supported");
            }
            if (columns.put(names[i], i) != null) {
                throw new CalibrationDataException(source, "line 1 (the header): column '" + names[i]
                        + "' appears twice");
            }
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw new CalibrationDataException(source, "line 1 (the header): missing column '" + name
                        + "'; the header must contain " + String.join(",", required) + " (got: " + header + ")");
            }
        }
        Row row = new Row(source, columns);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            row.row = number;
            String[] fields = split(line);
            if (fields.length != names.length) {
                throw new CalibrationDataException(source, number, null, "expected " + names.length
                        + " fields as in the header, got " + fields.length);
            }
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].indexOf('"') >= 0) {
                    throw new CalibrationDataException(source, number, names[i],
                            "quoted fields are not supported");
                }
            }
            row.fields = fields;
            consumer.accept(row);
        }
    }

    /** Splits on commas, keeping empty fields (also a trailing one), and trims each field. */
    private static String[] split(String line) {
        int count = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                count++;
            }
        }
        String[] fields = new String[count];
        int start = 0;
        int k = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ',') {
                fields[k++] = line.substring(start, i).trim();
                start = i + 1;
            }
        }
        return fields;
    }
}
