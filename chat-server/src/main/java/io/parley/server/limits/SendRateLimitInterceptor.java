package io.parley.server.limits;

import io.parley.shared.command.SendMessageCommand;
import io.parley.shared.error.ChatRejectedException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The message limit: every {@link SendMessageCommand} takes one token of its sender's bucket for that chat as it
 * is dispatched, so a socket send and a REST send draw on one allowance and a refused one never reaches the
 * aggregate (nothing is stored). The refusal is the caller's error: 429 on REST, an error ack on the socket.
 */
public final class SendRateLimitInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {
    private final RateLimiter limiter;
    private final RateLimitProperties limits;

    public SendRateLimitInterceptor(RateLimiter limiter, RateLimitProperties limits) {
        this.limiter = limiter;
        this.limits = limits;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof SendMessageCommand send && send.actor() != null) {
                int perMinute = limits.sendPerMinute();
                RateLimiter.Verdict verdict = limiter.take(RateLimiter.Limit.SEND,
                        send.actor().id() + ":" + send.chatId(), perMinute);
                if (!verdict.allowed()) {
                    throw ChatRejectedException.rateLimited("SEND_RATE_LIMITED",
                            "too many messages: at most " + perMinute + " a minute in one chat; retry in "
                                    + verdict.retryAfterSeconds() + " s", verdict.retryAfterSeconds());
                }
            }
            return message;
        };
    }
}
