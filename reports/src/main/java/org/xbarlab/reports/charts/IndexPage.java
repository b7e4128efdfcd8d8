package org.xbarlab.reports.charts;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.xbarlab.reports.results.ResultTable;
import org.xbarlab.reports.results.SweepRecord;
import org.xbarlab.reports.results.SweepResults;

/**
 * The {@code index.html} of a report: a self-contained page (no scripts, no external resources) with a summary of
 * the runs, then every figure (its PNG, links to the other formats and the data CSV, the caption and the data table),
 * then the table of runs. All text from results is HTML-escaped. No time stamp, so the same results give the same
 * page.
 */
final class IndexPage {

    /** Rows of a data table shown inline; the CSV has them all. */
    static final int MAX_TABLE_ROWS = 200;

    private IndexPage() {
    }

    static String html(SweepResults results, List<SweepReport.Entry> entries, String runsFile) {
        String name = results.sweep() != null ? results.sweep().path("name").asText("sweep") : "results";
        long failed = results.records().stream().filter(record -> !record.finished()).count();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>xbarlab report: ").append(escape(name)).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("figure{margin:2em 0;border-top:1px solid #ccc;padding-top:1em}\n")
                .append("img{max-width:100%;width:36em;height:auto}\n")
                .append("table{border-collapse:collapse;font-size:0.8em;margin:0.5em 0}\n")
                .append("td,th{border:1px solid #ddd;padding:0.15em 0.5em;text-align:right}\n")
                .append("th{background:#f3f3f3}\n")
                .append("details{margin:0.5em 0}\n.note{color:#666}\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>xbarlab report: ").append(escape(name)).append("</h1>\n");
        html.append("<p>Source: <code>").append(escape(results.source().toString())).append("</code>. ")
                .append(String.format(Locale.ROOT, "%d run(s) at %d point(s)", results.records().size(),
                        results.byPoint().size()))
                .append(failed > 0 ? String.format(Locale.ROOT, ", <strong>%d failed</strong>", failed) : "")
                .append(results.parameters().isEmpty() ? "" : "; swept: <code>" + String.join("</code>, <code>",
                        results.parameters().stream().map(IndexPage::escape).toList()) + "</code>")
                .append(". All runs: <a href=\"").append(escape(runsFile)).append("\">").append(escape(runsFile))
                .append("</a>.</p>\n");
        if (results.ignoredPartialLines() > 0) {
            html.append("<p class=\"note\">A partial last line of the results (a write cut short) was ignored; "
                    + "<code>xbarlab sweep --resume</code> runs that run again.</p>\n");
        }
        if (entries.isEmpty()) {
            html.append("<p>No figure: the results have no finished run with numbers to draw.</p>\n");
        }
        html.append("<ul>\n");
        for (SweepReport.Entry entry : entries) {
            html.append("<li><a href=\"#").append(entry.figure().name()).append("\">")
                    .append(escape(entry.figure().title())).append("</a></li>\n");
        }
        html.append("</ul>\n");
        for (SweepReport.Entry entry : entries) {
            Figure figure = entry.figure();
            html.append("<figure id=\"").append(figure.name()).append("\">\n<h2>").append(escape(figure.title()))
                    .append("</h2>\n");
            Path png = entry.files().stream().filter(file -> file.toString().endsWith(".png")).findFirst()
                    .orElse(null);
            if (png != null) {
                html.append("<img src=\"").append(escape(png.getFileName().toString())).append("\" alt=\"")
                        .append(escape(figure.title())).append("\">\n");
            }
            html.append("<figcaption>").append(escape(figure.caption())).append(" Files:");
            for (Path file : entry.files()) {
                String fileName = file.getFileName().toString();
                html.append(" <a href=\"").append(escape(fileName)).append("\">")
                        .append(escape(fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT)))
                        .append("</a>");
            }
            String data = entry.dataFile().getFileName().toString();
            html.append(", data <a href=\"").append(escape(data)).append("\">CSV</a>.</figcaption>\n");
            html.append("<details open><summary>Data</summary>\n");
            table(html, figure.data());
            html.append("</details>\n</figure>\n");
        }
        html.append("<h2>Runs</h2>\n");
        table(html, results.table());
        if (failed > 0) {
            html.append("<h3>Failures</h3>\n<ul>\n");
            for (SweepRecord record : results.records()) {
                if (!record.finished()) {
                    html.append(String.format(Locale.ROOT, "<li>point %d, trial %d: ", record.point(), record.trial()))
                            .append(escape(record.error() == null ? "(no message)" : record.error())).append("</li>\n");
                }
            }
            html.append("</ul>\n");
        }
        html.append("<p class=\"note\">Drawn by xbarlab from the results files alone; "
                + "<code>xbarlab report</code> redraws it.</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, ResultTable table) {
        html.append("<table>\n<tr>");
        for (String column : table.columns()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr>\n");
        int shown = Math.min(table.rows().size(), MAX_TABLE_ROWS);
        for (int r = 0; r < shown; r++) {
            html.append("<tr>");
            for (String cell : table.rows().get(r)) {
                html.append("<td>").append(escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        if (shown < table.rows().size()) {
            html.append(String.format(Locale.ROOT, "<p class=\"note\">First %d of %d rows; the CSV has them all.</p>\n",
                    shown, table.rows().size()));
        }
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
