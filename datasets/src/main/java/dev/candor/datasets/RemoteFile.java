package dev.candor.datasets;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A public data file: where it sits under the datasets directory, its canonical download address
 * and the SHA-256 of its exact bytes.
 *
 * @param relativePath the path under the datasets directory (and the cache), for example
 *                     {@code german/german.data}
 * @param url          the canonical public URL
 * @param sha256       the SHA-256 of the file, 64 lowercase hex digits
 * @since 0.1.0
 */
public record RemoteFile(String relativePath, URI url, String sha256) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** @throws IllegalArgumentException if the path is absolute or escapes its directory, or the hash is malformed */
    public RemoteFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (relativePath.isBlank() || relativePath.startsWith("/") || relativePath.contains("..")) {
            throw new IllegalArgumentException("relativePath: must be a relative path inside the datasets directory, got '"
                    + relativePath + "'");
        }
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256: expected 64 hex digits, got '" + sha256 + "'");
        }
    }

    // The canonical files, with the SHA-256 values recorded in the shared datasets README.

    /** UCI Adult training file. */
    public static final RemoteFile ADULT_DATA = new RemoteFile("adult/adult.data",
            URI.create("https://archive.ics.uci.edu/ml/machine-learning-databases/adult/adult.data"),
            "5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d");
    /** UCI Adult test file. */
    public static final RemoteFile ADULT_TEST = new RemoteFile("adult/adult.test",
            URI.create("https://archive.ics.uci.edu/ml/machine-learning-databases/adult/adult.test"),
            "a2a9044bc167a35b2361efbabec64e89d69ce82d9790d2980119aac5fd7e9c05");
    /** Statlog German credit, symbolic version. */
    public static final RemoteFile GERMAN_DATA = new RemoteFile("german/german.data",
            URI.create("https://archive.ics.uci.edu/ml/machine-learning-databases/statlog/german/german.data"),
            "b21f3d81db8071257d5ff1deaeba1fd4303b62712e6fcc9715c7a86202cb5871");
    /** ProPublica COMPAS two-year recidivism file, pinned to a commit. */
    public static final RemoteFile COMPAS_TWO_YEARS = new RemoteFile("compas/compas-scores-two-years.csv",
            URI.create("https://raw.githubusercontent.com/propublica/compas-analysis/"
                    + "bafff5da3f2e45eca6c2d5055faad269defd135a/compas-scores-two-years.csv"),
            "c451db85908b2f7fef1d83203bedf6b71ecda0d5af468d82ae62178f91d0cc7d");
    /** UCI Bank marketing's archive, {@code bank.zip}, which holds {@code bank-full.csv}. */
    public static final RemoteFile BANK_ZIP = new RemoteFile("bank/bank.zip",
            URI.create("https://archive.ics.uci.edu/ml/machine-learning-databases/00222/bank.zip"),
            "99d7e8eb12401ed278b793984423915411ea8df099e1795f9fefe254f513fe5e");
    /**
     * UCI Bank marketing, {@code bank-full.csv}; UCI publishes it only inside {@link #BANK_ZIP} (the
     * URL given here), so it is fetched with {@link DataFiles#resolveMember}.
     */
    public static final RemoteFile BANK_FULL = new RemoteFile("bank/bank-full.csv", BANK_ZIP.url(),
            "d1513ec63b385506f7cfce9f2c5caa9fe99e7ba4e8c3fa264b3aaf0f849ed32d");
}
