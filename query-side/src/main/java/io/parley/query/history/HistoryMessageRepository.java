package io.parley.query.history;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface HistoryMessageRepository extends JpaRepository<HistoryMessageEntity, HistoryMessageKey> {

    // Hot paths are JPQL strings, not derived queries: Hibernate caches a string's translated plan, while a
    // derived query builds a new criteria tree and translates it again on every call (a third of the history
    // projection's CPU in the chat benchmark's profile).

    @Query("select m from HistoryMessageEntity m where m.chatId = :chatId and m.seq > :afterSeq"
            + " and m.seq < :beforeSeq order by m.seq")
    List<HistoryMessageEntity> findRange(String chatId, long afterSeq, long beforeSeq, Limit limit);

    @Query("select m from HistoryMessageEntity m, HistoryChatEntity c"
            + " where c.chatId in :chatIds and m.chatId = c.chatId and m.seq = c.lastSeq")
    List<HistoryMessageEntity> findLastOf(Collection<String> chatIds);

    @Query("select m from HistoryMessageEntity m, HistoryChatEntity c"
            + " where c.chatId = :chatId and m.chatId = c.chatId and m.seq = c.lastSeq")
    Optional<HistoryMessageEntity> findLast(String chatId);
}
