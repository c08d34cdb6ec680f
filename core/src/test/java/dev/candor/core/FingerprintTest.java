package dev.candor.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void emptyInputHashesToTheFnvOffsetBasis() {
        // FNV-1a 64 of zero bytes is the offset basis 0xcbf29ce484222325 (Fowler/Noll/Vo reference).
        assertThat(Fingerprint.builder().build(0, 0).hash()).isEqualTo("cbf29ce484222325");
    }

    @Test
    void stringsHashAsUtf8BytesFollowedByASeparator() {
        // FNV-1a 64 of the bytes "a" then 0x1f 0 0 0 0 0 0 0 (the separator mixed as a long).
        long h = 0xcbf29ce484222325L;
        byte[] bytes = {'a', 0x1f, 0, 0, 0, 0, 0, 0, 0};
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        assertThat(Fingerprint.builder().add("a").build(1, 1).hash())
                .isEqualTo(String.format("%016x", h));
    }

    @Test
    void differentSplitsOfTheSameCharactersDiffer() {
        String a = Fingerprint.builder().add(new String[] {"ab", "c"}).build(2, 1).hash();
        String b = Fingerprint.builder().add(new String[] {"a", "bc"}).build(2, 1).hash();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void matrixFingerprintRecordsShapeAndIsStable() {
        double[][] m = {{1, 2, 3}, {4, 5, 6}};
        Fingerprint f = Fingerprint.of(m);
        assertThat(f.rows()).isEqualTo(2);
        assertThat(f.columns()).isEqualTo(3);
        assertThat(Fingerprint.of(new double[][] {{1, 2, 3}, {4, 5, 6}})).isEqualTo(f);
        assertThat(Fingerprint.of(new double[][] {{1, 2, 3}, {4, 5, 7}}).hash()).isNotEqualTo(f.hash());
    }
}
