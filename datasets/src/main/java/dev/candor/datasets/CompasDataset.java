package dev.candor.datasets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * ProPublica's COMPAS two-year recidivism data (Angwin, Larson, Mattu and Kirchner, "Machine Bias",
 * 2016), file {@code compas-scores-two-years.csv} (7,214 rows).
 *
 * <p>Preprocessing:
 * <ul>
 *   <li>ProPublica's filter from {@code Compas Analysis.ipynb}, applied as five rules in this order,
 *       each reported as a {@link DroppedRows} with its count: {@code days_b_screening_arrest} empty
 *       (307 rows); {@code days_b_screening_arrest} outside [-30, 30] (735); {@code is_recid == -1}
 *       (0); {@code c_charge_degree == "O"} (0); {@code score_text == "N/A"} (0). 6,172 rows remain,
 *       in file order.</li>
 *   <li>The header has duplicate names ({@code decile_score}, {@code priors_count}, identical
 *       columns); the first occurrence is used.</li>
 *   <li>Label {@code two_year_recid} with favorable = no recidivism: 0 becomes label 1, 1 becomes 0;
 *       {@link Dataset#favorableValue()} is {@code "0"}.</li>
 *   <li>Features (the AIF360 {@code CompasDataset} set without the 400-level free-text charge
 *       description, plus the COMPAS score): numeric {@code age, juv_fel_count, juv_misd_count,
 *       juv_other_count, priors_count}; categorical {@code c_charge_degree} (F, M), {@code sex},
 *       {@code race}, {@code age_cat}; and numeric {@code decile_score} (the COMPAS score 1-10, kept so
 *       users can audit it; remove it with {@link Dataset#dropFeatures(String...)} to model recidivism
 *       without it). Levels are the observed values, sorted. Identifying columns ({@code id, name,
 *       first, last, dob}), dates, case numbers and outcome columns ({@code is_recid}, {@code r_*},
 *       {@code violent_recid}, ...) are not read into the dataset.</li>
 *   <li>Protected {@code race} (six values, privileged {@code Caucasian}) and {@code sex} (privileged
 *       {@code Female}, as AIF360 does).</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class CompasDataset {

    /** The registry name. */
    public static final String NAME = "compas";

    static final String[] NUMERIC = {"age", "juv_fel_count", "juv_misd_count", "juv_other_count", "priors_count"};
    static final String[] CATEGORICAL = {"c_charge_degree", "sex", "race", "age_cat"};
    static final String SCORE = "decile_score";
    /** The filter rules, in the order they are applied. */
    public static final List<String> RULES = List.of(
            "days_b_screening_arrest is empty",
            "days_b_screening_arrest outside [-30, 30]",
            "is_recid == -1",
            "c_charge_degree == 'O'",
            "score_text == 'N/A'");

    private CompasDataset() {
    }

    /**
     * @return the filtered dataset (6,172 rows)
     * @throws UncheckedIOException  if the file cannot be read or downloaded
     * @throws IllegalStateException if its SHA-256 is not the published one
     */
    public static Dataset load() {
        return load(DataFiles.defaults());
    }

    /**
     * @param files where to find the file
     * @return the filtered dataset
     */
    public static Dataset load(DataFiles files) {
        try {
            return read(files.resolve(RemoteFile.COMPAS_TWO_YEARS));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Reads a file in the {@code compas-scores-two-years.csv} format.
     *
     * @param file the file
     * @return the filtered dataset
     * @throws IOException         if it cannot be read
     * @throws DataFormatException if a needed column is missing, a number does not parse, or the label
     *                             is not 0 or 1 (the message names the line and column)
     */
    public static Dataset read(Path file) throws IOException {
        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
             CSVParser p = CSVFormat.RFC4180.parse(r)) {
            records = p.getRecords();
        }
        if (records.isEmpty()) {
            throw new DataFormatException(file, 1, null, "the file is empty (no header)");
        }
        CSVRecord header = records.get(0);
        Map<String, Integer> col = new HashMap<>();
        for (int k = 0; k < header.size(); k++) {
            col.putIfAbsent(header.get(k).trim(), k);
        }
        List<String> needed = new ArrayList<>(List.of(NUMERIC));
        needed.addAll(List.of(CATEGORICAL));
        needed.addAll(List.of(SCORE, "days_b_screening_arrest", "is_recid", "score_text", "two_year_recid"));
        for (String c : needed) {
            if (!col.containsKey(c)) {
                throw new DataFormatException(file, 1, c, "column missing from the header");
            }
        }
        int[] dropped = new int[RULES.size()];
        List<CSVRecord> kept = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord rec = records.get(i);
            long line = rec.getRecordNumber();
            if (rec.size() != header.size()) {
                throw new DataFormatException(file, line, null, "has " + rec.size() + " fields, the header has "
                        + header.size());
            }
            String days = rec.get(col.get("days_b_screening_arrest")).trim();
            if (days.isEmpty()) {
                dropped[0]++;
                continue;
            }
            double d = number(file, line, "days_b_screening_arrest", days);
            if (d > 30 || d < -30) {
                dropped[1]++;
                continue;
            }
            if (number(file, line, "is_recid", rec.get(col.get("is_recid"))) == -1) {
                dropped[2]++;
                continue;
            }
            if (rec.get(col.get("c_charge_degree")).trim().equals("O")) {
                dropped[3]++;
                continue;
            }
            if (rec.get(col.get("score_text")).trim().equals("N/A")) {
                dropped[4]++;
                continue;
            }
            kept.add(rec);
        }
        List<Feature> features = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String c : NUMERIC) {
            features.add(Feature.numeric(c));
            order.add(c);
        }
        for (String c : CATEGORICAL) {
            TreeSet<String> lv = new TreeSet<>();
            for (CSVRecord rec : kept) {
                String v = rec.get(col.get(c)).trim();
                if (v.isEmpty()) {
                    throw new DataFormatException(file, rec.getRecordNumber(), c, "empty value");
                }
                lv.add(v);
            }
            features.add(Feature.categorical(c, List.copyOf(lv)));
            order.add(c);
        }
        features.add(Feature.numeric(SCORE));
        order.add(SCORE);
        int n = kept.size();
        double[][] x = new double[n][features.size()];
        int[] y = new int[n];
        String[] race = new String[n];
        String[] sex = new String[n];
        for (int i = 0; i < n; i++) {
            CSVRecord rec = kept.get(i);
            long line = rec.getRecordNumber();
            for (int j = 0; j < features.size(); j++) {
                Feature f = features.get(j);
                String v = rec.get(col.get(order.get(j))).trim();
                x[i][j] = f.isCategorical() ? f.code(v) : number(file, line, f.name(), v);
            }
            String label = rec.get(col.get("two_year_recid")).trim();
            y[i] = switch (label) {
                case "0" -> 1;
                case "1" -> 0;
                default -> throw new DataFormatException(file, line, "two_year_recid", "'" + label
                        + "' is not 0 or 1");
            };
            race[i] = rec.get(col.get("race")).trim();
            sex[i] = rec.get(col.get("sex")).trim();
        }
        Dataset.Builder b = Dataset.builder(NAME)
                .features(features, x)
                .labels("two_year_recid", "0", y)
                .protectedAttribute(ProtectedAttribute.of("race", race, "Caucasian"))
                .protectedAttribute(ProtectedAttribute.of("sex", sex, "Female"));
        for (int k = 0; k < RULES.size(); k++) {
            b.dropped(new DroppedRows(RULES.get(k), dropped[k]));
        }
        return b.build();
    }

    private static double number(Path file, long line, String column, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, column, "'" + v + "' is not a number");
        }
    }
}
