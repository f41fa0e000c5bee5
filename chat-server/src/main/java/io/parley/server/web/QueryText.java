package io.parley.server.web;

import io.parley.shared.StorableText;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a raw query string the way the body's strings are checked. It reads the raw form because the servlet
 * container quietly turns ill-formed percent-encoded UTF-8 into U+FFFD, and lets %00 through as NUL.
 */
final class QueryText {
    private QueryText() {
    }

    static List<FieldProblem> problems(String rawQuery) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null) {
                problems.add(new FieldProblem("query", "parameter names " + StorableText.PROBLEM));
            } else if (value == null) {
                problems.add(new FieldProblem(name, StorableText.PROBLEM));
            }
        }
        return problems;
    }

    /** The decoded text, or null when it is not well-formed percent-encoded UTF-8 or cannot be stored. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return StorableText.isStorable(text) ? text : null;
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }
}
