package dev.candor.fairness.mitigation;

/**
 * The cost that {@link CalibratedEqOddsPostprocessing} equalizes across groups, with AIF360's names.
 * GFPR = Σ_{y=0} s / N and GFNR = Σ_{y=1} (1 − s) / P are the generalized false positive and false
 * negative rates of the scores s; br is the group's base rate.
 *
 * @since 0.1.0
 */
public enum CostConstraint {
    /** GFNR: equal generalized false negative rates. */
    FNR("fnr") {
        @Override
        double cost(double gfpr, double gfnr, double br) {
            return gfnr;
        }
    },
    /** GFPR: equal generalized false positive rates. */
    FPR("fpr") {
        @Override
        double cost(double gfpr, double gfnr, double br) {
            return gfpr;
        }
    },
    /** ½·GFPR·(1 − br) + ½·GFNR·br: both errors, weighted equally. */
    WEIGHTED("weighted") {
        @Override
        double cost(double gfpr, double gfnr, double br) {
            return 0.5 * gfpr * (1 - br) + 0.5 * gfnr * br;
        }
    };

    private final String key;

    CostConstraint(String key) {
        this.key = key;
    }

    /** @return AIF360's name: {@code fnr}, {@code fpr} or {@code weighted} */
    public String key() {
        return key;
    }

    abstract double cost(double gfpr, double gfnr, double br);

    /**
     * @param key AIF360's name
     * @return the constraint
     * @throws dev.candor.core.BadInputException for another name
     */
    public static CostConstraint of(String key) {
        for (CostConstraint c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new dev.candor.core.BadInputException("unknown cost constraint '" + key + "'; expected fnr, fpr or "
                + "weighted");
    }
}
