package dev.candor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * The JSON conventions of Candor's reports: snake_case keys, and an undefined number (NaN or
 * infinite) written as {@code null} (its reason sits beside it), so that every JSON reader can
 * load the file.
 */
final class ReportJson {

    static final ObjectMapper MAPPER = create();

    private ReportJson() {
    }

    private static ObjectMapper create() {
        SimpleModule m = new SimpleModule("candor-undefined-numbers");
        m.addSerializer(Double.class, new FiniteDouble());
        m.addSerializer(double.class, new FiniteDouble());
        m.addSerializer(double[].class, new FiniteDoubleArray());
        ObjectMapper om = new ObjectMapper();
        om.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        om.registerModule(m);
        om.enable(SerializationFeature.INDENT_OUTPUT);
        om.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        return om;
    }

    private static void write(double v, JsonGenerator g) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    private static final class FiniteDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            write(v, g);
        }
    }

    private static final class FiniteDoubleArray extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(v, v.length);
            for (double d : v) {
                write(d, g);
            }
            g.writeEndArray();
        }
    }
}
