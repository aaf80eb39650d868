package dev.flowline.engine.definition;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/compatibility.md's table of actions says of every catalogued type what the catalogue says. */
class ActionTypeDocsTest {

    private static final Path COMPATIBILITY = Path.of("../../docs/compatibility.md");
    private static final Pattern ROW = Pattern.compile("^\\| (`0-[^|]+) \\|.*\\| (Runs|Skipped)[^|]*\\|$");
    private static final Pattern ID = Pattern.compile("`(0-\\d+)`");

    @Test
    void everyCatalogueEntryIsDocumentedAsRunOrSkippedAsItIs() throws IOException {
        Map<String, Boolean> documented = new HashMap<>();
        for (String line : Files.readAllLines(COMPATIBILITY)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                Matcher id = ID.matcher(row.group(1));
                while (id.find()) {
                    documented.put(id.group(1), row.group(2).equals("Runs"));
                }
            }
        }

        assertThat(ActionType.values()).allSatisfy(type -> assertThat(documented.get(type.id()))
                .as("docs/compatibility.md on %s (%s)", type.id(), type.description())
                .isEqualTo(type.performed()));
    }
}
