package dev.candor.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The UCI Adult census income data (Becker and Kohavi, 1996; doi:10.24432/C5XW20), files
 * {@code adult.data} (32,561 rows) and {@code adult.test} (16,281 rows).
 *
 * <p>Preprocessing ({@link #load()}), which follows AIF360's {@code AdultDataset} for the rows,
 * label and protected attributes:
 * <ul>
 *   <li>Rows of {@code adult.data} then {@code adult.test}, in file order. Fields are split on
 *       {@code ','} and trimmed; blank lines and the first line of {@code adult.test}
 *       ({@code |1x3 Cross validator}) are skipped.</li>
 *   <li>Rows with the missing-value token {@code ?} in any column are dropped (2,399 + 1,221) and
 *       reported as one {@link DroppedRows} rule, leaving 45,222 rows (30,162 + 15,060).</li>
 *   <li>Label {@code income}: {@code >50K} is 1 = favorable, {@code <=50K} is 0, after removing the
 *       trailing dot of the test labels; {@link Dataset#favorableValue()} is {@code ">50K"}.</li>
 *   <li>Features: all 14 attributes, in file order, with the names of {@code adult.names}: numeric
 *       {@code age, fnlwgt, education-num, capital-gain, capital-loss, hours-per-week}; categorical
 *       {@code workclass, education, marital-status, occupation, relationship, race, sex,
 *       native-country}. Unlike AIF360, {@code fnlwgt} is kept (drop it with
 *       {@link Dataset#dropFeatures(String...)} if wanted). A categorical feature's levels are the
 *       values observed in <em>both</em> files, sorted (so that {@code Holand-Netherlands}, which
 *       occurs only in {@code adult.data}, has a level in every part).</li>
 *   <li>Protected {@code sex} (privileged {@code Male}) and {@code race} (five values, privileged
 *       {@code White}).</li>
 *   <li>No sample weights ({@code fnlwgt} is a census sampling weight, kept as a feature as the
 *       reference models do, not a sample weight).</li>
 * </ul>
 * {@link #load(Part, MissingValues)} loads one file only, or keeps the {@code ?} rows with {@code ?}
 * as a category of its own (as the golden Adult predictions do).
 *
 * @since 0.1.0
 */
public final class AdultDataset {

    /** The registry name. */
    public static final String NAME = "adult";

    /** Which file(s) to read. */
    public enum Part {
        /** {@code adult.data} only. */
        TRAIN,
        /** {@code adult.test} only. */
        TEST,
        /** {@code adult.data} then {@code adult.test}. */
        ALL
    }

    /** What to do with the {@code ?} token. */
    public enum MissingValues {
        /** Drop every row with a {@code ?}; the count is reported. */
        DROP_ROWS,
        /** Keep the rows; {@code ?} is a level of its own. */
        KEEP_AS_CATEGORY
    }

    static final String[] COLUMNS = {"age", "workclass", "fnlwgt", "education", "education-num",
        "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss",
        "hours-per-week", "native-country"};
    private static final boolean[] NUMERIC = {true, false, true, false, true, false, false, false, false,
        false, true, true, true, false};
    /** The rule text reported for the dropped rows. */
    public static final String MISSING_RULE = "a '?' (missing value) in any column";

    private AdultDataset() {
    }

    /**
     * Both files, '?' rows dropped: 45,222 rows.
     *
     * @return the dataset
     * @throws UncheckedIOException  if a file cannot be read or downloaded
     * @throws IllegalStateException if a file's SHA-256 is not the published one
     */
    public static Dataset load() {
        return load(Part.ALL, MissingValues.DROP_ROWS);
    }

    /**
     * @param part    which file(s)
     * @param missing how to treat {@code ?}
     * @return the dataset
     */
    public static Dataset load(Part part, MissingValues missing) {
        return load(DataFiles.defaults(), part, missing);
    }

    /**
     * @param files   where to find the files
     * @param part    which file(s)
     * @param missing how to treat {@code ?}
     * @return the dataset
     */
    public static Dataset load(DataFiles files, Part part, MissingValues missing) {
        try {
            return read(files.resolve(RemoteFile.ADULT_DATA), files.resolve(RemoteFile.ADULT_TEST), part, missing);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Reads files in the {@code adult.data} / {@code adult.test} format. Both are always read, because
     * the levels come from both.
     *
     * @param trainFile {@code adult.data}
     * @param testFile  {@code adult.test}
     * @param part      which rows to return
     * @param missing   how to treat {@code ?}
     * @return the dataset
     * @throws IOException         if a file cannot be read
     * @throws DataFormatException if a line does not have 15 fields, a number does not parse, or a
     *                             label is neither {@code >50K} nor {@code <=50K}
     */
    public static Dataset read(Path trainFile, Path testFile, Part part, MissingValues missing) throws IOException {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(missing, "missing");
        List<Record> train = parse(trainFile);
        List<Record> test = parse(testFile);
        boolean keep = missing == MissingValues.KEEP_AS_CATEGORY;
        List<Feature> features = new ArrayList<>();
        for (int a = 0; a < 14; a++) {
            if (NUMERIC[a]) {
                features.add(Feature.numeric(COLUMNS[a]));
            } else {
                TreeSet<String> lv = new TreeSet<>();
                for (List<Record> file : List.of(train, test)) {
                    for (Record r : file) {
                        if (keep || !r.missing) {
                            lv.add(r.fields[a]);
                        }
                    }
                }
                features.add(Feature.categorical(COLUMNS[a], List.copyOf(lv)));
            }
        }
        List<Record> rows = new ArrayList<>();
        if (part != Part.TEST) {
            rows.addAll(train);
        }
        if (part != Part.TRAIN) {
            rows.addAll(test);
        }
        int dropped = 0;
        if (!keep) {
            int before = rows.size();
            rows.removeIf(r -> r.missing);
            dropped = before - rows.size();
        }
        int n = rows.size();
        double[][] x = new double[n][14];
        int[] y = new int[n];
        String[] sex = new String[n];
        String[] race = new String[n];
        for (int i = 0; i < n; i++) {
            Record r = rows.get(i);
            for (int a = 0; a < 14; a++) {
                if (NUMERIC[a]) {
                    try {
                        x[i][a] = Double.parseDouble(r.fields[a]);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(r.file, r.line, COLUMNS[a], "'" + r.fields[a] + "' is not a number");
                    }
                } else {
                    x[i][a] = features.get(a).code(r.fields[a]);
                }
            }
            y[i] = r.label;
            race[i] = r.fields[8];
            sex[i] = r.fields[9];
        }
        Dataset.Builder b = Dataset.builder(NAME)
                .features(features, x)
                .labels("income", ">50K", y)
                .protectedAttribute(ProtectedAttribute.of("sex", sex, "Male"))
                .protectedAttribute(ProtectedAttribute.of("race", race, "White"));
        if (!keep) {
            b.dropped(new DroppedRows(MISSING_RULE, dropped));
        }
        return b.build();
    }

    private record Record(Path file, int line, String[] fields, int label, boolean missing) {
    }

    private static List<Record> parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<Record> out = new ArrayList<>(lines.size());
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank() || (ln == 0 && line.startsWith("|"))) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 15) {
                throw new DataFormatException(file, ln + 1, null, "expected 15 comma-separated fields, found " + f.length);
            }
            boolean missing = false;
            for (int k = 0; k < 15; k++) {
                f[k] = f[k].trim();
                missing |= f[k].equals("?");
            }
            String label = f[14].endsWith(".") ? f[14].substring(0, f[14].length() - 1) : f[14];
            int y = switch (label) {
                case ">50K" -> 1;
                case "<=50K" -> 0;
                default -> throw new DataFormatException(file, ln + 1, "income",
                        "'" + f[14] + "' is neither >50K nor <=50K");
            };
            out.add(new Record(file, ln + 1, f, y, missing));
        }
        return out;
    }
}
