package dev.candor.fairness.audit;

import dev.candor.fairness.Bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTablesTest {

    // Group "a" (privileged), rows 0-3: y 1,0,1,1 and ŷ 1,1,0,1 -> tp 2, fp 1, tn 0, fn 1:
    //   selection 3/4, base rate 3/4, TPR 2/3, FPR 1/1, accuracy 2/4.
    // Group "x<y", rows 4-5: y 0,0 and ŷ 1,0 -> tp 0, fp 1, tn 1, fn 0:
    //   selection 1/2, base rate 0, TPR undefined (no positives), FPR 1/2, accuracy 1/2.
    // Statistical parity difference 1/2 - 3/4 = -0.25, disparate impact (1/2)/(3/4) = 0.6667.
    // Wilson 95% intervals (z = 1.959963984540054), from the closed form
    //   (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), evaluated in Python:
    //   p = 3/4, n = 4 -> [0.30064184258240184, 0.9544127391902995]
    //   p = 1/2, n = 2 -> [0.09453120573423074, 0.9054687942657693]
    private static final int[] Y = {1, 0, 1, 1, 0, 0};
    private static final int[] P = {1, 1, 0, 1, 1, 0};
    private static final String[] G = {"a", "a", "a", "a", "x<y", "x<y"};

    private final AuditResult audit = Audit.builder(Y, P).attribute("g", G, "a").build().run();

    @Test
    void plainTextListsEveryGroupWithRoundedRatesWilsonIntervalsAndUndefinedReasons() {
        List<String> lines = audit.toString().lines().map(String::strip).toList();
        assertThat(lines.get(0)).isEqualTo("AuditResult: 6 rows");
        assertThat(lines).contains("g (privileged: a)", "g: comparisons");
        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s{2,}")).containsExactly(
                "a *", "4", "0.7500 [0.3006, 0.9544]", "0.7500", "0.6667", "1.0000", "0.5000"));
        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s{2,}")).containsExactly(
                "x<y", "2", "0.5000 [0.0945, 0.9055]", "0.0000", "— (no_positives)", "0.5000", "0.5000"));
        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s{2,}")).containsExactly(
                "statistical_parity_difference", "-0.2500", "x<y", "a"));
        assertThat(lines).anySatisfy(l -> assertThat(l.split("\\s{2,}")).containsExactly(
                "disparate_impact", "0.6667", "x<y", "a"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("equal_opportunity_difference")
                .contains("— (no_positives)"));
    }

    @Test
    void htmlHasOneTableOfGroupsAndOneOfComparisonsPerAttributeWithEscapedNames() {
        String html = audit.toHtml();
        assertThat(html.split("<table>", -1)).hasSize(3);
        assertThat(html).contains("<caption style=\"text-align:left\"><b>g (privileged: a)</b></caption>")
                .contains("<td style=\"text-align:left\">x&lt;y</td><td>2</td><td>0.5000 [0.0945, 0.9055]</td>")
                .contains("<td>— (no_positives)</td>")
                .doesNotContain("x<y");
    }

    @Test
    void bootstrapIntervalsAppearAsAColumnWhenRequested() {
        AuditResult withCi = Audit.builder(Y, P).attribute("g", G, "a")
                .intervals(dev.candor.fairness.Bootstrap.builder().resamples(50).seed(3).build()).build().run();
        var ci = withCi.attribute("g").bootstrap().interval("statistical_parity_difference");
        String expected = String.format(java.util.Locale.ROOT, "[%.4f, %.4f]", ci.lower(), ci.upper());
        assertThat(withCi.toString()).contains("95% bootstrap CI").contains(expected);
    }

    @Test
    void oneAttributeRendersItsOwnTablesOnly() {
        AuditResult two = Audit.builder(Y, P).attribute("g", G, "a")
                .attribute("h", new String[] {"u", "v", "u", "v", "u", "v"}, null).build().run();
        String text = two.attribute("g").toString();
        assertThat(text.lines().findFirst()).hasValue("AttributeAudit: g");
        assertThat(text).contains("g (privileged: a)", "g: comparisons", "0.7500 [0.3006, 0.9544]")
                .doesNotContain("h (");
        assertThat(two.toString()).contains(text.substring(text.indexOf('\n') + 1));
        String html = two.attribute("h").toHtml();
        assertThat(html).contains("<b>h (no privileged value: between-groups forms)</b>").doesNotContain("<b>g (");
        assertThat(html.split("<table>", -1)).hasSize(3);
    }
}
