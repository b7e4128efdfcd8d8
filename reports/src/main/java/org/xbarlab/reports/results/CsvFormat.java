package org.xbarlab.reports.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CSV dialect of xbarlab's result tables: RFC 4180 (comma separated; a field with a comma, a double quote or a
 * line break is enclosed in double quotes, and a double quote inside it is doubled), UTF-8, {@code \n} line ends
 * (a {@code \r\n} is accepted on reading). Stateless and thread-safe.
 */
public final class CsvFormat {

    private CsvFormat() {
    }

    /**
     * One field, quoted when needed.
     *
     * @param text the field's text, not null
     * @return the field as written
     */
    public static String field(String text) {
        Objects.requireNonNull(text, "text");
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * One line of fields, with its line end.
     *
     * @param fields the fields, not null
     * @return the line
     */
    public static String line(List<String> fields) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            text.append(i > 0 ? "," : "").append(field(fields.get(i)));
        }
        return text.append('\n').toString();
    }

    /**
     * Parses CSV text into records of fields. A final line without a line end counts; an empty text has no records.
     *
     * @param text the text, not null
     * @return the records, in order
     * @throws IllegalArgumentException if a quoted field is not closed; the message gives the record number
     */
    public static List<List<String>> parse(String text) {
        Objects.requireNonNull(text, "text");
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                records.add(List.copyOf(fields));
                fields.clear();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("CSV record " + (records.size() + 1) + " has an unclosed quote");
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(List.copyOf(fields));
        }
        return records;
    }
}
