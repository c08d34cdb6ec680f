package dev.candor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        Path f = dir.resolve("a.html");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).containsExactly(f);
        }
    }

    @Test
    void aNewFileIsReadableByOthersAndAReplacedFileKeepsItsPermissions() throws IOException {
        Path f = dir.resolve("new.html");
        AtomicFiles.writeString(f, "x");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(f, "y");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                .isEqualTo("rw-rw----");
    }

    @Test
    void aMissingDirectoryIsNamedAndNothingIsWritten() throws IOException {
        Path ok = dir.resolve("report.json");
        Path bad = dir.resolve("no-such-dir").resolve("report.html");
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(ok, "{}".getBytes(StandardCharsets.UTF_8));
        files.put(bad, "<html>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.writeAll(files)).isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-dir").hasMessageContaining("does not exist");
        assertThat(ok).doesNotExist();
    }

    @Test
    void aDirectoryAsTheTargetOrAFileAsTheParentIsRejected() throws IOException {
        assertThatThrownBy(() -> AtomicFiles.writeString(dir, "x")).isInstanceOf(IOException.class)
                .hasMessageContaining("is a directory");
        Path file = dir.resolve("plain");
        Files.writeString(file, "keep");
        assertThatThrownBy(() -> AtomicFiles.writeString(file.resolve("out.html"), "x"))
                .isInstanceOf(IOException.class).hasMessageContaining("does not exist");
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    @Test
    void aFailedStagingLeavesTheOldFilesAndNoPartialOnes() throws IOException {
        Path keep = dir.resolve("report.html");
        Files.writeString(keep, "old");
        Path asDir = dir.resolve("taken");
        Files.createDirectory(asDir);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(keep, "new".getBytes(StandardCharsets.UTF_8));
        files.put(asDir, "x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> AtomicFiles.writeAll(files)).isInstanceOf(IOException.class);
        assertThat(Files.readString(keep)).isEqualTo("old");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "taken");
        }
    }
}
