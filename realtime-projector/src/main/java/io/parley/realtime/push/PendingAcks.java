package io.parley.realtime.push;

import io.parley.realtime.dispatch.Reply;
import org.springframework.stereotype.Component;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one owner of socket send acknowledgements. A send registers its reply before its command runs; when the
 * command commits, the push dispatcher claims the reply on the committing thread and answers it in the chat's
 * lane from the stored event, just before the {@code newMessage} push, so no socket sees the message before its
 * sender knows it is stored. A reply nobody claimed (the command failed, or a retry found the original) is
 * settled by the sender itself.
 */
@Component
public class PendingAcks {
    private final ConcurrentMap<String, Reply> pending = new ConcurrentHashMap<>();

    /** Called before the send command is dispatched. */
    public void expect(String messageId, Reply reply) {
        pending.put(messageId, reply);
    }

    /**
     * Called once the command returned or failed: the reply if the commit did not claim it, which the caller
     * then answers itself; null if the chat's lane answers it.
     */
    public Reply unclaimed(String messageId) {
        return pending.remove(messageId);
    }

    /** Takes the reply of a stored message, on the committing thread. */
    Reply claim(String messageId) {
        return pending.remove(messageId);
    }
}
