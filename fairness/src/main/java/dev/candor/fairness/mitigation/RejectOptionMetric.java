package dev.candor.fairness.mitigation;

/**
 * The fairness metrics {@link RejectOptionClassification} can bound, with AIF360's names; each is
 * unprivileged minus privileged.
 *
 * @since 0.1.0
 */
public enum RejectOptionMetric {
    /** SR_u − SR_p. */
    STATISTICAL_PARITY_DIFFERENCE("Statistical parity difference"),
    /** ((FPR_u − FPR_p) + (TPR_u − TPR_p)) / 2. */
    AVERAGE_ODDS_DIFFERENCE("Average odds difference"),
    /** TPR_u − TPR_p. */
    EQUAL_OPPORTUNITY_DIFFERENCE("Equal opportunity difference");

    private final String aifName;

    RejectOptionMetric(String aifName) {
        this.aifName = aifName;
    }

    /** @return AIF360's {@code metric_name} */
    public String aifName() {
        return aifName;
    }

    /**
     * @param c counts of the privileged group: tp, fp, tn, fn
     * @param u counts of the unprivileged group
     */
    double of(long[] c, long[] u) {
        double tprP = (double) c[0] / (c[0] + c[3]);
        double tprU = (double) u[0] / (u[0] + u[3]);
        switch (this) {
            case STATISTICAL_PARITY_DIFFERENCE:
                return (double) (u[0] + u[1]) / (u[0] + u[1] + u[2] + u[3])
                        - (double) (c[0] + c[1]) / (c[0] + c[1] + c[2] + c[3]);
            case AVERAGE_ODDS_DIFFERENCE:
                double fprP = (double) c[1] / (c[1] + c[2]);
                double fprU = (double) u[1] / (u[1] + u[2]);
                return 0.5 * ((fprU - fprP) + (tprU - tprP));
            default:
                return tprU - tprP;
        }
    }
}
