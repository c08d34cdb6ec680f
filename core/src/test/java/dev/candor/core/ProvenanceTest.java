package dev.candor.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

    @Test
    void recordsParametersInOrderAndThePlatform() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("nsamples", 2048);
        params.put("link", "identity");
        Provenance p = Provenance.of("KernelShap", params, 42L, null);
        assertThat(p.parameters()).containsExactly(Map.entry("nsamples", "2048"), Map.entry("link", "identity"));
        assertThat(p.seed()).isEqualTo(42L);
        assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(p.candorVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(p.toString()).contains("KernelShap", "seed=42", "nsamples=2048");
    }
}
