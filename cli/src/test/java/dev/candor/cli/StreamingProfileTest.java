package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.datasets.CsvTable;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.ReferenceBins;
import dev.candor.report.ProfileJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code candor profile} and {@code candor drift --streaming} read through {@link FeatureStream}
 * against the whole-file path: the same bins, counts, categories and moments, sketches within their
 * rank bound, and the same count-based drift values.
 */
class StreamingProfileTest {

    private static final String[] COLUMNS = {"age", "workclass", "fnlwgt", "education", "education-num",
        "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
        "hours-per-week", "native-country"};
    private static final List<String> COUNT_TESTS = List.of("psi", "jensenshannon", "kl_div", "hellinger",
            "chisquare", "z");

    @TempDir
    Path dir;

    @Test
    void theStreamedProfileOfAdultEqualsTheInMemoryOneAlsoGzipped() throws IOException {
        Path shared = adult();
        Path ref = adultCsv(shared.resolve("datasets/adult/adult.data"), false, dir.resolve("adult.csv"));
        Path gz = gzip(ref, dir.resolve("adult.csv.gz"));
        DatasetProfile expected = inMemory(ref);
        for (Path input : List.of(ref, gz)) {
            Path out = dir.resolve(input.getFileName() + ".profile.json");
            CliRun run = CliRun.of("profile", "--data", input.toString(), "--quiet", "--out", out.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertSameProfile(ProfileJson.read(out), expected, CsvTable.read(ref, ','));
        }
        // '?' is missing in numeric columns and a category in text ones, on both paths
        assertThat(expected.feature("workclass").categoryCounts()).containsKey("?");
        assertThat(expected.feature("age").kind()).isEqualTo(FeatureKind.NUMERIC);
    }

    @Test
    void theStreamedProfileOfAGeneratedFileWithMissingValuesAndALateTextValueEqualsTheInMemoryOne()
            throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        Path data = dir.resolve("gen.csv");
        int rows = 120_000;
        try (Writer w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            w.write("x,y,k,late,skip\n");
            for (int i = 0; i < rows; i++) {
                double x = r.nextGaussian() * 3 + 10;
                String xs = r.nextInt(50) == 0 ? (r.nextBoolean() ? "NA" : "") : Double.toString(x);
                String ys = r.nextInt(100) == 0 ? "?" : Long.toString(r.nextLong(-1000, 1000)) + "." + r.nextInt(10);
                String k = "c" + r.nextInt(7);
                String late = i == rows - 3 ? "text" : Integer.toString(r.nextInt(5));
                w.write(xs + "," + ys + ",\"" + k + "\"," + late + ",\"ignored, " + i + "\"\n");
            }
        }
        DatasetProfile expected = inMemory(data);
        assertThat(expected.feature("late").kind()).isEqualTo(FeatureKind.CATEGORICAL);
        Path out = dir.resolve("gen.profile.json");
        CliRun run = CliRun.of("profile", "--data", data.toString(), "--quiet", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("profiled " + rows + " rows, 5 features");
        assertSameProfile(ProfileJson.read(out), expected, CsvTable.read(data, ','));

        Path named = dir.resolve("named.profile.json");
        CliRun n = CliRun.of("profile", "--data", data.toString(), "--quiet", "--numeric", "x,y", "--categorical", "k",
                "--out", named.toString());
        assertThat(n.exit()).as(n.err()).isZero();
        assertThat(ProfileJson.read(named).features().keySet()).containsExactly("x", "y", "k");

        CliRun bad = CliRun.of("profile", "--data", data.toString(), "--quiet", "--numeric", "late",
                "--out", dir.resolve("bad.json").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("gen.csv").contains("line " + (rows - 1)).contains("late")
                .contains("'text' is not a number");
    }

    @Test
    void streamingDriftGivesTheInMemoryCountBasedValuesOnTheGoldenSample() throws IOException {
        Path shared = adult();
        Path ref = DriftCommandTest.sample(shared.resolve("datasets/adult/adult.data"), false, 500, dir.resolve("ref.csv"));
        Path cur = DriftCommandTest.sample(shared.resolve("datasets/adult/adult.test"), true, 300, dir.resolve("cur.csv"));
        String tests = "psi,jensenshannon,kl_div,hellinger,chisquare,z,ks,t_test,wasserstein";
        Path streamJson = dir.resolve("stream.json");
        CliRun s = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(), "--streaming",
                "--tests", tests, "--json", streamJson.toString());
        assertThat(s.exit()).as(s.err()).isZero();
        // the whole-file path over the same reference bins: a profile built in memory, the current read whole
        Path profile = Files.writeString(dir.resolve("inmem.profile.json"), ProfileJson.toJson(inMemory(ref), "ref.csv"));
        Path memJson = dir.resolve("mem.json");
        CliRun m = CliRun.of("drift", "--reference-profile", profile.toString(), "--current", cur.toString(),
                "--tests", tests, "--json", memJson.toString());
        assertThat(m.exit()).as(m.err()).isZero();
        // and the raw in-memory run (Evidently's binning for numeric features)
        Path rawJson = dir.resolve("raw.json");
        CliRun raw = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(),
                "--tests", tests, "--json", rawJson.toString());
        assertThat(raw.exit()).as(raw.err()).isZero();

        ObjectMapper om = new ObjectMapper();
        JsonNode st = om.readTree(streamJson.toFile());
        JsonNode mem = om.readTree(memJson.toFile());
        JsonNode rw = om.readTree(rawJson.toFile());
        assertThat(st.at("/reference/rows").asInt()).isEqualTo(500);
        assertThat(st.at("/current/rows").asInt()).isEqualTo(300);
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = st.path("features").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            boolean numeric = f.getValue().path("kind").asText().equals("numeric");
            for (String t : COUNT_TESTS) {
                double v = value(f.getValue().path("tests").path(t));
                assertThat(v).as(f.getKey() + "." + t).isEqualTo(value(mem.at("/features/" + f.getKey() + "/tests/" + t)));
                if (!numeric) {
                    double rv = value(rw.at("/features/" + f.getKey() + "/tests/" + t));
                    assertThat(v).as(f.getKey() + "." + t + " raw").isCloseTo(rv,
                            org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(rv))));
                }
                compared++;
            }
            if (numeric) {
                double tt = value(rw.at("/features/" + f.getKey() + "/tests/t_test"));
                assertThat(value(f.getValue().at("/tests/t_test"))).as(f.getKey()).isCloseTo(tt,
                        org.assertj.core.data.Offset.offset(1e-9 * Math.max(Math.abs(tt), 1e-15)));
                // ks from the sketches: within the bound stated in the warning of the exact statistic
                String warning = f.getValue().at("/tests/ks/warnings/0").asText();
                assertThat(warning).startsWith("approximate, from sketch, |ΔD| ≤ ");
                double bound = Double.parseDouble(warning.substring(warning.indexOf('≤') + 1).trim());
                double exactD = value(rw.at("/features/" + f.getKey() + "/tests/ks/statistic"));
                double sketchD = value(f.getValue().at("/tests/ks/statistic"));
                assertThat(Math.abs(sketchD - exactD)).as(f.getKey() + " ks").isLessThanOrEqualTo(bound);
                assertThat(f.getValue().at("/tests/wasserstein/undefined").asText()).isEqualTo("needs_raw_values");
            }
        }
        assertThat(compared).isEqualTo(COLUMNS.length * COUNT_TESTS.size());

        CliRun weighted = CliRun.of("drift", "--reference", ref.toString(), "--current", cur.toString(), "--streaming",
                "--weight", "age");
        assertThat(weighted.exit()).isEqualTo(2);
        assertThat(weighted.err()).contains("--weight is not available with --streaming");
    }

    @Test
    void progressNamesFileAndPassAndAMissingCurrentColumnIsNamed() throws IOException {
        StringBuilder sb = new StringBuilder("x,c\n");
        for (int i = 0; i < 300_000; i++) {
            sb.append(i % 97).append(",k").append(i % 3).append('\n');
        }
        Path data = Files.writeString(dir.resolve("p.csv"), sb.toString());
        java.io.StringWriter err = new java.io.StringWriter();
        FeatureStream stream = new FeatureStream(',', new java.io.PrintWriter(err), "profile", 0);
        long[] rows = new long[1];
        DatasetProfile p = stream.profile(data, List.of("x"), List.of("c"), rows);
        assertThat(rows[0]).isEqualTo(300_000);
        assertThat(p.feature("c").categoryCounts()).containsEntry("k0", 100_000L).containsEntry("k2", 100_000L);
        assertThat(err.toString()).contains("candor profile: p.csv, first pass: ")
                .contains("candor profile: p.csv, profile: ").contains("rows/s");

        Path cur = Files.writeString(dir.resolve("c.csv"), "x,d\n1,k0\n");
        CliRun run = CliRun.of("drift", "--reference", data.toString(), "--current", cur.toString(), "--streaming",
                "--numeric", "x", "--categorical", "c");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("c.csv").contains("line 1").contains("'c'")
                .contains("column is not in the header; columns are [x, d]");
        Path profile = dir.resolve("p.profile.json");
        assertThat(CliRun.of("profile", "--data", data.toString(), "--quiet", "--out", profile.toString()).exit())
                .isZero();
        CliRun fromProfile = CliRun.of("drift", "--reference-profile", profile.toString(), "--current", cur.toString(),
                "--streaming");
        assertThat(fromProfile.exit()).isEqualTo(2);
        assertThat(fromProfile.err()).contains("c.csv").contains("column is not in the header; columns are [x, d]");
    }

    private static double value(JsonNode n) {
        JsonNode v = n.has("value") ? n.path("value") : n;
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    private static Path adult() {
        Optional<Path> shared = SharedData.sharedDir();
        assumeTrue(shared.isPresent() && Files.isRegularFile(shared.get().resolve("datasets/adult/adult.data")),
                "reference data not present");
        return shared.get();
    }

    /** Every Adult row with a header, '?' kept (missing in numeric columns, a category in text ones). */
    private static Path adultCsv(Path source, boolean skipFirst, Path target) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (int i = skipFirst ? 1 : 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",");
            sb.append(String.join(",", Arrays.asList(f).subList(0, COLUMNS.length))).append('\n');
        }
        return Files.writeString(target, sb.toString());
    }

    private static Path gzip(Path source, Path target) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, o);
        }
        return target;
    }

    /** The profile from the whole file in memory: {@link FeatureColumns} typing, Sturges bins of the values. */
    static DatasetProfile inMemory(Path file) throws IOException {
        CsvTable t = CsvTable.read(file, ',');
        List<FeatureProfile> profiles = new ArrayList<>();
        for (Map.Entry<String, Boolean> f : FeatureColumns.select(List.of(), List.of(), List.of(t)).entrySet()) {
            if (f.getValue()) {
                double[] v = FeatureColumns.numbers(t, f.getKey());
                FeatureProfile p = FeatureProfile.numeric(f.getKey(), ReferenceBins.sturges(v));
                for (double x : v) {
                    p.add(x);
                }
                profiles.add(p);
            } else {
                FeatureProfile p = FeatureProfile.categorical(f.getKey());
                for (String s : FeatureColumns.strings(t, f.getKey())) {
                    p.add(s);
                }
                profiles.add(p);
            }
        }
        return DatasetProfile.of(profiles);
    }

    private static void assertSameProfile(DatasetProfile got, DatasetProfile expected, CsvTable raw) {
        assertThat(got.features().keySet()).containsExactlyElementsOf(expected.features().keySet());
        assertThat(got.schemaFingerprint().hash()).isEqualTo(expected.schemaFingerprint().hash());
        for (FeatureProfile e : expected.features().values()) {
            FeatureProfile g = got.feature(e.feature());
            String f = e.feature();
            assertThat(g.kind()).as(f).isEqualTo(e.kind());
            assertThat(g.count()).as(f).isEqualTo(e.count());
            assertThat(g.missing()).as(f).isEqualTo(e.missing());
            if (e.kind() == FeatureKind.CATEGORICAL) {
                assertThat(g.categoryCounts()).as(f).isEqualTo(e.categoryCounts());
                continue;
            }
            assertThat(g.bins()).as(f).isEqualTo(e.bins());
            assertThat(g.slotCounts()).as(f).containsExactly(e.slotCounts());
            assertThat(g.min()).as(f).isEqualTo(e.min());
            assertThat(g.max()).as(f).isEqualTo(e.max());
            assertThat(g.mean()).as(f).isCloseTo(e.mean(), org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(e.mean()))));
            assertThat(g.variance()).as(f).isCloseTo(e.variance(),
                    org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, e.variance())));
            // the sketch: each quantile's exact rank in the data within the sketch's rank error
            double[] sorted = Arrays.stream(FeatureColumns.numbers(raw, f)).filter(x -> !Double.isNaN(x)).sorted()
                    .toArray();
            for (double q = 0.05; q < 1; q += 0.05) {
                double x = g.quantile(q);
                double lo = lowerRank(sorted, x);
                double hi = upperRank(sorted, x);
                double eps = g.rankError() + 1.0 / sorted.length;
                assertThat(q).as(f + " q" + q).isBetween(lo - eps, hi + eps);
            }
        }
    }

    private static double lowerRank(double[] sorted, double x) {
        int i = 0;
        while (i < sorted.length && sorted[i] < x) {
            i++;
        }
        return (double) i / sorted.length;
    }

    private static double upperRank(double[] sorted, double x) {
        int i = Arrays.binarySearch(sorted, x);
        int j = i < 0 ? -i - 1 : i;
        while (j < sorted.length && sorted[j] <= x) {
            j++;
        }
        return (double) j / sorted.length;
    }
}
