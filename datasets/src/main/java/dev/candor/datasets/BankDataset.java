package dev.candor.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * UCI Bank marketing (Moro, Cortez and Rita, "A data-driven approach to predict the success of bank
 * telemarketing", Decision Support Systems 62, 2014; doi:10.24432/C5K306), file {@code bank-full.csv}:
 * 45,211 calls of a Portuguese bank's campaigns, in time order from May 2008 to November 2010.
 *
 * <p>Reading:
 * <ul>
 *   <li>{@code ;}-separated, quoted strings, one header line; <b>every row is kept, in file order</b>,
 *       which is the order of time (the file has no date; see {@link #periods(Dataset)}). The value
 *       {@code unknown} is kept as a level of its feature: AIF360's {@code BankDataset} drops such
 *       rows (it reads {@code bank-additional-full.csv} with {@code na_values=["unknown"]}), which
 *       would cut holes in the timeline a monitor watches.</li>
 *   <li>Label {@code y}, favorable value {@code yes} (the client subscribed a term deposit): label 1
 *       for {@code yes}, 0 for {@code no}; any other value is an error naming the line.</li>
 *   <li>Features: numeric {@code age, balance, day, campaign, pdays, previous}; categorical
 *       {@code job, marital, education, default, housing, loan, contact, month, poutcome}, levels the
 *       observed values sorted, except {@code month}, whose levels are the twelve months in calendar
 *       order ({@code jan} ... {@code dec}). {@code duration} (the call's length) is left out: it is
 *       known only after the call and determines the outcome (the UCI notes say to discard it for a
 *       realistic model), as the monitoring golden files do.</li>
 *   <li>Protected attributes: {@code age_group}, {@code ge25} when {@code age >= 25} (privileged, as
 *       AIF360's {@code BankDataset} defines it) else {@code lt25}; and {@code marital}
 *       ({@code married}, {@code single}, {@code divorced}), multi-valued, with no privileged
 *       value.</li>
 * </ul>
 * Known counts (checked by the tests): 45,211 rows, 5,289 {@code yes} (11.70%); 809 rows with age
 * under 25, 207 of them {@code yes}.
 *
 * <p>The file is read from the datasets directory or the cache; when it is in neither, UCI's
 * {@code bank.zip} is downloaded once and the file extracted from it
 * ({@link DataFiles#resolveMember}), both checked against their published SHA-256.
 *
 * @since 0.2.0
 */
public final class BankDataset {

    /** The registry name. */
    public static final String NAME = "bank";
    /** The age from which a client is in the privileged {@code ge25} group (AIF360: {@code age >= 25}). */
    public static final int PRIVILEGED_AGE = 25;

    static final String[] NUMERIC = {"age", "balance", "day", "campaign", "pdays", "previous"};
    static final String[] CATEGORICAL = {"job", "marital", "education", "default", "housing", "loan", "contact",
        "month", "poutcome"};
    /** The {@code month} levels, in calendar order. */
    public static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");
    /** The month of the file's first row: May 2008 (Moro et al., 2014). */
    public static final YearMonth FIRST_MONTH = YearMonth.of(2008, 5);

    private BankDataset() {
    }

    /**
     * @return the dataset (45,211 rows in time order)
     * @throws UncheckedIOException  if the file cannot be read or downloaded
     * @throws IllegalStateException if its SHA-256 is not the published one
     */
    public static Dataset load() {
        return load(DataFiles.defaults());
    }

    /**
     * @param files where to find the file
     * @return the dataset
     * @throws UncheckedIOException  if the file is not found or cannot be read
     * @throws IllegalStateException if its SHA-256 is not the published one
     */
    public static Dataset load(DataFiles files) {
        try {
            return read(files.resolveMember(RemoteFile.BANK_ZIP, "bank-full.csv", RemoteFile.BANK_FULL));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * Reads a file in the {@code bank-full.csv} format.
     *
     * @param file the file
     * @return the dataset, every row in file order
     * @throws IOException         if it cannot be read
     * @throws DataFormatException if a column is missing, a number does not parse, a value is empty, or
     *                             {@code y} or {@code month} has an unexpected value (the message names
     *                             the line and column)
     */
    public static Dataset read(Path file) throws IOException {
        CsvTable t = CsvTable.read(file, ';');
        int n = t.rows();
        if (n == 0) {
            throw new DataFormatException(file, t.headerLine(), null, "the file has a header but no rows");
        }
        List<Feature> features = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        for (String c : NUMERIC) {
            features.add(Feature.numeric(c));
            cols.add(t.column(c));
        }
        for (String c : CATEGORICAL) {
            int k = t.column(c);
            List<String> levels;
            if (c.equals("month")) {
                levels = MONTHS;
            } else {
                TreeSet<String> lv = new TreeSet<>();
                for (int i = 0; i < n; i++) {
                    lv.add(t.require(i, k));
                }
                levels = List.copyOf(lv);
            }
            features.add(Feature.categorical(c, levels));
            cols.add(k);
        }
        int yCol = t.column("y");
        int ageCol = t.column("age");
        int maritalCol = t.column("marital");
        double[][] x = new double[n][features.size()];
        int[] y = new int[n];
        String[] ageGroup = new String[n];
        String[] marital = new String[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features.size(); j++) {
                Feature f = features.get(j);
                String v = t.require(i, cols.get(j));
                if (f.isCategorical()) {
                    int code = f.code(v);
                    if (code < 0) {
                        throw t.error(i, f.name(), "'" + v + "' is not one of " + f.levels());
                    }
                    x[i][j] = code;
                } else {
                    x[i][j] = number(t, i, f.name(), v);
                }
            }
            String label = t.require(i, yCol);
            y[i] = switch (label) {
                case "yes" -> 1;
                case "no" -> 0;
                default -> throw t.error(i, "y", "'" + label + "' is not yes or no");
            };
            ageGroup[i] = number(t, i, "age", t.value(i, ageCol)) >= PRIVILEGED_AGE ? "ge25" : "lt25";
            marital[i] = t.value(i, maritalCol);
        }
        return Dataset.builder(NAME)
                .features(features, x)
                .labels("y", "yes", y)
                .protectedAttribute(ProtectedAttribute.of("age_group", ageGroup, "ge25"))
                .protectedAttribute(ProtectedAttribute.of("marital", marital))
                .build();
    }

    /**
     * The calendar month of every row. The file has no year; its rows are in time order from
     * {@link #FIRST_MONTH}, so the year advances by one each time the month goes back (December to
     * January happens twice: rows 27,729 and 42,591 are the first of 2009 and 2010). A month that
     * goes forward by more than one (2008 has no September) stays in the same year.
     *
     * @param bank the dataset as loaded (rows in file order, with its {@code month} feature)
     * @return the month of each row
     * @throws IllegalArgumentException if the dataset has no categorical {@code month} feature with
     *                                  the calendar levels
     */
    public static YearMonth[] periods(Dataset bank) {
        int j = bank.featureIndex("month");
        if (!bank.features().get(j).levels().equals(MONTHS)) {
            throw new IllegalArgumentException("dataset '" + bank.name() + "' has no month feature with the levels "
                    + MONTHS);
        }
        double[] month = bank.column("month");
        YearMonth[] out = new YearMonth[month.length];
        int year = FIRST_MONTH.getYear();
        int prev = FIRST_MONTH.getMonthValue();
        for (int i = 0; i < month.length; i++) {
            int m = (int) month[i] + 1;
            if (m < prev) {
                year++;
            }
            out[i] = YearMonth.of(year, m);
            prev = m;
        }
        return out;
    }

    private static double number(CsvTable t, int row, String column, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw t.error(row, column, "'" + v + "' is not a finite number");
        }
    }
}
