package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "try every command" block runs as written: each {@code ./candor} line between the
 * {@code readme-commands} markers is run in order (in process, its files in a scratch folder), and
 * each must succeed (the report against the example policy may also exit 3, as the README says). The
 * README's example policy is the file {@code examples/policy.json}, so the two cannot drift apart.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    static List<String> commands(String readme) {
        int from = readme.indexOf("<!-- readme-commands:start -->");
        int to = readme.indexOf("<!-- readme-commands:end -->");
        assertThat(from).as("README marker").isNotNegative();
        assertThat(to).isGreaterThan(from);
        String block = readme.substring(from, to).replace("\\\n", " ");
        List<String> out = new ArrayList<>();
        for (String line : block.split("\n")) {
            String l = line.strip();
            if (l.startsWith("./candor ")) {
                int hash = l.indexOf(" #");
                out.add((hash > 0 ? l.substring(0, hash) : l).strip());
            }
        }
        return out;
    }

    @Test
    void everyReadmeCommandRunsAsWritten() throws IOException {
        List<String> commands = commands(Files.readString(ROOT.resolve("README.md")));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        for (String c : commands) {
            List<String> args = new ArrayList<>();
            for (String a : c.substring("./candor ".length()).split("\\s+")) {
                if (a.startsWith("examples/")) {
                    args.add(ROOT.resolve(a).toString());
                } else if (!a.startsWith("-") && a.matches("[\\w.-]+\\.(csv|json|html)")) {
                    args.add(tmp.resolve(a).toString());
                } else {
                    args.add(a);
                }
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            if (c.contains("--policy")) {
                assertThat(r.exit()).as(c + "\n" + r.err()).isIn(0, CandorCli.EXIT_POLICY_VIOLATION);
            } else {
                assertThat(r.exit()).as(c + "\n" + r.err()).isZero();
            }
            Matcher out = Pattern.compile("--(?:out|json|html) (\\S+)").matcher(c);
            while (out.find()) {
                assertThat(tmp.resolve(out.group(1))).as(c).isNotEmptyFile();
            }
        }
    }

    @Test
    void theReadmePolicyIsTheExampleFile() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("\\(this one is `examples/policy.json`\\):\\s*```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as("the README shows the example policy").isTrue();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(m.group(1))).isEqualTo(json.readTree(ROOT.resolve("examples/policy.json").toFile()));
    }
}
