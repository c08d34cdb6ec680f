package dev.candor.spark;

import dev.candor.report.AuditJson;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The {@link AuditAggregator} finishing with the audit JSON of {@code candor audit} (the
 * {@code AuditJson} document without a policy), so that SQL can call it once registered with
 * {@link CandorSpark#registerAudit}:
 * {@code SELECT sex_audit(credit, pred, sex) FROM predictions}.
 *
 * @since 0.1.0
 */
public final class AuditJsonAggregator extends Aggregator<Row, AuditCounts, String> {

    private static final long serialVersionUID = 1L;

    private final AuditSpec spec;
    private final AuditAggregator counts;

    /**
     * @param spec what to audit; the aggregate's arguments are {@link AuditSpec#inputColumns()} in order
     */
    public AuditJsonAggregator(AuditSpec spec) {
        this.spec = spec;
        this.counts = new AuditAggregator(spec);
    }

    @Override
    public AuditCounts zero() {
        return counts.zero();
    }

    @Override
    public AuditCounts reduce(AuditCounts b, Row r) {
        return counts.reduce(b, r);
    }

    @Override
    public AuditCounts merge(AuditCounts b1, AuditCounts b2) {
        return b1.merge(b2);
    }

    @Override
    public String finish(AuditCounts reduction) {
        return AuditJson.toJson(reduction.result(spec), null);
    }

    @Override
    public Encoder<AuditCounts> bufferEncoder() {
        return counts.bufferEncoder();
    }

    @Override
    public Encoder<String> outputEncoder() {
        return Encoders.STRING();
    }
}
