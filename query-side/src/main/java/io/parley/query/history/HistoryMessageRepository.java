package io.parley.query.history;

import io.parley.shared.Side;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface HistoryMessageRepository extends JpaRepository<HistoryMessageEntity, HistoryMessageKey> {

    List<HistoryMessageEntity> findByChatIdAndSeqGreaterThanAndSeqLessThan(String chatId, long afterSeq,
                                                                            long beforeSeq, Pageable page);

    /** The other side's messages a read pointer newly covers: a primary-key range, however long the chat. */
    List<HistoryMessageEntity> findByChatIdAndSeqGreaterThanAndSeqLessThanEqualAndSenderSideAndReadAtIsNull(
            String chatId, long afterSeq, long upToSeq, Side senderSide);

    @Query("select m from HistoryMessageEntity m, HistoryChatEntity c"
            + " where c.chatId in :chatIds and m.chatId = c.chatId and m.seq = c.lastSeq")
    List<HistoryMessageEntity> findLastOf(Collection<String> chatIds);

    @Query("select m from HistoryMessageEntity m, HistoryChatEntity c"
            + " where c.chatId = :chatId and m.chatId = c.chatId and m.seq = c.lastSeq")
    Optional<HistoryMessageEntity> findLast(String chatId);
}
