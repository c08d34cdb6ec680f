package dev.candor.datasets;

import dev.candor.core.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A seeded, time-stamped log of credit decisions by a deployed model that drifts: the applicants of
 * {@link SyntheticCredit} arrive one every {@link Builder#step(Duration) step}, their income and
 * credit amounts drift gradually, the model turns against one group from a set moment on, and the
 * outcomes (labels) arrive only after a delay. It is the built-in input of {@code candor monitor}
 * (no files, no network), and every property below is part of the contract that tests check.
 *
 * <h2>Rows</h2>
 * Row {@code i} of {@code n} (0-based) is drawn from its own stream, the {@code i}-th
 * {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}:
 * <ol>
 *   <li>{@code sex}: {@code female} with probability {@code femaleShare} (default 0.35);</li>
 *   <li>the features of {@link SyntheticCredit} (its items 2-10, same distributions and order), with
 *       {@code income = round1(45 exp(incomeDrift · d_i + 0.5 Z))} and
 *       {@code credit_amount = round1(8 exp(creditDrift · d_i + 0.7 Z))};</li>
 *   <li>the label (the outcome, 1 = good credit, favorable): 1 if {@code U < σ(score)}, with
 *       {@code score} the label rule of {@link SyntheticCredit} and no bias term: the ground truth
 *       treats both groups alike.</li>
 * </ol>
 *
 * <h2>Time, drift, the model, the label delay</h2>
 * <pre>
 *   ts_i        = start + i · step                                  (column {@code ts}, ISO-8601 UTC)
 *   d_i         = max(0, (i/(n-1) - referenceShare) / (1 - referenceShare))   drift progress, 0 to 1
 *   model score = s_i = clamp(σ(score_i) - gap · [female and i ≥ gapStart · n], 0, 1)   (column {@code score})
 *   prediction  = [s_i ≥ threshold]                                  (column {@code prediction})
 *   label known = [ts_i ≤ ts_(n-1) - labelDelay]                    (column {@code credit}, empty otherwise)
 * </pre>
 * Defaults: {@code n = 20,000}, seed 12345, start 2025-01-01T00:00:00Z, step 10 minutes (the log
 * covers 138.9 days), {@code referenceShare = 0.25} (the first 5,000 rows do not drift: the reference
 * period), {@code incomeDrift = 0.4} and {@code creditDrift = 0.3} (at the end the medians are
 * {@code e^0.4 = 1.49} and {@code e^0.3 = 1.35} times the reference ones), {@code gap = 0.2} from
 * {@code gapStart = 0.5} (the middle of the log), {@code threshold = 0.5}, {@code labelDelay = 14}
 * days (the last {@code floor(labelDelay / step) = 2,016} rows have no label yet).
 *
 * <p>What follows, and what the tests measure:
 * <ul>
 *   <li>Before {@code gapStart} the model's score is the true probability, so it is calibrated and
 *       its selection rates in the two groups differ only by sampling noise (every feature but the
 *       proxy {@code zip_region} has the same distribution in both groups); from {@code gapStart} on,
 *       {@code female} applicants lose {@code gap} of their score and their selection rate drops by
 *       {@code P(threshold ≤ σ < threshold + gap)} among them.</li>
 *   <li>The mean of {@code ln(income)} rises by {@code incomeDrift · d} and that of
 *       {@code ln(credit_amount)} by {@code creditDrift · d}; {@code age}, {@code duration} and the
 *       categorical features do not drift.</li>
 * </ul>
 *
 * <p>{@link #dataset()} holds every row with its <em>eventual</em> label (as if all outcomes had
 * arrived); {@link #labelKnown()} says which are known at the end of the log, and
 * {@link #writeCsv(Path)} writes the log as a monitor reads it, with unknown labels empty.
 *
 * @since 0.2.0
 */
public final class SyntheticCreditStream {

    /** The name of this built-in log. */
    public static final String NAME = "synthetic-credit-stream";
    /** The default number of rows. */
    public static final int DEFAULT_ROWS = 20_000;
    /** The default time of the first row. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");
    /** The default time between rows. */
    public static final Duration DEFAULT_STEP = Duration.ofMinutes(10);
    /** The default share of rows, at the start, that do not drift. */
    public static final double DEFAULT_REFERENCE_SHARE = 0.25;
    /** The default shift of the log-median of income at the end of the log. */
    public static final double DEFAULT_INCOME_DRIFT = 0.4;
    /** The default shift of the log-median of the credit amount at the end of the log. */
    public static final double DEFAULT_CREDIT_DRIFT = 0.3;
    /** The default score taken from {@code female} applicants once the gap is open. */
    public static final double DEFAULT_GAP = 0.2;
    /** The default position (share of rows) where the gap opens. */
    public static final double DEFAULT_GAP_START = 0.5;
    /** The default decision threshold on the score. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** The default delay after which an outcome is known. */
    public static final Duration DEFAULT_LABEL_DELAY = Duration.ofDays(14);

    /** The columns of {@link #writeCsv(Path)}, in order. */
    public static final List<String> COLUMNS = List.of("ts", "age", "income", "credit_amount", "duration",
            "existing_debt", "housing", "purpose", "employment", "zip_region", "sex", "age_group", "score",
            "prediction", "credit");

    private final int rows;
    private final long seed;
    private final Instant start;
    private final Duration step;
    private final double referenceShare;
    private final double incomeDrift;
    private final double creditDrift;
    private final double gap;
    private final double gapStart;
    private final double threshold;
    private final Duration labelDelay;
    private final double femaleShare;

    private final Dataset dataset;
    private final double[] scores;
    private final int[] predictions;
    private final boolean[] labelKnown;

    private SyntheticCreditStream(Builder b) {
        this.rows = b.rows;
        this.seed = b.seed;
        this.start = b.start;
        this.step = b.step;
        this.referenceShare = b.referenceShare;
        this.incomeDrift = b.incomeDrift;
        this.creditDrift = b.creditDrift;
        this.gap = b.gap;
        this.gapStart = b.gapStart;
        this.threshold = b.threshold;
        this.labelDelay = b.labelDelay;
        this.femaleShare = b.femaleShare;

        SplittableRandom master = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        int[] y = new int[rows];
        String[] sex = new String[rows];
        String[] ageGroup = new String[rows];
        scores = new double[rows];
        predictions = new int[rows];
        labelKnown = new boolean[rows];
        int gapRow = gapRow();
        Instant last = time(rows - 1);
        for (int i = 0; i < rows; i++) {
            SplittableRandom r = master.split();
            boolean female = r.nextDouble() < femaleShare;
            double d = drift(i);
            double[] row = SyntheticCredit.features(r, female, incomeDrift * d, creditDrift * d);
            double p = SyntheticCredit.sigmoid(SyntheticCredit.score(row));
            y[i] = r.nextDouble() < p ? 1 : 0;
            double s = female && i >= gapRow ? Math.min(1, Math.max(0, p - gap)) : p;
            scores[i] = s;
            predictions[i] = s >= threshold ? 1 : 0;
            labelKnown[i] = !time(i).isAfter(last.minus(labelDelay));
            x[i] = row;
            sex[i] = female ? "female" : "male";
            ageGroup[i] = row[0] > 25 ? "gt25" : "le25";
        }
        dataset = Dataset.builder(NAME)
                .features(SyntheticCredit.FEATURES, x)
                .labels("credit", "1", y)
                .protectedAttribute(ProtectedAttribute.of("sex", sex, "male"))
                .protectedAttribute(ProtectedAttribute.of("age_group", ageGroup, "gt25"))
                .build();
    }

    /** @return a builder with the defaults of the class documentation */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the log with every default */
    public static SyntheticCreditStream generate() {
        return builder().build();
    }

    /**
     * @param i a row index
     * @return the drift progress {@code d_i} of the class documentation, in [0, 1]
     */
    public double drift(int i) {
        if (rows == 1) {
            return 0;
        }
        double u = (double) i / (rows - 1);
        return Math.max(0, (u - referenceShare) / (1 - referenceShare));
    }

    /**
     * @param i a row index
     * @return its time stamp, {@code start + i · step}
     */
    public Instant time(int i) {
        return start.plus(step.multipliedBy(i));
    }

    /** @return the first row at which the fairness gap is open, {@code ceil(gapStart · n)} */
    public int gapRow() {
        return (int) Math.ceil(gapStart * rows);
    }

    /** @return the number of rows at the start that do not drift, {@code floor(referenceShare · (n-1)) + 1} */
    public int referenceRows() {
        int k = 0;
        while (k < rows && drift(k) == 0) {
            k++;
        }
        return k;
    }

    /** @return the rows with every feature, the protected attributes and the eventual labels */
    public Dataset dataset() {
        return dataset;
    }

    /** @return the time stamp of every row */
    public Instant[] timestamps() {
        Instant[] t = new Instant[rows];
        for (int i = 0; i < rows; i++) {
            t[i] = time(i);
        }
        return t;
    }

    /** @return the model's score of every row (a copy) */
    public double[] scores() {
        return scores.clone();
    }

    /** @return the model's decision of every row, 1 = favorable (a copy) */
    public int[] predictions() {
        return predictions.clone();
    }

    /** @return whether each row's label is known at the end of the log (a copy) */
    public boolean[] labelKnown() {
        return labelKnown.clone();
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the score taken from {@code female} applicants once the gap is open */
    public double gap() {
        return gap;
    }

    /** @return the decision threshold */
    public double threshold() {
        return threshold;
    }

    /**
     * Renders the log as CSV: a header with {@link #COLUMNS}, one line per row in time order,
     * categorical features by level name, numbers as {@link Double#toString(double)} (they round-trip),
     * {@code credit} empty where the label is not known yet. Line ends are {@code \n}.
     *
     * @return the CSV text
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(rows * 120);
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build();
        try (CSVPrinter out = new CSVPrinter(sb, format)) {
            out.printRecord(COLUMNS);
            double[][] x = dataset.x();
            List<Feature> features = dataset.features();
            ProtectedAttribute sex = dataset.protectedAttribute("sex");
            ProtectedAttribute ageGroup = dataset.protectedAttribute("age_group");
            int[] y = dataset.labels();
            List<String> record = new ArrayList<>(COLUMNS.size());
            for (int i = 0; i < rows; i++) {
                record.clear();
                record.add(time(i).toString());
                for (int j = 0; j < features.size(); j++) {
                    Feature f = features.get(j);
                    record.add(f.isCategorical() ? f.format(x[i][j]) : number(x[i][j]));
                }
                record.add(sex.value(i));
                record.add(ageGroup.value(i));
                record.add(Double.toString(scores[i]));
                record.add(Integer.toString(predictions[i]));
                record.add(labelKnown[i] ? Integer.toString(y[i]) : "");
                out.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        return sb.toString();
    }

    /**
     * Writes {@link #toCsv()} atomically (a temporary file in the same directory, then a rename).
     *
     * @param file the target
     * @throws IOException if it cannot be written (the message names the path)
     */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeString(Objects.requireNonNull(file, "file"), toCsv());
    }

    /** Whole numbers without a fraction ({@code 40}, not {@code 40.0}); others as Java prints them. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Settings of the log; every one has the documented default. */
    public static final class Builder {
        private int rows = DEFAULT_ROWS;
        private long seed = SyntheticCredit.DEFAULT_SEED;
        private Instant start = DEFAULT_START;
        private Duration step = DEFAULT_STEP;
        private double referenceShare = DEFAULT_REFERENCE_SHARE;
        private double incomeDrift = DEFAULT_INCOME_DRIFT;
        private double creditDrift = DEFAULT_CREDIT_DRIFT;
        private double gap = DEFAULT_GAP;
        private double gapStart = DEFAULT_GAP_START;
        private double threshold = DEFAULT_THRESHOLD;
        private Duration labelDelay = DEFAULT_LABEL_DELAY;
        private double femaleShare = SyntheticCredit.DEFAULT_FEMALE_SHARE;

        private Builder() {
        }

        /**
         * @param n the number of rows, at least 2
         * @return this builder
         */
        public Builder rows(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("rows: must be >= 2, got " + n);
            }
            this.rows = n;
            return this;
        }

        /**
         * @param s the seed
         * @return this builder
         */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param t the time of the first row
         * @return this builder
         */
        public Builder start(Instant t) {
            this.start = Objects.requireNonNull(t, "start");
            return this;
        }

        /**
         * @param d the time between two rows, positive
         * @return this builder
         */
        public Builder step(Duration d) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("step: must be positive, got " + d);
            }
            this.step = d;
            return this;
        }

        /**
         * @param share the share of rows at the start that do not drift, in [0, 1)
         * @return this builder
         */
        public Builder referenceShare(double share) {
            this.referenceShare = check("referenceShare", share, 0, 1, false);
            return this;
        }

        /**
         * @param shift the shift of the log-median of income at the end, in [-2, 2] (0: no drift)
         * @return this builder
         */
        public Builder incomeDrift(double shift) {
            this.incomeDrift = check("incomeDrift", shift, -2, 2, true);
            return this;
        }

        /**
         * @param shift the shift of the log-median of the credit amount at the end, in [-2, 2]
         * @return this builder
         */
        public Builder creditDrift(double shift) {
            this.creditDrift = check("creditDrift", shift, -2, 2, true);
            return this;
        }

        /**
         * @param g the score taken from {@code female} applicants once the gap opens, in [0, 1]
         * @return this builder
         */
        public Builder gap(double g) {
            this.gap = check("gap", g, 0, 1, true);
            return this;
        }

        /**
         * @param share where the gap opens, as a share of rows, in [0, 1]
         * @return this builder
         */
        public Builder gapStart(double share) {
            this.gapStart = check("gapStart", share, 0, 1, true);
            return this;
        }

        /**
         * @param t the decision threshold on the score, in (0, 1)
         * @return this builder
         */
        public Builder threshold(double t) {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("threshold: must be in (0, 1), got " + t);
            }
            this.threshold = t;
            return this;
        }

        /**
         * @param d the time after a decision at which its outcome is known, zero or positive
         * @return this builder
         */
        public Builder labelDelay(Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("labelDelay: must be zero or positive, got " + d);
            }
            this.labelDelay = d;
            return this;
        }

        /**
         * @param share the probability that an applicant is {@code female}, in (0, 1)
         * @return this builder
         */
        public Builder femaleShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("femaleShare: must be in (0, 1), got " + share);
            }
            this.femaleShare = share;
            return this;
        }

        private static double check(String name, double v, double lo, double hi, boolean hiIncluded) {
            if (!(v >= lo && (hiIncluded ? v <= hi : v < hi))) {
                throw new IllegalArgumentException(name + ": must be in [" + lo + ", " + hi + (hiIncluded ? "]" : ")")
                        + ", got " + v);
            }
            return v;
        }

        /** @return the generated log */
        public SyntheticCreditStream build() {
            return new SyntheticCreditStream(this);
        }
    }
}
