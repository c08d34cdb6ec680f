package dev.candor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.candor.core.BadInputException;
import dev.candor.core.CandorVersion;
import dev.candor.monitor.DatasetProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON file of a {@link DatasetProfile} ({@code candor profile --out ref.profile.json}):
 * {@code {"format": "candor-profile", "candor_version": ..., "source": ..., "features": [ ... ]}}, each
 * feature as {@code FeatureProfile.toMap()} gives it (counts, missing, Welford moments, bins fixed
 * from the profiled data, category counts, the serialized KLL sketch). Reading it back gives a profile
 * equal to the one written, which merges with profiles of other batches.
 *
 * @since 0.1.0
 */
public final class ProfileJson {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "candor-profile";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileJson() {
    }

    /**
     * @param profile the profile
     * @param source  what was profiled (for example the file name)
     * @return the JSON text
     */
    public static String toJson(DatasetProfile profile, String source) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("candor_version", CandorVersion.get());
        root.put("source", source);
        root.putAll(profile.toMap());
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the profile as JSON", e);
        }
    }

    /**
     * @param file a file written by {@link #toJson(DatasetProfile, String)}
     * @return the profile
     * @throws IOException if the file cannot be read
     * @throws BadInputException if it is not a Candor profile, naming the file
     */
    public static DatasetProfile read(Path file) throws IOException {
        Map<String, Object> root;
        try {
            root = MAPPER.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (!FORMAT.equals(root.get("format"))) {
            throw new BadInputException(file + ": not a Candor profile (\"format\" is " + root.get("format")
                    + ", expected \"" + FORMAT + "\")");
        }
        try {
            return DatasetProfile.fromMap(root);
        } catch (RuntimeException e) {
            throw new BadInputException(file + ": malformed profile: " + e.getMessage(), e);
        }
    }
}
