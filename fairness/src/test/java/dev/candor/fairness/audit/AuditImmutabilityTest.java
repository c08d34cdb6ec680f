package dev.candor.fairness.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.fairness.Rate;
import org.junit.jupiter.api.Test;

class AuditImmutabilityTest {

    @Test
    void aBuiltAuditIgnoresLaterChangesToTheBuilderAndTheCallersArrays() {
        int[] y = {1, 1, 0, 0, 1, 0};
        int[] p = {1, 0, 1, 0, 1, 0};
        String[] sex = {"f", "f", "f", "m", "m", "m"};
        Audit.Builder b = Audit.builder(y, p).attribute("sex", sex, "m");
        Audit audit = b.build();
        // f: predictions 1, 0, 1 -> selection 2/3; m: 0, 1, 0 -> 1/3
        p[0] = 0;
        sex[0] = "m";
        b.attribute("age", new String[] {"a", "a", "a", "b", "b", "b"}, null);
        AuditResult r = audit.run();
        assertThat(r.attributes()).hasSize(1);
        assertThat(r.attribute("sex").metrics().rate("f", Rate.SELECTION_RATE).value()).isEqualTo(2.0 / 3);
        assertThat(r.attribute("sex").metrics().rate("m", Rate.SELECTION_RATE).value()).isEqualTo(1.0 / 3);
    }
}
