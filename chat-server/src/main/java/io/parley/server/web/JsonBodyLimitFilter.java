package io.parley.server.web;

import io.parley.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Answers 413 PAYLOAD_TOO_LARGE for JSON bodies over {@code chat.max-json-bytes}: at once when Content-Length
 * says so, or while reading a chunked body (the exception handler maps the read failure). A UTF-8 body that is
 * not well-formed fails its read as well, and is answered 400.
 */
class JsonBodyLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final ErrorWriter errors;

    JsonBodyLimitFilter(long maxBytes, ErrorWriter errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isJson(request.getContentType())) {
            chain.doFilter(request, response);
        } else if (request.getContentLengthLong() > maxBytes) {
            errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, "JSON body over " + maxBytes + " bytes");
        } else {
            chain.doFilter(new LimitedRequest(request, maxBytes, isUtf8(request.getContentType())), response);
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) return false;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException unparseable) {
            return false;
        }
    }

    /** JSON is UTF-8 unless the client names another charset; only UTF-8 bodies are checked byte by byte. */
    private static boolean isUtf8(String contentType) {
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null || charset.equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownCharset) {
            return false;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private final boolean utf8;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes, boolean utf8) {
            super(request);
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, utf8 ? new Utf8Validator() : null);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private final Utf8Validator utf8;
        private long read;

        LimitedStream(ServletInputStream in, long maxBytes, Utf8Validator utf8) {
            this.in = in;
            this.maxBytes = maxBytes;
            this.utf8 = utf8;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
                check(b);
            } else {
                end();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                for (int i = offset; i < offset + n; i++) check(buffer[i] & 0xFF);
            } else if (n < 0) {
                end();
            }
            return n;
        }

        private void check(int b) throws MalformedUtf8Exception {
            if (utf8 != null && !utf8.accept(b)) throw new MalformedUtf8Exception();
        }

        private void end() throws MalformedUtf8Exception {
            if (utf8 != null && !utf8.complete()) throw new MalformedUtf8Exception();
        }

        private void count(int n) throws JsonBodyTooLargeException {
            read += n;
            if (read > maxBytes) throw new JsonBodyTooLargeException(maxBytes);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
