package dev.candor.datasets;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF) block by block, carrying an unfinished sequence from one block to the next.
 *
 * <p>The state is 0 between characters; otherwise it packs the continuation bytes still expected
 * (low two bits) and the allowed range of the next one (bits 2–3: 0 any of 80–BF, 1 A0–BF after E0,
 * 2 80–9F after ED, 3 90–BF after F0, and bit 4: 80–8F after F4). A negative state means malformed.
 */
final class Utf8Check {

    private Utf8Check() {
    }

    /** @return the state after {@code b[from, to)} starting in {@code state}; negative when malformed */
    static int scan(byte[] b, int from, int to, int state) {
        int i = from;
        if (state == 0) {
            // fast path: skip ASCII eight bytes at a time
            while (i + 8 <= to && ((b[i] | b[i + 1] | b[i + 2] | b[i + 3] | b[i + 4] | b[i + 5] | b[i + 6]
                    | b[i + 7]) & 0x80) == 0) {
                i += 8;
            }
        }
        for (; i < to; i++) {
            int c = b[i] & 0xff;
            if (state == 0) {
                if (c < 0x80) {
                    continue;
                }
                if (c >= 0xC2 && c <= 0xDF) {
                    state = 1;
                } else if (c == 0xE0) {
                    state = 2 | 1 << 2;
                } else if (c == 0xED) {
                    state = 2 | 2 << 2;
                } else if (c >= 0xE1 && c <= 0xEF) {
                    state = 2;
                } else if (c == 0xF0) {
                    state = 3 | 3 << 2;
                } else if (c == 0xF4) {
                    state = 3 | 1 << 4;
                } else if (c >= 0xF1 && c <= 0xF3) {
                    state = 3;
                } else {
                    return -1;
                }
                continue;
            }
            int lo = 0x80;
            int hi = 0xBF;
            switch ((state >> 2) & 3) {
                case 1 -> lo = 0xA0;
                case 2 -> hi = 0x9F;
                case 3 -> lo = 0x90;
                default -> {
                }
            }
            if ((state & 16) != 0) {
                hi = 0x8F;
            }
            if (c < lo || c > hi) {
                return -1;
            }
            state = (state & 3) - 1;
        }
        return state;
    }
}
