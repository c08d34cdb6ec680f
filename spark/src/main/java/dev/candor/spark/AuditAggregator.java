package dev.candor.spark;

import dev.candor.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The typed Spark {@link Aggregator} of a distributed audit: each row of
 * {@link AuditSpec#inputColumns()} (label, prediction, protected columns, then weight and score when
 * given, in that order) is added to an {@link AuditCounts} buffer; partial buffers merge by addition.
 * One pass over the data; the shuffle carries only the counts per group.
 *
 * <p>Bad cells fail the job with a {@link BadInputException} naming the column and the row's values:
 * a missing label, prediction or protected value, a weight that is negative, NaN or infinite, a
 * score that is NaN or infinite.
 *
 * <pre>{@code
 * AuditCounts c = predictions.select(cols).select(new AuditAggregator(spec).toColumn()).first();
 * AuditResult r = c.result(spec);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class AuditAggregator extends Aggregator<Row, AuditCounts, AuditCounts> {

    private static final long serialVersionUID = 1L;

    private final AuditSpec spec;
    private final FavorableValue favorable;
    private final int attributes;
    private final int[][] intersections;
    private final int weightIndex;
    private final int scoreIndex;

    /**
     * @param spec what to audit
     */
    public AuditAggregator(AuditSpec spec) {
        this.spec = spec;
        this.favorable = new FavorableValue(spec.favorable());
        this.attributes = spec.attributes().size();
        List<String> attrs = spec.attributes();
        List<List<String>> inter = spec.intersections();
        this.intersections = new int[inter.size()][];
        for (int i = 0; i < inter.size(); i++) {
            intersections[i] = inter.get(i).stream().mapToInt(attrs::indexOf).toArray();
        }
        int next = 2 + attributes;
        this.weightIndex = spec.weights() == null ? -1 : next++;
        this.scoreIndex = spec.scores() == null ? -1 : next;
    }

    @Override
    public AuditCounts zero() {
        return new AuditCounts(spec);
    }

    @Override
    public AuditCounts reduce(AuditCounts b, Row r) {
        int y = binary(b, r, 0, spec.label());
        int p = binary(b, r, 1, spec.prediction());
        Object[] keys = new Object[attributes + intersections.length];
        for (int a = 0; a < attributes; a++) {
            Object v = r.get(2 + a);
            if (v == null) {
                throw bad(r, spec.attributes().get(a), "missing protected value");
            }
            keys[a] = v.toString();
        }
        for (int i = 0; i < intersections.length; i++) {
            List<String> parts = new ArrayList<>(intersections[i].length);
            for (int a : intersections[i]) {
                parts.add((String) keys[a]);
            }
            keys[attributes + i] = parts;
        }
        double w = 1.0;
        if (weightIndex >= 0) {
            Object v = r.get(weightIndex);
            w = number(v);
            if (!(w >= 0.0) || w == Double.POSITIVE_INFINITY) {
                throw bad(r, spec.weights(), "weight " + v + "; weights must be finite and >= 0");
            }
        }
        double s = 0;
        if (scoreIndex >= 0) {
            Object v = r.get(scoreIndex);
            s = number(v);
            if (Double.isNaN(s) || Double.isInfinite(s)) {
                throw bad(r, spec.scores(), "score " + v + "; scores must be finite numbers");
            }
        }
        b.add(y, p, keys, w, s);
        return b;
    }

    /** A numeric cell: a number, or text that parses as one (CSV read without a schema); NaN otherwise. */
    static double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String t) {
            try {
                return Double.parseDouble(t.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private int binary(AuditCounts b, Row r, int index, String column) {
        Object v = r.get(index);
        if (v == null) {
            throw bad(r, column, "missing value");
        }
        if (favorable.test(v)) {
            b.favorableSeen();
            return 1;
        }
        b.unfavorable(v.toString());
        return 0;
    }

    private static BadInputException bad(Row r, String column, String what) {
        return new BadInputException("column '" + column + "': " + what + " in the row " + r);
    }

    @Override
    public AuditCounts merge(AuditCounts b1, AuditCounts b2) {
        return b1.merge(b2);
    }

    @Override
    public AuditCounts finish(AuditCounts reduction) {
        return reduction;
    }

    @Override
    public Encoder<AuditCounts> bufferEncoder() {
        return Encoders.javaSerialization(AuditCounts.class);
    }

    @Override
    public Encoder<AuditCounts> outputEncoder() {
        return Encoders.javaSerialization(AuditCounts.class);
    }
}
