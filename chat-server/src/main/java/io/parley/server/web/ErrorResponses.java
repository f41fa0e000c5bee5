package io.parley.server.web;

import io.parley.shared.ApiError;
import io.parley.shared.ApiResponse;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Builds the contract's error envelope as a response entity, always JSON whatever the client accepts. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static ResponseEntity<ApiResponse<Void>> of(ErrorCode code, String message) {
        return of(HttpStatusCode.valueOf(code.httpStatus()), code, message, null);
    }

    public static ResponseEntity<ApiResponse<Void>> of(ErrorCode code, String message, Object details) {
        return of(HttpStatusCode.valueOf(code.httpStatus()), code, message, details);
    }

    public static ResponseEntity<ApiResponse<Void>> of(HttpStatusCode status, ErrorCode code, String message,
                                                       Object details) {
        // A preset content type skips content negotiation, so an Accept header cannot turn an error into a 406.
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiResponse.fail(ApiError.of(code, message, details)));
    }

    /** A rejection; one that passes with time (a limit) also says when in {@code Retry-After}. */
    public static ResponseEntity<ApiResponse<Void>> of(ChatRejectedException e) {
        ResponseEntity<ApiResponse<Void>> answer = of(e.code(), e.getMessage(), e.details());
        if (e.retryAfterSeconds() == null) return answer;
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(answer.getBody());
    }

    /**
     * The contract code for a bare HTTP status, e.g. from the servlet container or a framework exception, read
     * from {@link ErrorCode}'s own table: the first code listed with that status (401 is AUTH_REQUIRED), any other
     * 4xx is bad input and anything else is INTERNAL.
     */
    public static ErrorCode codeFor(int status) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == status) return code;
        }
        return status >= 400 && status < 500 ? ErrorCode.VALIDATION_FAILED : ErrorCode.INTERNAL;
    }
}
