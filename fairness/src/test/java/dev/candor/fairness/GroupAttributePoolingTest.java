package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.BadInputException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupAttributePoolingTest {

    private static final GroupAttribute RACE = GroupAttribute.of("race", new String[] {"W", "B", "A", "W", "O", "B"});

    @Test
    void pooledGivesPrivilegedCodeZeroAndEveryOtherValueCodeOne() {
        GroupAttribute p = RACE.pooled(Set.of("W"));
        assertThat(p.name()).isEqualTo("race");
        assertThat(p.values()).containsExactly(GroupAttribute.PRIVILEGED, GroupAttribute.UNPRIVILEGED);
        assertThat(p.codes()).containsExactly(0, 1, 1, 0, 1, 1);
    }

    @Test
    void severalPrivilegedValuesAreOred() {
        assertThat(RACE.pooled(List.of("W", "A")).codes()).containsExactly(0, 1, 0, 0, 1, 1);
    }

    @Test
    void anUnknownPrivilegedValueOrNoUnprivilegedGroupIsBadInputNamingTheValues() {
        assertThatThrownBy(() -> RACE.pooled(Set.of("White"))).isInstanceOf(BadInputException.class)
                .hasMessage("privileged value 'White' does not occur in race (values: [A, B, O, W])");
        assertThatThrownBy(() -> RACE.pooled(Set.of("A", "B", "O", "W"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("every group is privileged");
        assertThatThrownBy(() -> RACE.pooled(Set.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least one privileged value");
    }
}
