package dev.candor.fairness.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.BadInputException;
import dev.candor.core.SharedData;
import dev.candor.fairness.GroupAttribute;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Reweighing on a {@link GroupAttribute} gives AIF360's weights, as the string entry points do. */
class ReweighingGroupAttributeTest {

    @Test
    void pooledGermanSexGivesAif360CellWeights() throws IOException {
        JsonNode golden = new ObjectMapper().readTree(SharedData.golden("fairness/german_reweighing.json").toFile());
        GermanPredictions g = GermanPredictions.load();
        GroupAttribute sex = GroupAttribute.of("sex", g.sex());
        Reweighing rw = Reweighing.builder().privileged("male").fit(g.credit(), sex, null);
        assertThat(rw.weight("male", 1)).isCloseTo(golden.get("w_p_fav").asDouble(), within(1e-12));
        assertThat(rw.weight("male", 0)).isCloseTo(golden.get("w_p_unfav").asDouble(), within(1e-12));
        assertThat(rw.weight("female", 1)).isCloseTo(golden.get("w_up_fav").asDouble(), within(1e-12));
        assertThat(rw.weight("female", 0)).isCloseTo(golden.get("w_up_unfav").asDouble(), within(1e-12));
        JsonNode iw = golden.get("instance_weights");
        double[] w = rw.weights();
        for (int i = 0; i < w.length; i++) {
            assertThat(w[i]).as("row %d", i).isCloseTo(iw.get(i).asDouble(), within(1e-12));
        }
        assertThat(w).containsExactly(Reweighing.builder().privileged("male").fit(g.credit(), g.sex()).weights());
    }

    @Test
    void anAttributeMessageNamesTheAttribute() {
        GroupAttribute one = GroupAttribute.of("region", new String[] {"n", "n", "n"});
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Reweighing.builder().fit(new int[] {1, 0, 1}, one, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("region: every row is in the one group 'n'");
    }
}
