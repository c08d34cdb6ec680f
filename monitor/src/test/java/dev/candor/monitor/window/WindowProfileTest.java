package dev.candor.monitor.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The window accumulator: merge by concatenation in any order, and Java serialization, change nothing. */
class WindowProfileTest {

    private static MonitorReference reference() {
        MonitorData ref = BankMonitoring.reference();
        return MonitorReference.of(ref.profile(0, ref.rows().size()), List.of(), Map.of("age_group", "ge25"),
                List.of(), null, 0, 1L);
    }

    @Test
    void mergedPartsInAnyOrderEqualOnePassOverTheWindow() throws Exception {
        List<WindowRow> rows = BankMonitoring.rows().subList(10000, 15000);
        WindowProfile whole = new WindowProfile(BankMonitoring.SCHEMA);
        rows.forEach(whole::add);
        List<WindowRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(7));
        WindowProfile a = new WindowProfile(BankMonitoring.SCHEMA);
        WindowProfile b = new WindowProfile(BankMonitoring.SCHEMA);
        WindowProfile c = new WindowProfile(BankMonitoring.SCHEMA);
        for (int i = 0; i < shuffled.size(); i++) {
            (i < 1000 ? a : i < 3500 ? b : c).add(shuffled.get(i));
        }
        WindowProfile merged = serialize(c.merge(a)).merge(b);
        MonitorReference ref = reference();
        WindowResult x = whole.evaluate(ref);
        WindowResult y = merged.evaluate(ref);
        assertThat(y.window()).isEqualTo(x.window());
        assertThat(y.watched()).isEqualTo(x.watched());
        assertThat(y.cbpe().estimated()).isEqualTo(x.cbpe().estimated());
        assertThat(y.cbpe().byGroup()).isEqualTo(x.cbpe().byGroup());
        assertThat(y.fairness().get("marital").counts()).isEqualTo(x.fairness().get("marital").counts());
        assertThat(y.drift().features()).isEqualTo(x.drift().features());
        assertThat(merged.rows()).isEqualTo(5000);
        assertThat(a.rows()).isEqualTo(1000);
    }

    @Test
    void aSerializedReferenceGivesIdenticalChunksThresholdsAndWindowResults() throws Exception {
        MonitorReference ref = Monitor.builder(BankMonitoring.reference()).privileged("age_group", "ge25")
                .bootstrap(20).seed(3L).build().reference();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ref);
        }
        MonitorReference back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (MonitorReference) in.readObject();
        }
        assertThat(back).isNotSameAs(ref);
        assertThat(back.rows()).isEqualTo(10000);
        assertThat(back.chunks()).hasSize(2);
        for (int i = 0; i < ref.chunks().size(); i++) {
            assertSame(back.chunks().get(i), ref.chunks().get(i));
        }
        assertThat(back.thresholds().keySet()).containsExactlyElementsOf(ref.thresholds().keySet());
        for (String m : ref.thresholds().keySet()) {
            Threshold a = ref.thresholds().get(m);
            Threshold b = back.thresholds().get(m);
            assertThat(Double.valueOf(b.lower())).as(m).isEqualTo(Double.valueOf(a.lower()));
            assertThat(Double.valueOf(b.upper())).as(m).isEqualTo(Double.valueOf(a.upper()));
            assertThat(java.util.Arrays.equals(b.referenceValues(), a.referenceValues())).as(m).isTrue();
        }
        assertThat(back.calibration().needsCalibration()).isEqualTo(ref.calibration().needsCalibration());
        assertThat(back.rules()).isEqualTo(ref.rules());
        for (int from : new int[] {10000, 25000, 40000}) {
            WindowProfile w = new WindowProfile(BankMonitoring.SCHEMA);
            BankMonitoring.rows().subList(from, from + 5000).forEach(w::add);
            assertSame(w.evaluate(back), w.evaluate(ref));
        }
    }

    private static void assertSame(WindowResult y, WindowResult x) {
        assertThat(y.window()).isEqualTo(x.window());
        assertThat(y.watched()).isEqualTo(x.watched());
        assertThat(y.samples()).isEqualTo(x.samples());
        assertThat(y.alerts()).isEqualTo(x.alerts());
        assertThat(y.drift().features()).isEqualTo(x.drift().features());
        assertThat(y.cbpe().estimated()).isEqualTo(x.cbpe().estimated());
        assertThat(y.cbpe().byGroup()).isEqualTo(x.cbpe().byGroup());
        assertThat(y.performance()).isEqualTo(x.performance());
        assertThat(y.fairness()).isEqualTo(x.fairness());
    }

    @Test
    void badRowsAreRefusedNamingTheRowAndColumn() {
        WindowProfile p = new WindowProfile(BankMonitoring.SCHEMA);
        WindowRow ok = BankMonitoring.rows().get(0);
        assertThatThrownBy(() -> p.add(new WindowRow(17, ok.numeric(), ok.categorical(), 2, 0.5, 1, ok.groups())))
                .hasMessageContaining("row 17").hasMessageContaining("label");
        double[] inf = ok.numeric().clone();
        inf[1] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> p.add(new WindowRow(18, inf, ok.categorical(), 1, 0.5, 1, ok.groups())))
                .hasMessageContaining("row 18").hasMessageContaining("balance");
        assertThatThrownBy(() -> p.merge(new WindowProfile(new WindowSchema(List.of("x"), List.of(), List.of()))))
                .hasMessageContaining("different schemas");
    }

    private static WindowProfile serialize(WindowProfile p) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (WindowProfile) in.readObject();
        }
    }
}
