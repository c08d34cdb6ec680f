package dev.candor.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The Statlog German credit data (Hofmann, 1994; doi:10.24432/C5NC77), file {@code german.data}.
 *
 * <p>Preprocessing, which follows AIF360's {@code GermanDataset} for the label and protected
 * attributes:
 * <ul>
 *   <li>1,000 rows in file order, none dropped (the file has no missing values). Each line holds 21
 *       fields separated by single spaces: attributes A1-A20, then the class.</li>
 *   <li>Label {@code credit}: class 1 (good) becomes 1 = favorable, class 2 (bad) becomes 0;
 *       {@link Dataset#favorableValue()} is {@code "1"}. 700 good, 300 bad.</li>
 *   <li>Features: the 20 attributes, named as in OpenML's {@code credit-g}: {@code checking_status,
 *       duration, credit_history, purpose, credit_amount, savings_status, employment,
 *       installment_commitment, personal_status, other_parties, residence_since, property_magnitude,
 *       age, other_payment_plans, housing, existing_credits, job, num_dependents, own_telephone,
 *       foreign_worker}. Seven are numeric (duration, credit_amount, installment_commitment,
 *       residence_since, age, existing_credits, num_dependents), 13 categorical. A categorical
 *       feature's levels are the symbolic codes of {@code german.doc} that occur in the file (for
 *       example {@code A11..A14}), in the numeric order of the code ({@code A40 < A49 < A410}).</li>
 *   <li>Protected {@code sex} from attribute 9 (personal status and sex): {@code male} for A91, A93,
 *       A94, {@code female} for A92, A95 (A95 never occurs); privileged {@code male}.</li>
 *   <li>Protected {@code age_group} from attribute 13: {@code gt25} if age &gt; 25, else
 *       {@code le25}; privileged {@code gt25}.</li>
 *   <li>No sample weights.</li>
 * </ul>
 * The attributes behind the protected columns (personal_status, age) stay features, as in AIF360.
 * {@link #meaning(String)} gives the documented meaning of a level code.
 *
 * @since 0.1.0
 */
public final class GermanCreditDataset {

    /** The registry name. */
    public static final String NAME = "german";

    static final String[] FEATURES = {"checking_status", "duration", "credit_history", "purpose",
        "credit_amount", "savings_status", "employment", "installment_commitment", "personal_status",
        "other_parties", "residence_since", "property_magnitude", "age", "other_payment_plans", "housing",
        "existing_credits", "job", "num_dependents", "own_telephone", "foreign_worker"};
    private static final boolean[] NUMERIC = new boolean[20];

    static {
        for (int a : new int[] {2, 5, 8, 11, 13, 16, 18}) {
            NUMERIC[a - 1] = true;
        }
    }

    /** The meaning of every symbolic code, shortened from {@code german.doc}. */
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("A11", "< 0 DM"), Map.entry("A12", "0 <= ... < 200 DM"),
            Map.entry("A13", ">= 200 DM / salary assignments for at least 1 year"),
            Map.entry("A14", "no checking account"),
            Map.entry("A30", "no credits taken / all credits paid back duly"),
            Map.entry("A31", "all credits at this bank paid back duly"),
            Map.entry("A32", "existing credits paid back duly till now"),
            Map.entry("A33", "delay in paying off in the past"),
            Map.entry("A34", "critical account / other credits existing (not at this bank)"),
            Map.entry("A40", "car (new)"), Map.entry("A41", "car (used)"), Map.entry("A42", "furniture/equipment"),
            Map.entry("A43", "radio/television"), Map.entry("A44", "domestic appliances"), Map.entry("A45", "repairs"),
            Map.entry("A46", "education"), Map.entry("A47", "vacation"), Map.entry("A48", "retraining"),
            Map.entry("A49", "business"), Map.entry("A410", "others"),
            Map.entry("A61", "< 100 DM"), Map.entry("A62", "100 <= ... < 500 DM"), Map.entry("A63", "500 <= ... < 1000 DM"),
            Map.entry("A64", ">= 1000 DM"), Map.entry("A65", "unknown / no savings account"),
            Map.entry("A71", "unemployed"), Map.entry("A72", "< 1 year"), Map.entry("A73", "1 <= ... < 4 years"),
            Map.entry("A74", "4 <= ... < 7 years"), Map.entry("A75", ">= 7 years"),
            Map.entry("A91", "male: divorced/separated"), Map.entry("A92", "female: divorced/separated/married"),
            Map.entry("A93", "male: single"), Map.entry("A94", "male: married/widowed"),
            Map.entry("A95", "female: single"),
            Map.entry("A101", "none"), Map.entry("A102", "co-applicant"), Map.entry("A103", "guarantor"),
            Map.entry("A121", "real estate"), Map.entry("A122", "building society savings agreement / life insurance"),
            Map.entry("A123", "car or other"), Map.entry("A124", "unknown / no property"),
            Map.entry("A141", "bank"), Map.entry("A142", "stores"), Map.entry("A143", "none"),
            Map.entry("A151", "rent"), Map.entry("A152", "own"), Map.entry("A153", "for free"),
            Map.entry("A171", "unemployed / unskilled - non-resident"), Map.entry("A172", "unskilled - resident"),
            Map.entry("A173", "skilled employee / official"),
            Map.entry("A174", "management / self-employed / highly qualified employee / officer"),
            Map.entry("A191", "none"), Map.entry("A192", "yes, registered under the customer's name"),
            Map.entry("A201", "yes"), Map.entry("A202", "no"));

    private GermanCreditDataset() {
    }

    /**
     * The meaning of a symbolic level code, as documented in {@code german.doc}, for labelling
     * reports and charts (the dataset's levels are the codes themselves).
     *
     * @param code a code such as {@code A11}
     * @return its meaning, for example {@code "< 0 DM"}
     * @throws IllegalArgumentException if the code is not documented
     */
    public static String meaning(String code) {
        String m = MEANINGS.get(code);
        if (m == null) {
            throw new IllegalArgumentException("code: '" + code + "' is not a German credit attribute code");
        }
        return m;
    }

    /**
     * Loads {@code german.data} from the datasets directory or the download cache (see {@link DataFiles}).
     *
     * @return the dataset
     * @throws UncheckedIOException  if the file cannot be read or downloaded
     * @throws IllegalStateException if its SHA-256 is not the published one
     */
    public static Dataset load() {
        return load(DataFiles.defaults());
    }

    /**
     * @param files where to find the file
     * @return the dataset
     */
    public static Dataset load(DataFiles files) {
        try {
            return read(files.resolve(RemoteFile.GERMAN_DATA));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Reads a file in the {@code german.data} format.
     *
     * @param file the file
     * @return the dataset
     * @throws IOException             if it cannot be read
     * @throws DataFormatException     if a line does not have 21 fields, a number does not parse or the
     *                                 class is not 1 or 2 (the message names the line and field)
     */
    public static Dataset read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(" +");
            if (f.length != 21) {
                throw new DataFormatException(file, ln + 1, null, "expected 21 space-separated fields, found " + f.length);
            }
            rows.add(f);
            lineNumbers.add(ln + 1);
        }
        int n = rows.size();
        List<Feature> features = new ArrayList<>();
        List<List<String>> levels = new ArrayList<>();
        for (int a = 0; a < 20; a++) {
            if (NUMERIC[a]) {
                features.add(Feature.numeric(FEATURES[a]));
                levels.add(null);
            } else {
                TreeSet<String> codes = new TreeSet<>(Comparator.comparingInt(GermanCreditDataset::codeNumber)
                        .thenComparing(Comparator.naturalOrder()));
                for (String[] r : rows) {
                    codes.add(r[a]);
                }
                List<String> lv = List.copyOf(codes);
                features.add(Feature.categorical(FEATURES[a], lv));
                levels.add(lv);
            }
        }
        double[][] x = new double[n][20];
        int[] y = new int[n];
        String[] sex = new String[n];
        String[] ageGroup = new String[n];
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            int line = lineNumbers.get(i);
            for (int a = 0; a < 20; a++) {
                if (NUMERIC[a]) {
                    try {
                        x[i][a] = Double.parseDouble(r[a]);
                    } catch (NumberFormatException e) {
                        throw new DataFormatException(file, line, FEATURES[a], "'" + r[a] + "' is not a number");
                    }
                } else {
                    x[i][a] = levels.get(a).indexOf(r[a]);
                }
            }
            switch (r[20]) {
                case "1" -> y[i] = 1;
                case "2" -> y[i] = 0;
                default -> throw new DataFormatException(file, line, "class",
                        "'" + r[20] + "' is not a German credit class (1 = good, 2 = bad)");
            }
            sex[i] = switch (r[8]) {
                case "A91", "A93", "A94" -> "male";
                case "A92", "A95" -> "female";
                default -> throw new DataFormatException(file, line, "personal_status",
                        "'" + r[8] + "' is not one of A91..A95");
            };
            ageGroup[i] = x[i][12] > 25 ? "gt25" : "le25";
        }
        return Dataset.builder(NAME)
                .features(features, x)
                .labels("credit", "1", y)
                .protectedAttribute(ProtectedAttribute.of("sex", sex, "male"))
                .protectedAttribute(ProtectedAttribute.of("age_group", ageGroup, "gt25"))
                .build();
    }

    private static int codeNumber(String code) {
        try {
            return Integer.parseInt(code.substring(1));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
