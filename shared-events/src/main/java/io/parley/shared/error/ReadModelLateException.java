package io.parley.shared.error;

/**
 * The read models did not reach the version a writer asked for within the read-your-writes wait. Not an error a
 * client sees: the writer answers from the chat's stored events instead.
 */
public class ReadModelLateException extends RuntimeException {
    public ReadModelLateException(String chatId, long version) {
        super("read models of chat " + chatId + " have not reached version " + version + " yet", null, false, false);
    }
}
