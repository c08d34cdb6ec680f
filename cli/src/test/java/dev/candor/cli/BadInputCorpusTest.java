package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input contract: every case of {@code bad-inputs/cases.txt} (a file or a command line with
 * its expected exit code and the words its message must contain) is run, in process, against every
 * command that reads that input. Beyond the words, every refused run must print no stack trace and
 * no internal error, leave every input file byte for byte as it was, and write nothing.
 */
class BadInputCorpusTest {

    private static final Path DIR = resources();

    private static final Map<String, String> BASE = new LinkedHashMap<>();

    static {
        BASE.put("audit", "audit --data {data} --label y --prediction p --protected sex --json {tmp}/a.json");
        BASE.put("report", "report --data {data} --label y --protected sex --quiet --explain-rows 0 --out {tmp}/r.html");
        BASE.put("reweigh", "reweigh --data {data} --label y --protected sex --out {tmp}/w.csv");
        BASE.put("describe", "datasets describe {data} --label y --protected sex");
    }

    @TempDir
    Path tmp;

    private static Path resources() {
        try {
            return Path.of(BadInputCorpusTest.class.getResource("/bad-inputs/cases.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One case of the corpus run against one command. */
    record Case(int line, String file, String command, String args, int exit, List<String> words) {
        @Override
        public String toString() {
            return "line " + line + ": " + command + " " + (file.equals("-") ? args : file + " " + args).strip();
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split(" \\| ", -1);
            if (f.length != 5) {
                throw new IllegalStateException("cases.txt line " + (i + 1) + ": expected 5 fields, got " + f.length);
            }
            List<String> commands = f[1].strip().equals("all") ? List.copyOf(BASE.keySet())
                    : Arrays.stream(f[1].split(",")).map(String::strip).toList();
            List<String> words = Arrays.stream(f[4].split(" ; ")).map(String::strip).filter(w -> !w.isEmpty()).toList();
            for (String c : commands) {
                String extra = f[2].strip().equals("-") ? "" : f[2].strip();
                out.add(new Case(i + 1, f[0].strip(), c, extra, Integer.parseInt(f[3].strip()), words));
            }
        }
        return out;
    }

    static Stream<Arguments> corpus() {
        return cases().stream().map(Arguments::of);
    }

    @Test
    void theCorpusHasAtLeastSixtyCasesAndCoversEveryCommand() {
        List<Case> all = cases();
        assertThat(all.stream().map(Case::line).distinct().count()).isGreaterThanOrEqualTo(60);
        assertThat(all).extracting(Case::command).contains("audit", "report", "reweigh", "describe", "raw");
        assertThat(all).allSatisfy(c -> assertThat(c.words()).as(c.toString()).isNotEmpty()
                .noneMatch(w -> w.equals("?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBadInputMeetsTheContract(Case c) throws IOException {
        Map<Path, String> before = snapshot(DIR);
        String line = c.command().equals("raw") ? c.args() : BASE.get(c.command()) + " " + c.args();
        String[] args = Arrays.stream(line.strip().split("\\s+"))
                .map(a -> a.replace("{data}", DIR.resolve(c.file()).toString())
                        .replace("{res}", DIR.toString()).replace("{tmp}", tmp.toString()))
                .toArray(String[]::new);
        CliRun r = CliRun.of(args);
        String err = r.err();
        assertThat(r.exit()).as(c + "\nstderr: " + err).isEqualTo(c.exit());
        for (String w : c.words()) {
            assertThat(err).as(c.toString()).contains(w);
        }
        assertThat(err).as(c.toString()).doesNotContain(": internal error:").doesNotContain("\tat ")
                .doesNotContain("Exception");
        for (String internal : List.of("testFraction", "explainRows", "backgroundRows", "nsamples")) {
            assertThat(err).as(c.toString()).doesNotContain(internal);
        }
        assertThat(snapshot(DIR)).as(c + ": the inputs must be untouched").containsExactlyInAnyOrderEntriesOf(before);
        if (c.exit() == CandorCli.EXIT_BAD_INPUT) {
            try (Stream<Path> written = Files.list(tmp)) {
                assertThat(written.toList()).as(c + ": nothing may be written").isEmpty();
            }
        }
    }

    /** Every file under a folder and its bytes (Base64, so that maps of them compare by content). */
    private static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                m.put(p, java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
            }
        }
        return m;
    }
}
