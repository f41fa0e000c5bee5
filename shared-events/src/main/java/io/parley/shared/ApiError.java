package io.parley.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.parley.shared.error.ErrorCode;

/** The error part of the envelope: a stable code, a human message and optional details. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, Object details) {

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), message, null);
    }

    public static ApiError of(ErrorCode code, String message, Object details) {
        return new ApiError(code.name(), message, details);
    }
}
