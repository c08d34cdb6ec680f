package dev.candor.explain.shap;

/**
 * The scale on which Shapley values add up. With link {@code g}, an explanation satisfies
 * {@code g(f(x)) = g(E[f]) + sum_j phi_j}, where {@code E[f]} is the weighted mean model output over
 * the background (shap's {@code link} argument; Lundberg and Lee 2017, arXiv:1705.07874).
 *
 * @since 0.1.0
 */
public enum Link {

    /** {@code g(p) = p}: values add up to the model output itself. */
    IDENTITY {
        @Override
        public double apply(double p) {
            return p;
        }

        @Override
        public double inverse(double z) {
            return z;
        }
    },

    /**
     * {@code g(p) = log(p / (1 - p))}: values add up in log-odds. The model output must lie strictly
     * between 0 and 1; 0 and 1 map to infinities, which explainers reject.
     */
    LOGIT {
        @Override
        public double apply(double p) {
            return Math.log(p / (1 - p));
        }

        @Override
        public double inverse(double z) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
    };

    /**
     * @param p a model output (or a mean of model outputs)
     * @return {@code g(p)}
     */
    public abstract double apply(double p);

    /**
     * @param z a value on the link scale
     * @return {@code g^-1(z)}
     */
    public abstract double inverse(double z);
}
