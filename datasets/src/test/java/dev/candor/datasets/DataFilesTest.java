package dev.candor.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path, against a local HTTP server on 127.0.0.1 (the tests never reach the internet). */
class DataFilesTest {

    @TempDir
    Path cache;

    private HttpServer server;
    private byte[] german;
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] zip;
    private byte[] corruptZip;

    private static byte[] zipOf(String member, byte[] content) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            z.putNextEntry(new java.util.zip.ZipEntry("README"));
            z.write("an archive as UCI publishes them".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new java.util.zip.ZipEntry(member));
            z.write(content);
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    private RemoteFile archive(String path, byte[] bytes) throws IOException {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new RemoteFile("german/archive.zip", URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + path), java.util.HexFormat.of().formatHex(md.digest(bytes)));
    }

    @Test
    void aMemberOfAnArchiveIsDownloadedExtractedVerifiedAndCached() throws IOException {
        RemoteFile a = archive("/archive.zip", zip);
        Path p = noLocalCopies().resolveMember(a, "data/german.data", RemoteFile.GERMAN_DATA);
        assertThat(p).isEqualTo(cache.resolve("german/german.data"));
        assertThat(Files.readAllBytes(p)).isEqualTo(german);
        assertThat(cache.resolve("german/archive.zip")).hasBinaryContent(zip);
        // The second lookup uses the extracted copy, without a request.
        assertThat(noLocalCopies().resolveMember(a, "data/german.data", RemoteFile.GERMAN_DATA)).isEqualTo(p);
        assertThat(requests).hasValue(1);
        assertThat(filesInCache()).isEqualTo(2);
    }

    @Test
    void aCorruptedMemberIsRejectedAndNotCached() throws IOException {
        RemoteFile a = archive("/corrupt.zip", corruptZip);
        assertThatThrownBy(() -> noLocalCopies().resolveMember(a, "data/german.data", RemoteFile.GERMAN_DATA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("member 'data/german.data'")
                .hasMessageContaining("must have " + RemoteFile.GERMAN_DATA.sha256()).hasMessageContaining("nothing was cached");
        assertThat(cache.resolve("german/german.data")).doesNotExist();
        assertThat(filesInCache()).as("only the verified archive").isEqualTo(1);
    }

    @Test
    void aMissingMemberIsAnIoError() throws IOException {
        RemoteFile a = archive("/archive.zip", zip);
        assertThatThrownBy(() -> noLocalCopies().resolveMember(a, "german.data", RemoteFile.GERMAN_DATA))
                .isInstanceOf(IOException.class).hasMessageContaining("has no member 'german.data'");
        assertThat(cache.resolve("german/german.data")).doesNotExist();
    }

    @Test
    void anArchiveWithTheWrongHashIsNotOpened() throws IOException {
        RemoteFile wrong = new RemoteFile("german/archive.zip", archive("/corrupt.zip", corruptZip).url(),
                archive("/archive.zip", zip).sha256());
        assertThatThrownBy(() -> noLocalCopies().resolveMember(wrong, "data/german.data", RemoteFile.GERMAN_DATA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("german/archive.zip");
        assertThat(filesInCache()).isZero();
    }

    @BeforeEach
    void start() throws IOException {
        german = Files.readAllBytes(SharedData.datasetsDir().orElseThrow().resolve("german/german.data"));
        byte[] corrupted = german.clone();
        corrupted[100] ^= 1;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve("/real", german, 200);
        serve("/corrupt", corrupted, 200);
        serve("/missing", "not found".getBytes(), 404);
        zip = zipOf("data/german.data", german);
        corruptZip = zipOf("data/german.data", corrupted);
        serve("/archive.zip", zip, 200);
        serve("/corrupt.zip", corruptZip, 200);
        server.start();
    }

    private void serve(String path, byte[] body, int status) {
        server.createContext(path, ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RemoteFile at(String path) {
        return new RemoteFile("german/german.data",
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), RemoteFile.GERMAN_DATA.sha256());
    }

    private DataFiles noLocalCopies() {
        return new DataFiles(null, cache, Duration.ofSeconds(10));
    }

    private long filesInCache() throws IOException {
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void downloadsVerifiesAndCachesTheRealBytes() throws IOException {
        Path p = noLocalCopies().resolve(at("/real"));
        assertThat(p).isEqualTo(cache.resolve("german/german.data"));
        assertThat(Files.readAllBytes(p)).isEqualTo(german);
        assertThat(DataFiles.sha256(p)).isEqualTo(RemoteFile.GERMAN_DATA.sha256());
        // The second lookup is served from the cache, without a request.
        assertThat(noLocalCopies().resolve(at("/real"))).isEqualTo(p);
        assertThat(requests).hasValue(1);
        assertThat(filesInCache()).isEqualTo(1);
        // And the loader reads the cached copy.
        assertThat(GermanCreditDataset.load(noLocalCopies()).rows()).isEqualTo(1000);
    }

    @Test
    void corruptedDownloadIsRejectedAndLeavesNoFile() throws IOException {
        assertThatThrownBy(() -> noLocalCopies().resolve(at("/corrupt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("german/german.data")
                .hasMessageContaining("expected " + RemoteFile.GERMAN_DATA.sha256())
                .hasMessageContaining("nothing was cached");
        assertThat(filesInCache()).isZero();
    }

    @Test
    void httpErrorIsAnIoErrorAndLeavesNoFile() throws IOException {
        assertThatThrownBy(() -> noLocalCopies().resolve(at("/missing")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP status 404")
                .hasMessageContaining("/missing");
        assertThat(filesInCache()).isZero();
    }

    @Test
    void unreachableServerIsAnIoErrorAndLeavesNoFile() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        RemoteFile f = new RemoteFile("german/german.data", URI.create("http://127.0.0.1:" + port + "/real"),
                RemoteFile.GERMAN_DATA.sha256());
        assertThatThrownBy(() -> noLocalCopies().resolve(f)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot download german/german.data");
        assertThat(filesInCache()).isZero();
    }

    @Test
    void tamperedCachedOrLocalCopyIsRejected() throws IOException {
        Path p = cache.resolve("german/german.data");
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> noLocalCopies().resolve(at("/real"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("has SHA-256");
        assertThat(requests).hasValue(0);
    }

    @Test
    void localCopyWinsOverTheCacheAndTheNetwork() throws IOException {
        DataFiles files = new DataFiles(SharedData.datasetsDir().orElseThrow(), cache, Duration.ofSeconds(10));
        assertThat(files.resolve(at("/corrupt"))).isEqualTo(SharedData.datasetsDir().orElseThrow()
                .resolve("german/german.data"));
        assertThat(requests).hasValue(0);
    }

    @Test
    void sha256OfTheSharedFilesMatchesTheReadme() throws IOException {
        // datasets/README.md summary table.
        Path d = SharedData.datasetsDir().orElseThrow();
        for (RemoteFile f : new RemoteFile[] {RemoteFile.ADULT_DATA, RemoteFile.ADULT_TEST, RemoteFile.GERMAN_DATA,
            RemoteFile.COMPAS_TWO_YEARS, RemoteFile.BANK_FULL}) {
            assertThat(DataFiles.sha256(d.resolve(f.relativePath()))).as(f.relativePath()).isEqualTo(f.sha256());
        }
    }
}
