package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that the numbers a report page shows are numbers of its JSON. */
public final class HtmlJsonCheck {

    private HtmlJsonCheck() {
    }

    private static final Pattern NUM_CELL = Pattern.compile(
            "<td class=\"num\">\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*</td>|<div class=\"v\">(-?[0-9]+(?:\\.[0-9]+)?)</div>");

    /** The numbers shown in the page's tables and summary cards, as printed. */
    public static List<String> shownNumbers(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = NUM_CELL.matcher(html);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /** Every number of the JSON document, rounded to 0..4 decimals as the page would print it. */
    public static Set<String> jsonNumbersAsPrinted(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        Set<String> out = new HashSet<>();
        List<JsonNode> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            if (n.isNumber()) {
                // The page rounds the binary double (DecimalFormat, half-even on its exact value); the
                // JSON holds its shortest decimal form. Either rounding may be the one printed.
                for (BigDecimal v : new BigDecimal[] {n.decimalValue(), new BigDecimal(n.doubleValue())}) {
                    for (int d = 0; d <= 4; d++) {
                        out.add(v.setScale(d, RoundingMode.HALF_EVEN).toPlainString());
                        out.add(v.setScale(d, RoundingMode.HALF_UP).toPlainString());
                    }
                }
            }
            n.elements().forEachRemaining(stack::add);
        }
        return out;
    }

    /**
     * Checks that every number a page shows in a table or card is a number of the JSON, rounded;
     * returns how many were checked.
     */
    public static int assertHtmlNumbersAreJsonNumbers(String html, String json) throws Exception {
        Set<String> printed = jsonNumbersAsPrinted(json);
        List<String> shown = shownNumbers(html);
        for (String s : shown) {
            String normal = s.equals("-0.0000") || s.equals("-0.000") ? s.substring(1) : s;
            assertThat(printed).as("number %s shown in the page is in the JSON", s).contains(normal);
        }
        return shown.size();
    }

}
