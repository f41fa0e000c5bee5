package io.parley.server.web;

import io.parley.shared.error.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error page, for requests it refuses before Spring sees them (a path with %00 or ill-formed UTF-8):
 * the contract's envelope instead of Tomcat's HTML. Everything Spring handles still goes through ApiErrorController.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        ErrorCode code = ErrorResponses.codeFor(status);
        String uri = request.getRequestURI();
        String body = status == 400 && uri != null && uri.contains("%")
                ? envelope(code, "Request validation failed",
                ",\"details\":[{\"field\":\"path\",\"message\":\"must be valid percent-encoded UTF-8 without %00\"}]")
                : envelope(code, "Request cannot be handled", "");
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response already failed: there is nothing left to tell it.
        }
    }

    private static String envelope(ErrorCode code, String message, String details) {
        return "{\"success\":false,\"error\":{\"code\":\"" + code.name() + "\",\"message\":\"" + message + "\""
                + details + "}}";
    }
}
