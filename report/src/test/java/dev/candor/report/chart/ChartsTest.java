package dev.candor.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.fairness.Band;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ChartsTest {

    /** Parses the SVG with the JDK's namespace-aware XML parser; fails on malformed markup. */
    static Document parse(Chart c) throws Exception {
        assertThat(c.svg()).startsWith("<svg ").doesNotContain("<?xml");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(c.svg())));
    }

    /** Counts the mark groups in the parsed SVG, and checks they match the chart's own count. */
    static int marksIn(Chart c) throws Exception {
        Document d = parse(c);
        assertThat(d.getDocumentElement().getAttribute("id")).isEqualTo(c.id());
        NodeList gs = d.getElementsByTagNameNS("*", "g");
        int n = 0;
        for (int i = 0; i < gs.getLength(); i++) {
            String id = ((Element) gs.item(i)).getAttribute("id");
            if (id.startsWith(c.id() + "-mark-")) {
                n++;
                assertThat(gs.item(i).hasChildNodes()).as("mark %s draws something", id).isTrue();
            }
        }
        assertThat(n).isEqualTo(c.marks());
        // Every id defined in the chart is prefixed with the chart id, so charts never collide.
        NodeList all = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                assertThat(id).startsWith(c.id());
            }
        }
        return n;
    }

    @Test
    void bandBarsDrawOneBarPerFiniteValueAndSkipUndefinedOnes() throws Exception {
        Chart c = Charts.bandBars("di", "Disparate impact", new Estimates(new String[] {"sex", "age", "race"},
                new double[] {0.75, Double.NaN, 1.1}, new double[] {0.6, Double.NaN, 0.9},
                new double[] {0.9, Double.NaN, 1.3}), Band.FOUR_FIFTHS, 1.0, "disparate impact");
        assertThat(marksIn(c)).isEqualTo(2);
        // The out-of-band bar is orange (213, 94, 0), the in-band bar blue (0, 114, 178).
        assertThat(c.svg()).contains("rgb(213,94,0)").contains("rgb(0,114,178)");
    }

    @Test
    void groupedBarsDrawSeriesTimesCategories() throws Exception {
        Chart c = Charts.groupedBars("mit", "Before and after", new String[] {"SPD", "DI", "EOD"},
                new String[] {"before", "after"}, new double[][] {{-0.1, 0.8, 0.05}, {-0.01, 0.97, Double.NaN}},
                "value");
        assertThat(marksIn(c)).isEqualTo(5);
    }

    @Test
    void curveChartsDrawOneMarkPerGroup() throws Exception {
        double[][] fpr = {{0, 0.2, 0.5, 1}, {0, 0.1, 1}};
        double[][] tpr = {{0, 0.6, 0.9, 1}, {0, 0.5, 1}};
        assertThat(marksIn(Charts.rocCurves("roc", "ROC", new String[] {"a", "b"}, fpr, tpr))).isEqualTo(2);
        assertThat(marksIn(Charts.calibration("cal", "Calibration", new String[] {"a", "b", "c"},
                new double[][] {{0.1, 0.5, 0.9}, {0.2, Double.NaN, 0.8}, {0.3, 0.7, 0.95}},
                new double[][] {{0.1, 0.4, 0.95}, {0.1, Double.NaN, 0.7}, {0.2, 0.8, 1}}))).isEqualTo(3);
        assertThat(marksIn(Charts.scoreDistributions("sd", "Scores", new String[] {"a", "b"},
                new double[] {0, 0.5, 1}, new double[][] {{1.2, 0.8}, {0.4, 1.6}}))).isEqualTo(2);
    }

    @Test
    void importanceBarsKeepTheLargestFeatures() throws Exception {
        Chart c = Charts.importanceBars("imp", "Importance", new String[] {"a", "b", "c", "d"},
                new double[] {0.1, 0.4, 0.05, 0.2}, new double[] {0.01, 0.02, 0.01, 0.03}, 3, "mean |SHAP|");
        assertThat(marksIn(c)).isEqualTo(3);
        assertThat(Charts.topByMagnitude(new double[] {0.1, -0.4, Double.NaN, 0.2}, 10)).containsExactly(1, 3, 0);
    }

    @Test
    void beeswarmDrawsOnePointPerRowAndShownFeature() throws Exception {
        int rows = 50;
        double[][] shap = new double[rows][3];
        double[][] x = new double[rows][3];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                shap[i][j] = (j + 1) * Math.sin(i * 0.37 + j);
                x[i][j] = i;
            }
        }
        shap[7][1] = Double.NaN;
        x[3][2] = Double.NaN; // drawn grey, still drawn
        Chart c = Charts.beeswarm("bee", "Summary", new String[] {"a", "b", "c"}, shap, x, 2);
        assertThat(marksIn(c)).isEqualTo(2 * rows - 1);
        assertThat(c.svg().contains("rgb(153,153,153)")).as("a grey point for the NaN feature value").isTrue();
        // Deterministic: the same data give the same bytes.
        assertThat(Charts.beeswarm("bee", "Summary", new String[] {"a", "b", "c"}, shap, x, 2).svg())
                .isEqualTo(c.svg());
    }

    @Test
    void beeswarmDrawsACategoricalFeatureInOneNeutralColourAndSaysWhy() throws Exception {
        int rows = 40;
        double[][] shap = new double[rows][2];
        double[][] x = new double[rows][2];
        for (int i = 0; i < rows; i++) {
            shap[i][0] = Math.sin(i * 0.5);
            shap[i][1] = 2 * Math.cos(i * 0.3);
            x[i][0] = i;      // numeric: coloured by value
            x[i][1] = i % 4;  // category codes 0..3
        }
        Chart plain = Charts.beeswarm("bee", "Summary", new String[] {"age", "region"}, shap, x, 2);
        Chart marked = Charts.beeswarm("bee", "Summary", new String[] {"age", "region"}, shap, x, 2,
                new boolean[] {false, true});
        assertThat(marksIn(marked)).isEqualTo(2 * rows);
        assertThat(count(marked.svg(), "rgb(136,136,136)")).isGreaterThanOrEqualTo(rows);
        assertThat(count(plain.svg(), "rgb(136,136,136)")).isZero();
        assertThat(marked.description()).contains("categorical features are drawn in grey");
        assertThat(plain.description()).doesNotContain("categorical");
    }

    private static int count(String s, String part) {
        return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void dependenceWaterfallAndLimeBars() throws Exception {
        assertThat(marksIn(Charts.dependence("dep", "Dependence", "age", new double[] {20, 30, Double.NaN, 50},
                new double[] {0.1, 0.0, 0.2, -0.1}))).isEqualTo(3);
        Chart w = Charts.waterfall("wf", "Row 3", new String[] {"a = 1", "b = 2", "c = 0", "d = 5"},
                new double[] {0.2, -0.1, 0.01, 0.02}, 0.5, 2);
        assertThat(marksIn(w)).isEqualTo(3); // two features plus "2 other features"
        assertThat(w.svg()).contains("2 other features").contains("f(x) = 0.630");
        assertThat(marksIn(Charts.limeBars("lime", "LIME", new String[] {"a", "b", "c"},
                new double[] {0.3, -0.2, 0.0}, 5))).isEqualTo(3);
    }

    @Test
    void textFromDataIsEscapedInsideTheSvg() throws Exception {
        String evil = "<script>alert(1)</script>";
        Chart c = Charts.importanceBars("esc", evil, new String[] {evil, "b & c"}, new double[] {0.3, 0.1},
                null, 5, "mean |SHAP|");
        assertThat(c.svg()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document d = parse(c);
        assertThat(d.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(d.getDocumentElement().getTextContent()).contains(evil);
    }

    @Test
    void badInputIsRejectedWithTheArgumentNamed() {
        assertThatThrownBy(() -> Estimates.of(new String[] {"a"}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("categories");
        assertThatThrownBy(() -> Charts.limeBars("1bad id", "t", new String[] {"a"}, new double[] {1}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1bad id");
        assertThatThrownBy(() -> new Band(2, 1)).hasMessageContaining("lower <= upper");
        assertThatThrownBy(() -> Charts.bandBars("1bad id", "t", Estimates.of(new String[] {"a"}, new double[] {1}),
                Band.FOUR_FIFTHS, 1, "v")).hasMessageContaining("1bad id");
    }

    @Test
    void repeatedLabelsStayDistinct() {
        assertThat(Charts.uniqueKeys(new String[] {"a", "a", null, "a"})).containsExactly("a", "a (2)", "(missing)",
                "a (3)");
        Set<String> ids = new HashSet<>();
        List<Chart> charts = new ArrayList<>();
        charts.add(Charts.limeBars("one", "t", new String[] {"a", "a"}, new double[] {1, 2}, 3));
        charts.add(Charts.limeBars("two", "t", new String[] {"a", "a"}, new double[] {1, 2}, 3));
        for (Chart c : charts) {
            assertThat(ids.add(c.id())).isTrue();
            assertThat(c.marks()).isEqualTo(2);
        }
    }
}
