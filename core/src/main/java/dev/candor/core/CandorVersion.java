package dev.candor.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Candor on the class path, read once from the build's filtered resource.
 *
 * @since 0.1.0
 */
public final class CandorVersion {

    private static final String VERSION = load();

    private CandorVersion() {
    }

    /** @return the Candor version, for example {@code 0.1.0}; never null. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = CandorVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Candor's version resource", e);
        }
    }
}
