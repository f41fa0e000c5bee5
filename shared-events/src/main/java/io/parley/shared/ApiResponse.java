package io.parley.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The contract's success and error envelope, shared by REST responses and socket acknowledgements. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, ApiError error, Pagination pagination) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, null);
    }

    public static <T> ApiResponse<T> page(T data, Pagination pagination) {
        return new ApiResponse<>(true, data, null, pagination);
    }

    public static <T> ApiResponse<T> fail(ApiError error) {
        return new ApiResponse<>(false, null, error, null);
    }
}
