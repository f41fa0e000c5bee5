package io.parley.server.web;

/**
 * Follows a byte stream through RFC 3629's table of well-formed UTF-8. Jackson decodes some ill-formed sequences
 * instead of refusing them (the overlong C0 80 becomes U+0000), so a body is checked before it reaches the parser.
 */
final class Utf8Validator {
    private int remaining;
    private int low = 0x80;
    private int high = 0xBF;

    /** False at the first byte that cannot continue well-formed UTF-8. */
    boolean accept(int b) {
        if (remaining == 0) return start(b);
        if (b < low || b > high) return false;
        low = 0x80;
        high = 0xBF;
        remaining--;
        return true;
    }

    /** True when the bytes so far end on a character boundary. */
    boolean complete() {
        return remaining == 0;
    }

    private boolean start(int b) {
        if (b < 0x80) return true;
        if (b >= 0xC2 && b <= 0xDF) {
            remaining = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            remaining = 2;
            if (b == 0xE0) low = 0xA0;  // no overlong three-byte forms
            if (b == 0xED) high = 0x9F; // no UTF-16 surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            remaining = 3;
            if (b == 0xF0) low = 0x90;  // no overlong four-byte forms
            if (b == 0xF4) high = 0x8F; // nothing past U+10FFFF
        } else {
            return false;
        }
        return true;
    }
}
