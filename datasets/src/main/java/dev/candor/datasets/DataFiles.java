package dev.candor.datasets;

import dev.candor.core.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Finds a {@link RemoteFile} on disk, downloading it once into a cache when it is absent.
 *
 * <p>Lookup order:
 * <ol>
 *   <li>the datasets directory ({@link SharedData#datasetsDir()}: {@code CANDOR_DATA} or
 *       {@code ../shared/datasets});</li>
 *   <li>the cache directory ({@code $CANDOR_CACHE}, else {@code ~/.cache/candor/datasets});</li>
 *   <li>a download from {@link RemoteFile#url()} into the cache.</li>
 * </ol>
 * Every file found or fetched is checked against {@link RemoteFile#sha256()} before use; a mismatch
 * is an error naming the file and both hashes. A download is written to a temporary file in the
 * cache directory, hashed while it is written, and moved to its final name atomically only when the
 * hash matches; on any failure (HTTP error, timeout, wrong hash) the temporary file is deleted, so
 * the cache never holds a partial or unverified file.
 *
 * @since 0.1.0
 */
public final class DataFiles {

    private final Path datasetsDir;
    private final Path cacheDir;
    private final Duration timeout;

    /**
     * @param datasetsDir a directory of local copies, or null for none
     * @param cacheDir    where downloads go
     * @param timeout     the connect and request timeout of a download
     */
    public DataFiles(Path datasetsDir, Path cacheDir, Duration timeout) {
        this.datasetsDir = datasetsDir;
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** @return the default lookup: shared datasets directory, default cache, 60 s timeout */
    public static DataFiles defaults() {
        return new DataFiles(SharedData.datasetsDir().orElse(null), defaultCacheDir(), Duration.ofSeconds(60));
    }

    /** @return {@code $CANDOR_CACHE} if set, else {@code ~/.cache/candor/datasets} */
    public static Path defaultCacheDir() {
        String env = System.getenv("CANDOR_CACHE");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        return Paths.get(System.getProperty("user.home"), ".cache", "candor", "datasets");
    }

    /**
     * @param file the file wanted
     * @return the path of a verified copy
     * @throws IOException           if the file cannot be read or downloaded
     * @throws IllegalStateException if a local copy, cached copy or download has the wrong SHA-256
     */
    public Path resolve(RemoteFile file) throws IOException {
        if (datasetsDir != null) {
            Path local = datasetsDir.resolve(file.relativePath());
            if (Files.isRegularFile(local)) {
                verify(local, file);
                return local;
            }
        }
        Path cached = cacheDir.resolve(file.relativePath());
        if (Files.isRegularFile(cached)) {
            verify(cached, file);
            return cached;
        }
        return download(file, cached);
    }

    /**
     * Like {@link #resolve(RemoteFile)}, for a file published only inside a zip archive (Bank
     * marketing's {@code bank-full.csv} inside {@code bank.zip}): a verified local or cached copy of
     * the file is used when there is one; otherwise the archive is resolved (found or downloaded and
     * checked against its own SHA-256), the member is extracted to a temporary file in the cache,
     * checked against the file's SHA-256 and moved to its final name atomically. Only the named
     * member is read, and its name in the archive never chooses where it is written.
     *
     * @param archive the zip archive
     * @param member  the member's name inside it
     * @param file    the file wanted (its {@code url} may be the archive's)
     * @return the path of a verified copy
     * @throws IOException           if the archive cannot be read or downloaded, or has no such member
     * @throws IllegalStateException if the archive or the extracted file has the wrong SHA-256
     */
    public Path resolveMember(RemoteFile archive, String member, RemoteFile file) throws IOException {
        java.util.Optional<Path> found = local(file);
        if (found.isPresent()) {
            return found.get();
        }
        Path zip = resolve(archive);
        Path target = cacheDir.resolve(file.relativePath());
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            java.util.zip.ZipEntry e = z.getEntry(member);
            if (e == null || e.isDirectory()) {
                throw new IOException("archive " + zip + " has no member '" + member + "'");
            }
            MessageDigest md = sha256Digest();
            try (InputStream in = new DigestInputStream(z.getInputStream(e), md); OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(file.sha256())) {
                throw new IllegalStateException("member '" + member + "' of " + zip + " has SHA-256 " + got
                        + " but " + file.relativePath() + " must have " + file.sha256() + "; nothing was cached");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Finds a verified copy in the datasets directory or the cache, never downloading.
     *
     * @param file the file wanted
     * @return the path of a verified copy, or empty when there is none
     * @throws IOException           if a copy exists but cannot be read
     * @throws IllegalStateException if a copy has the wrong SHA-256
     */
    public java.util.Optional<Path> local(RemoteFile file) throws IOException {
        for (Path dir : new Path[] {datasetsDir, cacheDir}) {
            if (dir != null && Files.isRegularFile(dir.resolve(file.relativePath()))) {
                Path p = dir.resolve(file.relativePath());
                verify(p, file);
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    private static void verify(Path p, RemoteFile file) throws IOException {
        String got = sha256(p);
        if (!got.equals(file.sha256())) {
            throw new IllegalStateException("file " + p + " has SHA-256 " + got + " but " + file.relativePath()
                    + " must have " + file.sha256() + "; replace it with the original from " + file.url());
        }
    }

    private Path download(RemoteFile file, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpRequest req = HttpRequest.newBuilder(file.url()).timeout(timeout).GET().build();
            HttpResponse<InputStream> resp;
            try {
                resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("download of " + file.url() + " was interrupted", e);
            }
            MessageDigest md = sha256Digest();
            try (InputStream in = new DigestInputStream(resp.body(), md); OutputStream out = Files.newOutputStream(tmp)) {
                if (resp.statusCode() != 200) {
                    throw new IOException("cannot download " + file.relativePath() + " from " + file.url()
                            + ": HTTP status " + resp.statusCode());
                }
                in.transferTo(out);
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(file.sha256())) {
                throw new IllegalStateException("download of " + file.relativePath() + " from " + file.url()
                        + " has SHA-256 " + got + ", expected " + file.sha256() + "; nothing was cached");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("cannot download")) {
                throw e;
            }
            throw new IOException("cannot download " + file.relativePath() + " from " + file.url() + ": " + e, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param p a file
     * @return its SHA-256 as lowercase hex
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path p) throws IOException {
        MessageDigest md = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
