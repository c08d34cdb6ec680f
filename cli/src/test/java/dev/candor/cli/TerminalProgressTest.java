package dev.candor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong();

    private String text() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quietPrintsNothing() {
        TerminalProgress p = new TerminalProgress(TerminalProgress.Mode.QUIET, out, now::get);
        p.step("training");
        p.progress(5, 10);
        p.done();
        assertThat(text()).isEmpty();
    }

    @Test
    void plainModePrintsOneLineAtStartAndEndAndNoCarriageReturns() {
        TerminalProgress p = new TerminalProgress(TerminalProgress.Mode.PLAIN, out, now::get);
        p.step("explaining 200 rows");
        for (int i = 1; i <= 200; i++) {
            now.addAndGet(10_000_000L);
            p.progress(i, 200);
        }
        p.done();
        assertThat(text()).isEqualTo("candor: explaining 200 rows ...\ncandor: explaining 200 rows done in 2.0 s\n");
    }

    @Test
    void barModeRedrawsInPlaceAtMostTenTimesASecond() {
        TerminalProgress p = new TerminalProgress(TerminalProgress.Mode.BAR, out, now::get);
        p.step("shap");
        // 1000 updates over 1 s: at most 10 redraws from the clock, plus the final 100 %.
        for (int i = 1; i <= 1000; i++) {
            now.addAndGet(1_000_000L);
            p.progress(i, 1000);
        }
        p.done();
        String t = text();
        long redraws = t.chars().filter(c -> c == '\r').count();
        assertThat(redraws).isBetween(3L, 13L);
        assertThat(t).contains("100% 1000/1000").endsWith("shap done in 1.0 s\n").doesNotContain("\n\r");
    }

    @Test
    void aNewStepEndsThePreviousOne() {
        TerminalProgress p = new TerminalProgress(TerminalProgress.Mode.PLAIN, out, now::get);
        p.step("a");
        p.step("b");
        p.done();
        assertThat(text()).isEqualTo("candor: a ...\ncandor: a done in 0.0 s\ncandor: b ...\ncandor: b done in 0.0 s\n");
    }
}
