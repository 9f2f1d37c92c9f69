package io.auditgate.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One line of a cdk-nag CSV report: "Rule ID","Resource ID","Compliance","Exception Reason","Rule Level","Rule Info". */
record NagReportRow(String ruleId, String resourceId, String compliance, String exceptionReason) {

    static List<NagReportRow> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<NagReportRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = cells(line);
            rows.add(new NagReportRow(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
