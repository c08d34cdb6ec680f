package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress of a long pass: at most one line per interval, with rows and MB and their rates. */
class AuditStreamProgressTest {

    @Test
    void printsRowsAndMegabytesPerSecondAtMostOncePerInterval() {
        StringWriter out = new StringWriter();
        AuditStream.Progress p = AuditStream.printer(new PrintWriter(out), 2_000_000_000L);
        p.update(1_000_000, 40_000, 500_000_000L);       // too early: nothing
        p.update(50_000_000, 2_000_000, 2_000_000_000L); // 2 s: 1,000,000 rows/s, 25 MB/s
        p.update(60_000_000, 2_400_000, 3_000_000_000L); // within the interval: nothing
        p.update(100_000_000, 4_000_000, 4_000_000_000L);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("candor audit: 2,000,000 rows, 50 MB read (1000000 rows/s, 25.0 MB/s)");
        assertThat(lines[1]).isEqualTo("candor audit: 4,000,000 rows, 100 MB read (1000000 rows/s, 25.0 MB/s)");
    }

    @Test
    void quietPrintsNothingAndLongFilesReportProgress() {
        // --quiet: the audit of a small file prints nothing on standard error either way
        CliRun r = CliRun.of("audit", "--data", dev.candor.core.SharedData.golden("fairness/german_predictions.csv")
                .toString(), "--label", "credit", "--prediction", "pred", "--protected", "sex", "--quiet");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
    }
}
