package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void reportWriteRaisesAnUncheckedErrorNamingThePath() {
        Path bad = dir.resolve("missing").resolve("r.html");
        assertThatThrownBy(() -> SampleReports.full().writeHtml(bad)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(bad.getParent().toString());
    }

    @Test
    void reportWritesHtmlAndJsonTogether() throws IOException {
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        SampleReports.full().write(html, json);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        assertThat(Files.readString(json)).startsWith("{");
    }
}
