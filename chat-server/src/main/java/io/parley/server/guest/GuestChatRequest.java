package io.parley.server.guest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code POST /api/chats/guest}: an anonymous visitor's name, optional email and first message. */
public record GuestChatRequest(@NotBlank(message = "name is required") @Size(max = 100) String name,
                               @Email @Size(max = 254) String email,
                               @NotNull(message = "message is required") @Size(max = 8000) String message,
                               @Size(max = 200) String subject,
                               @Size(max = 64) String category,
                               String priority,
                               @Size(max = 10) List<@NotNull @Size(max = 64) String> attachmentIds,
                               @Size(max = 100) String clientMessageId) {
}
