package io.parley.command.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/chats/{id}/rating}: a whole score from 1 to 5 and an optional comment. */
public record RatingRequest(@NotNull(message = "score is required") @JsonDeserialize(using = WholeNumber.class)
                            Integer score,
                            @Size(max = 4000) String comment) {
}
