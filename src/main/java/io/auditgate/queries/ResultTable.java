package io.auditgate.queries;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A query's result, printed as an aligned text table or as CSV (RFC 4180). Cells are record text, so control
 * characters are shown as U+FFFD (no terminal escape sequences), and a CSV cell that a spreadsheet would read as a
 * formula ({@code = + - @} first) gets a leading {@code '}. {@code null} prints as an empty cell.
 */
record ResultTable(List<String> columns, List<List<String>> rows) {

    ResultTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
        var width = columns.size();
        if (rows.stream().anyMatch(r -> r.size() != width)) {
            throw new IllegalArgumentException("every row has one cell per column");
        }
    }

    void printTable(PrintStream out) {
        var widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (var row : rows) {
                widths[i] = Math.max(widths[i], shown(row.get(i)).length());
            }
        }
        out.println(line(columns, widths));
        out.println(Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("-|-")));
        rows.forEach(row -> out.println(line(row, widths)));
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    void printCsv(PrintStream out) {
        out.print(csvLine(columns));
        rows.forEach(row -> out.print(csvLine(row)));
    }

    private static String line(List<String> cells, int[] widths) {
        var text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            var cell = shown(cells.get(i));
            text.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
        }
        return text.toString().stripTrailing();
    }

    private static String csvLine(List<String> cells) {
        return cells.stream().map(ResultTable::csvCell).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String csvCell(String value) {
        var cell = shown(value);
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !isNumber(cell)) {
            cell = "'" + cell;
        }
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static boolean isNumber(String cell) {
        return cell.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");
    }

    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        var text = new StringBuilder(value.length());
        value.codePoints().forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return text.toString();
    }
}
