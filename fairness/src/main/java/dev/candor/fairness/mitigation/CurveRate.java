package dev.candor.fairness.mitigation;

/**
 * A rate of a deterministic threshold classifier from its confusion counts, in exactly the form
 * fairlearn's ThresholdOptimizer evaluates it (so that hulls built from these points agree with
 * fairlearn's bit for bit, see {@link ThresholdHull}).
 */
enum CurveRate {
    /** (tp + fp) / n */
    SELECTION_RATE {
        @Override
        double of(double tp, double fp, double tn, double fn) {
            return (tp + fp) / (tp + tn + fp + fn);
        }
    },
    /** tp / (tp + fn) */
    TRUE_POSITIVE_RATE {
        @Override
        double of(double tp, double fp, double tn, double fn) {
            return tp / (tp + fn);
        }
    },
    /** fp / (tn + fp) */
    FALSE_POSITIVE_RATE {
        @Override
        double of(double tp, double fp, double tn, double fn) {
            return fp / (tn + fp);
        }
    },
    /** fn / (tp + fn) */
    FALSE_NEGATIVE_RATE {
        @Override
        double of(double tp, double fp, double tn, double fn) {
            return fn / (tp + fn);
        }
    },
    /** tn / (tn + fp) */
    TRUE_NEGATIVE_RATE {
        @Override
        double of(double tp, double fp, double tn, double fn) {
            return tn / (tn + fp);
        }
    },
    /** (tp + tn) / n */
    ACCURACY {
        @Override
        double of(double tp, double fp, double tn, double fn) {
            return (tp + tn) / (tp + tn + fp + fn);
        }
    },
    /** 0.5 tp / P + 0.5 tn / N, left to right */
    BALANCED_ACCURACY {
        @Override
        double of(double tp, double fp, double tn, double fn) {
            return 0.5 * tp / (tp + fn) + 0.5 * tn / (tn + fp);
        }
    };

    abstract double of(double tp, double fp, double tn, double fn);
}
