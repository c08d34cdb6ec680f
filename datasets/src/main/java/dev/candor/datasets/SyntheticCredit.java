package dev.candor.datasets;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of credit applications with a known amount of bias against one group, built in
 * (no files, no network). Every value below is part of the contract: the same builder settings give
 * the same bytes on every JVM (draws use only {@link SplittableRandom#nextDouble()}, normals by
 * Box-Muller), and a test may recompute the labelling probability from the stored features.
 *
 * <h2>Rows</h2>
 * Row {@code i} is drawn from its own stream, the {@code i}-th {@link SplittableRandom#split()} of
 * {@code new SplittableRandom(seed)}, so the first {@code n} rows do not depend on how many rows are
 * asked for. Draws, in this order:
 * <ol>
 *   <li>{@code sex}: {@code female} with probability {@link Builder#femaleShare(double)} (default 0.35),
 *       else {@code male}. Privileged value: {@code male}.</li>
 *   <li>{@code age} = clamp(round(40 + 12 Z), 18, 75), Z standard normal.</li>
 *   <li>{@code income} (thousands per year) = round1(45 exp(0.5 Z)).</li>
 *   <li>{@code credit_amount} (thousands) = round1(8 exp(0.7 Z)).</li>
 *   <li>{@code duration} (months): uniform over {6, 12, 18, 24, 36, 48, 60}.</li>
 *   <li>{@code existing_debt} (thousands): 0 with probability 0.4, else round1(5 exp(0.8 Z)).</li>
 *   <li>{@code housing}: own 0.45, rent 0.40, free 0.15.</li>
 *   <li>{@code purpose}: car 0.30, furniture 0.20, education 0.15, business 0.15, other 0.20.</li>
 *   <li>{@code employment} (years in job): unemployed 0.06, lt1 0.17, 1to4 0.33, 4to7 0.18, ge7 0.26.</li>
 *   <li>{@code zip_region}, the <b>proxy</b>: north/south/east/west with probabilities
 *       0.50/0.30/0.15/0.05 for {@code male} and 0.05/0.15/0.30/0.50 for {@code female}. It does not
 *       enter the score, but it reveals the group.</li>
 *   <li>The label: 1 (good credit, favorable) if {@code U < p}, U uniform on [0, 1).</li>
 * </ol>
 * round1 rounds to one decimal. Items 2-9 have the same distribution in both groups.
 *
 * <h2>Label rule</h2>
 * With stored values (after rounding) and level codes as in {@link Feature#levels()},
 * <pre>
 *   dti   = (existing_debt + credit_amount) / income
 *   score = 1.2 + ln(income / 45) - 2 dti + 0.25 (employment_code - 2) + 0.3 [housing = own]
 *           - 0.015 (duration - 24) + 0.01 (age - 40) + purpose_effect
 *   purpose_effect: car 0, furniture 0, education 0.1, business -0.3, other -0.1
 *   p     = clamp(sigma(score) - bias [sex = female], 0, 1),   sigma(s) = 1 / (1 + e^-s)
 * </pre>
 * Because the legitimate features are identically distributed, the expected favorable-rate gap
 * (male minus female) is {@code E[sigma] - E[max(sigma - bias, 0)]}, which is {@code bias} whenever
 * {@code sigma >= bias} (almost always for small biases) and 0 when {@code bias = 0}.
 *
 * <p>Protected attributes: {@code sex} (privileged {@code male}) and {@code age_group}
 * ({@code gt25} if age &gt; 25, else {@code le25}; privileged {@code gt25}); the age group's gap comes
 * only from the legitimate age term. Label column {@code credit}, favorable value {@code "1"}.
 * No weights, no dropped rows.
 *
 * @since 0.1.0
 */
public final class SyntheticCredit {

    /** The registry name. */
    public static final String NAME = "synthetic-credit";
    /** The default number of rows. */
    public static final int DEFAULT_ROWS = 5_000;
    /** The default bias against the unprivileged group (a 15-point drop in approval probability). */
    public static final double DEFAULT_BIAS = 0.15;
    /** The default seed. */
    public static final long DEFAULT_SEED = 12345L;
    /** The default share of {@code female} applicants. */
    public static final double DEFAULT_FEMALE_SHARE = 0.35;

    static final List<String> HOUSING = List.of("own", "rent", "free");
    static final List<String> PURPOSE = List.of("car", "furniture", "education", "business", "other");
    static final List<String> EMPLOYMENT = List.of("unemployed", "lt1", "1to4", "4to7", "ge7");
    static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final double[] HOUSING_P = {0.45, 0.40, 0.15};
    private static final double[] PURPOSE_P = {0.30, 0.20, 0.15, 0.15, 0.20};
    private static final double[] PURPOSE_EFFECT = {0, 0, 0.1, -0.3, -0.1};
    private static final double[] EMPLOYMENT_P = {0.06, 0.17, 0.33, 0.18, 0.26};
    private static final double[] REGION_MALE = {0.50, 0.30, 0.15, 0.05};
    private static final double[] REGION_FEMALE = {0.05, 0.15, 0.30, 0.50};
    private static final int[] DURATIONS = {6, 12, 18, 24, 36, 48, 60};

    /** Column order of {@link Dataset#x()}. */
    static final List<Feature> FEATURES = List.of(
            Feature.numeric("age"), Feature.numeric("income"), Feature.numeric("credit_amount"),
            Feature.numeric("duration"), Feature.numeric("existing_debt"),
            Feature.categorical("housing", HOUSING), Feature.categorical("purpose", PURPOSE),
            Feature.categorical("employment", EMPLOYMENT), Feature.categorical("zip_region", REGIONS));

    private final int rows;
    private final double bias;
    private final long seed;
    private final double femaleShare;

    private SyntheticCredit(Builder b) {
        this.rows = b.rows;
        this.bias = b.bias;
        this.seed = b.seed;
        this.femaleShare = b.femaleShare;
    }

    /** @return a builder with the defaults (5,000 rows, bias 0.15, seed 12345, 35% female) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the default dataset */
    public static Dataset generate() {
        return builder().build().dataset();
    }

    /** @return the number of rows */
    public int rows() {
        return rows;
    }

    /** @return the bias against the unprivileged group */
    public double bias() {
        return bias;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the share of {@code female} applicants */
    public double femaleShare() {
        return femaleShare;
    }

    /**
     * Generates the rows described in the class documentation.
     *
     * @return the dataset
     */
    public Dataset dataset() {
        SplittableRandom master = new SplittableRandom(seed);
        double[][] x = new double[rows][];
        int[] y = new int[rows];
        String[] sex = new String[rows];
        String[] ageGroup = new String[rows];
        for (int i = 0; i < rows; i++) {
            SplittableRandom r = master.split();
            boolean female = r.nextDouble() < femaleShare;
            double[] row = features(r, female, 0, 0);
            double p = Math.min(1, Math.max(0, sigmoid(score(row)) - (female ? bias : 0)));
            y[i] = r.nextDouble() < p ? 1 : 0;
            x[i] = row;
            sex[i] = female ? "female" : "male";
            ageGroup[i] = row[0] > 25 ? "gt25" : "le25";
        }
        return Dataset.builder(NAME)
                .features(FEATURES, x)
                .labels("credit", "1", y)
                .protectedAttribute(ProtectedAttribute.of("sex", sex, "male"))
                .protectedAttribute(ProtectedAttribute.of("age_group", ageGroup, "gt25"))
                .build();
    }

    /**
     * Draws items 2-10 of the class documentation for one applicant, in that order; the shifts move
     * the median of income and credit amount by the factors {@code e^shift} (0 for this generator,
     * which then gives exactly the documented draws; {@link SyntheticCreditStream} drifts them).
     */
    static double[] features(SplittableRandom r, boolean female, double logIncomeShift, double logCreditShift) {
        double age = Math.min(75, Math.max(18, Math.round(40 + 12 * normal(r))));
        double income = round1(45 * Math.exp(logIncomeShift + 0.5 * normal(r)));
        double credit = round1(8 * Math.exp(logCreditShift + 0.7 * normal(r)));
        double duration = DURATIONS[r.nextInt(DURATIONS.length)];
        double debt = r.nextDouble() < 0.4 ? 0 : round1(5 * Math.exp(0.8 * normal(r)));
        int housing = pick(r, HOUSING_P);
        int purpose = pick(r, PURPOSE_P);
        int employment = pick(r, EMPLOYMENT_P);
        int region = pick(r, female ? REGION_FEMALE : REGION_MALE);
        return new double[] {age, income, credit, duration, debt, housing, purpose, employment, region};
    }

    /** The score of the label rule (class documentation) on a row in {@link #FEATURES} order. */
    static double score(double[] v) {
        double income = v[1];
        double dti = (v[4] + v[2]) / income;
        return 1.2 + Math.log(income / 45) - 2 * dti + 0.25 * (v[7] - 2) + (v[5] == 0 ? 0.3 : 0)
                - 0.015 * (v[3] - 24) + 0.01 * (v[0] - 40) + PURPOSE_EFFECT[(int) v[6]];
    }

    static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    private static double round1(double v) {
        return Math.max(0.1, Math.round(v * 10) / 10.0);
    }

    /** Box-Muller with two uniforms; 1 - U keeps the logarithm's argument in (0, 1]. */
    private static double normal(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int pick(SplittableRandom r, double[] p) {
        double u = r.nextDouble();
        double c = 0;
        for (int k = 0; k < p.length - 1; k++) {
            c += p[k];
            if (u < c) {
                return k;
            }
        }
        return p.length - 1;
    }

    /** Settings of the generator; every one has a documented default. */
    public static final class Builder {
        private int rows = DEFAULT_ROWS;
        private double bias = DEFAULT_BIAS;
        private long seed = DEFAULT_SEED;
        private double femaleShare = DEFAULT_FEMALE_SHARE;

        private Builder() {
        }

        /**
         * @param n the number of rows, at least 1
         * @return this builder
         */
        public Builder rows(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("rows: must be >= 1, got " + n);
            }
            this.rows = n;
            return this;
        }

        /**
         * @param b the drop in approval probability for the unprivileged group, in [0, 1]
         * @return this builder
         */
        public Builder bias(double b) {
            if (!(b >= 0 && b <= 1)) {
                throw new IllegalArgumentException("bias: must be in [0, 1], got " + b);
            }
            this.bias = b;
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

        /** @return the generator */
        public SyntheticCredit build() {
            return new SyntheticCredit(this);
        }
    }
}
