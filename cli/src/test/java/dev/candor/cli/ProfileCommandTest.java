package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.report.ProfileJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCommandTest {

    @TempDir
    Path dir;

    @Test
    void theWrittenProfileHoldsTheFilesCountsMomentsAndCategoriesAndMergesWithAnotherBatch() throws IOException {
        Path data = Files.writeString(dir.resolve("ref.csv"), "x,c\n1,a\n2,a\n3,b\n,a\n6,\n");
        Path out = dir.resolve("ref.profile.json");
        CliRun run = CliRun.of("profile", "--data", data.toString(), "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("profiled 5 rows, 2 features");

        DatasetProfile p = ProfileJson.read(out);
        FeatureProfile x = p.feature("x");
        assertThat(x.kind()).isEqualTo(FeatureKind.NUMERIC);
        // values 1, 2, 3, 6 and one missing: mean 3, sample variance ((4 + 1 + 0 + 9) / 3)
        assertThat(x.count()).isEqualTo(4);
        assertThat(x.missing()).isEqualTo(1);
        assertThat(x.mean()).isCloseTo(3.0, within(1e-15));
        assertThat(x.min()).isEqualTo(1.0);
        assertThat(x.max()).isEqualTo(6.0);
        FeatureProfile c = p.feature("c");
        assertThat(c.kind()).isEqualTo(FeatureKind.CATEGORICAL);
        assertThat(c.categoryCounts()).containsEntry("a", 3L).containsEntry("b", 1L);
        assertThat(c.missing()).isEqualTo(1);

        DatasetProfile twice = p.merge(ProfileJson.read(out));
        assertThat(twice.feature("x").count()).isEqualTo(8);
        assertThat(twice.feature("x").mean()).isCloseTo(3.0, within(1e-15));
        assertThat(twice.feature("c").categoryCounts()).containsEntry("a", 6L);
    }

    @Test
    void anOutputOntoTheInputOrAnEmptyColumnIsRefused() throws IOException {
        Path data = Files.writeString(dir.resolve("d.csv"), "x,c\n1,a\n2,b\n");
        String before = Files.readString(data);
        CliRun onto = CliRun.of("profile", "--data", data.toString(), "--out", data.toString());
        assertThat(onto.exit()).isEqualTo(2);
        assertThat(onto.err()).contains("is the input file --data");
        assertThat(Files.readString(data)).isEqualTo(before);

        Path empty = Files.writeString(dir.resolve("e.csv"), "x,c\n,a\nNaN,b\n");
        CliRun none = CliRun.of("profile", "--data", empty.toString(), "--numeric", "x", "--out",
                dir.resolve("p.json").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("e.csv").contains("'x'").contains("every value is missing");
        assertThat(dir.resolve("p.json")).doesNotExist();

        Path notProfile = Files.writeString(dir.resolve("n.json"), "{\"rules\": []}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProfileJson.read(notProfile))
                .hasMessageContaining("n.json").hasMessageContaining("not a Candor profile");
    }
}
