package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, minor: the deploy guide's parameter table and the template agree. Every parameter of the template is in
 * the table, nothing else is, and each default the table gives is the template's (alarm thresholds included), read
 * as its leading number or word: "20000 ms" is 20000, "100 GiB" is 100 × 2^30 bytes; "–", "none", "off" and
 * "stack region" stand for an empty or absent default.
 */
class ParameterTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\| ([^|]+) \\|", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9]+)`");
    private static final Pattern VALUE = Pattern.compile("^`?([A-Za-z0-9._\\-]+)`?(?: (GiB|%|ms|rps|records|per 5 min))?");

    private final CfnTemplate template = CfnTemplate.load();

    @Test
    void theTableListsExactlyTheTemplatesParameters() throws IOException {
        var parameters = new ArrayList<String>();
        template.root().path("Parameters").fieldNames().forEachRemaining(parameters::add);

        assertThat(table().keySet()).containsExactlyInAnyOrderElementsOf(parameters);
    }

    @Test
    void everyDefaultInTheTableIsTheTemplates() throws IOException {
        table().forEach((name, documented) -> {
            JsonNode fallback = template.root().at("/Parameters/" + name + "/Default");
            String actual = fallback.isMissingNode() ? "" : fallback.asText();
            assertThat(acceptable(documented)).as("default of %s (table: %s)", name, documented).contains(actual);
        });
    }

    /** The table's default as the template may write it: "100 GiB" is 100 (a volume size) or 100 × 2^30 (bytes). */
    private static List<String> acceptable(String documented) {
        String text = documented.replaceAll(" \\(.*\\)$", "").trim();
        if (List.of("–", "none", "off", "stack region", "").contains(text)) {
            return List.of("");
        }
        Matcher value = VALUE.matcher(text);
        assertThat(value.find()).as("a default: %s", documented).isTrue();
        return "GiB".equals(value.group(2))
                ? List.of(value.group(1), String.valueOf(Long.parseLong(value.group(1)) << 30))
                : List.of(value.group(1));
    }

    /** Parameter name → its default as the table writes it; a row naming several splits its defaults by ", ". */
    private static Map<String, String> table() throws IOException {
        String guide = Files.readString(Path.of("docs/deploy.md"));
        String section = guide.substring(guide.indexOf("### Parameters"), guide.indexOf("### Outputs"));
        var table = new LinkedHashMap<String, String>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            var names = new ArrayList<String>();
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            String defaults = row.group(2).trim();
            String[] each = names.size() > 1 ? defaults.split(", ") : new String[] {defaults};
            for (int i = 0; i < names.size(); i++) {
                table.put(names.get(i), each.length == names.size() ? each[i] : defaults);
            }
        }
        return table;
    }
}
