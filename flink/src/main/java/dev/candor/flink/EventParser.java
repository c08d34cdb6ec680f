package dev.candor.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one line of a prediction log into a {@link PredictionEvent}: a CSV record in the header's
 * column order (RFC 4180 quoting; a line equal to the header is a repeated header, not an event) or a
 * JSON object whose keys are column names (a line starting with <code>{</code>).
 *
 * <p>An empty CSV field, a JSON {@code null} and an absent JSON key are missing values. The time
 * column must hold an integer (milliseconds, or a sequence number for row-ordered streams), an ISO
 * date ({@code 2008-05-05}, midnight UTC) or an ISO date-time (with an offset, or read as UTC); the
 * score and the numeric features must be finite numbers (or missing). Anything else is an {@link EventFormatException} naming the column and the text.
 *
 * @since 0.2.0
 */
public final class EventParser implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final CSVFormat CSV = CSVFormat.DEFAULT;

    private final EventSchema schema;
    private final String headerLine;
    private final int time;
    private final int modelColumn;
    private final int segmentColumn;
    private final int[] numericColumns;
    private transient ObjectMapper json;

    /**
     * @param schema the columns and their roles
     */
    public EventParser(EventSchema schema) {
        this.schema = schema;
        this.headerLine = String.join(",", schema.columns());
        this.time = schema.indexOf(schema.timeColumn());
        this.modelColumn = schema.modelColumn() == null ? -1 : schema.indexOf(schema.modelColumn());
        this.segmentColumn = schema.segmentColumn() == null ? -1 : schema.indexOf(schema.segmentColumn());
        java.util.LinkedHashSet<String> nums = new java.util.LinkedHashSet<>(schema.numeric());
        if (schema.score() != null) {
            nums.add(schema.score());
        }
        this.numericColumns = nums.stream().mapToInt(schema::indexOf).toArray();
    }

    /** @return the schema */
    public EventSchema schema() {
        return schema;
    }

    /**
     * @param line one line of a CSV or JSON-lines file
     * @return the event, or empty for a repeated header line or a blank line
     * @throws EventFormatException naming the column when the line cannot be read
     */
    public Optional<PredictionEvent> parse(String line) {
        String stripped = line.startsWith("\uFEFF") ? line.substring(1) : line;
        if (stripped.isBlank() || stripped.equals(headerLine)) {
            return Optional.empty();
        }
        String[] values = stripped.stripLeading().startsWith("{") ? fromJson(stripped) : fromCsv(stripped);
        String t = values[time];
        if (t == null) {
            throw new EventFormatException(line, "column '" + schema.timeColumn() + "': missing event time");
        }
        long ts = parseTime(line, t);
        String model = modelColumn < 0 ? schema.modelName() : values[modelColumn];
        if (model == null) {
            throw new EventFormatException(line, "column '" + schema.modelColumn() + "': missing model name");
        }
        for (int c : numericColumns) {
            String v = values[c];
            if (v != null) {
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new EventFormatException(line, "column '" + schema.columns().get(c) + "': '" + v
                            + "' is not a number");
                }
                if (Double.isInfinite(d)) {
                    throw new EventFormatException(line, "column '" + schema.columns().get(c) + "': non-finite value " + v);
                }
            }
        }
        String segment = segmentColumn < 0 ? "" : values[segmentColumn];
        return Optional.of(new PredictionEvent(model, segment == null ? "" : segment, ts, values));
    }

    private String[] fromCsv(String line) {
        int n = schema.columns().size();
        String[] out = new String[n];
        if (line.indexOf('"') < 0) {
            int field = 0;
            int from = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == ',') {
                    if (field >= n) {
                        throw new EventFormatException(line, "more than the header's " + n + " fields");
                    }
                    out[field++] = i == from ? null : line.substring(from, i);
                    from = i + 1;
                }
            }
            if (field != n) {
                throw new EventFormatException(line, field + " fields where the header has " + n);
            }
            return out;
        }
        List<CSVRecord> records;
        try {
            records = CSV.parse(new StringReader(line)).getRecords();
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new EventFormatException(line, "malformed CSV (" + e.getMessage() + ")");
        }
        if (records.size() != 1 || records.get(0).size() != n) {
            throw new EventFormatException(line, (records.isEmpty() ? 0 : records.get(0).size())
                    + " fields where the header has " + n);
        }
        for (int i = 0; i < n; i++) {
            String v = records.get(0).get(i);
            out[i] = v.isEmpty() ? null : v;
        }
        return out;
    }

    private String[] fromJson(String line) {
        if (json == null) {
            json = new ObjectMapper();
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(line, "malformed JSON at column " + e.getLocation().getColumnNr());
        }
        if (!node.isObject()) {
            throw new EventFormatException(line, "a JSON object expected");
        }
        String[] out = new String[schema.columns().size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(schema.columns().get(i));
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isContainerNode()) {
                throw new EventFormatException(line, "column '" + schema.columns().get(i) + "': a number or a string expected");
            }
            out[i] = v.isNumber() && !v.isIntegralNumber() ? Double.toString(v.doubleValue()) : v.asText();
        }
        return out;
    }

    /**
     * @param line the line the value comes from (for the message)
     * @param t    a time value
     * @return the event time it denotes
     * @throws EventFormatException when it is neither an integer, an ISO date nor an ISO date-time
     */
    long parseTime(String line, String t) {
        try {
            return Long.parseLong(t.trim());
        } catch (NumberFormatException notInteger) {
            // a date or a date-time
        }
        try {
            if (t.length() <= 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (t.endsWith("Z")) {
                return Instant.parse(t).toEpochMilli();
            }
            try {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        } catch (DateTimeParseException e) {
            throw new EventFormatException(line, "column '" + schema.timeColumn() + "': '" + t
                    + "' is neither an integer, an ISO date nor an ISO date-time");
        }
    }
}
