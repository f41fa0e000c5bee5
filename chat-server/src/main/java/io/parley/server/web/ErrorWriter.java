package io.parley.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.shared.ApiError;
import io.parley.shared.ApiResponse;
import io.parley.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Writes the error envelope straight to a servlet response, for filters that answer before Spring MVC runs. */
@Component
public class ErrorWriter {
    private final ObjectMapper json;

    ErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        write(response, code.httpStatus(), code, message);
    }

    public void write(HttpServletResponse response, int status, ErrorCode code, String message) throws IOException {
        write(response, status, code, message, null);
    }

    public void write(HttpServletResponse response, int status, ErrorCode code, String message, Object details)
            throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiResponse.fail(ApiError.of(code, message, details)));
    }
}
