package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class GlobalImportanceRenderingTest {

    // Two rows, two players: |phi| of "a<b" is 0.1 and 0.3 (mean 0.2, mean signed 0.2); of "c" 0.4
    // and 0.2 (mean 0.3, mean signed -0.3). "c" ranks first.
    private static final GlobalImportance IMPORTANCE = GlobalImportance.of(
            new double[][] {{0.1, -0.4}, {0.3, -0.2}}, new String[] {"a<b", "c"}, 200, 0.9, 5L);

    private static String ci(int j) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", IMPORTANCE.ciLower()[j], IMPORTANCE.ciUpper()[j]);
    }

    @Test
    void plainTextRanksPlayersByMeanAbsoluteValueWithIntervalAndSign() {
        assertThat(IMPORTANCE.toString().lines().toList()).containsExactly(
                "GlobalImportance: 2 rows, mean |SHAP| with 90% bootstrap interval (200 resamples, seed 5)",
                "  c    0.3000 " + ci(1) + "  mean -0.3000",
                "  a<b  0.2000 " + ci(0) + "  mean +0.2000");
    }

    @Test
    void htmlIsOneTableInRankOrderWithEscapedNames() {
        String html = IMPORTANCE.toHtml();
        assertThat(html).startsWith("<table>").endsWith("</table>").contains("<th>90% interval</th>")
                .contains("<td style=\"text-align:left\">a&lt;b</td><td>0.2000</td><td>" + ci(0) + "</td><td>+0.2000</td>")
                .doesNotContain("a<b");
        assertThat(html.indexOf(">c</td>")).isLessThan(html.indexOf("a&lt;b"));
    }
}
