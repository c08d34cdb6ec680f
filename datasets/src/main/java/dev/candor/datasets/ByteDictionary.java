package dev.candor.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dictionary encoding of byte slices: every distinct value gets the next code (0, 1, 2, ... in order
 * of first appearance) and is turned into a {@code String} once, when first seen. Lookups hash the
 * bytes in place, so a repeated categorical value costs no allocation. Open addressing with linear
 * probing, resized at half load.
 */
final class ByteDictionary {

    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private int[] codes = new int[16];
    private final List<String> values = new ArrayList<>();

    /** @return the code of the slice, adding it when new (decoded by {@code decode}) */
    int code(byte[] b, int from, int to, Decoder decode) {
        int h = hash(b, from, to);
        int mask = keys.length - 1;
        int i = h & mask;
        while (true) {
            byte[] k = keys[i];
            if (k == null) {
                break;
            }
            if (hashes[i] == h && Arrays.equals(k, 0, k.length, b, from, to)) {
                return codes[i];
            }
            i = (i + 1) & mask;
        }
        int code = values.size();
        values.add(decode.decode(b, from, to));
        keys[i] = Arrays.copyOfRange(b, from, to);
        hashes[i] = h;
        codes[i] = code;
        if (2 * values.size() > keys.length) {
            grow();
        }
        return code;
    }

    /** @return the distinct values, indexed by code */
    List<String> values() {
        return values;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldCodes = codes;
        keys = new byte[oldKeys.length * 2][];
        hashes = new int[keys.length];
        codes = new int[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = oldHashes[j];
                codes[i] = oldCodes[j];
            }
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x9E3779B9;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }

    /** Turns a new value's bytes into its string. */
    @FunctionalInterface
    interface Decoder {
        String decode(byte[] b, int from, int to);
    }
}
