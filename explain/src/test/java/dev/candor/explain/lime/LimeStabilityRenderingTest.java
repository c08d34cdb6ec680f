package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LimeStabilityRenderingTest {

    // Three features with known summaries: the tables must list them by decreasing |mean weight|
    // (housing, age, x), rounded to four decimals, with the top-k share as a percentage.
    private static final LimeStability STABILITY = new LimeStability(4, 2, List.of(
            new LimeStability.FeatureStability(0, "age <= 25", 0.1, 0.01, 1.0, false),
            new LimeStability.FeatureStability(1, "housing=own", -0.3, 0.02, 1.0, false),
            new LimeStability.FeatureStability(2, "x < 3 & y", 0.05, 0.03, 0.5, true)),
            0.75, 0.5, 0.05, List.of());

    @Test
    void plainTextHasTheHeadlineAndOneAlignedLinePerFeatureByMagnitude() {
        assertThat(STABILITY.toString().lines().toList()).containsExactly(
                "LimeStability: 4 runs, top 2: mean top-2 Jaccard 0.7500, surrogate R\u00b2 0.5000 \u00b1 0.0500",
                "  housing=own  -0.3000 \u00b1 0.0200  top 2 100%",
                "  age <= 25    +0.1000 \u00b1 0.0100  top 2 100%",
                "  x < 3 & y    +0.0500 \u00b1 0.0300  top 2  50%  near tie");
    }

    @Test
    void htmlIsOneTableWithEscapedConditionsInTheSameOrder() {
        String html = STABILITY.toHtml();
        assertThat(html).startsWith("<table>").endsWith("</table>")
                .contains("<th>in top 2</th>")
                .contains("<td style=\"text-align:left\">x &lt; 3 &amp; y</td><td>+0.0500</td><td>0.0300</td>"
                        + "<td>50%</td><td>yes</td>")
                .doesNotContain("x < 3");
        assertThat(html.indexOf("housing=own")).isLessThan(html.indexOf("age &lt;= 25"));
        assertThat(html.indexOf("age &lt;= 25")).isLessThan(html.indexOf("x &lt; 3"));
    }
}
