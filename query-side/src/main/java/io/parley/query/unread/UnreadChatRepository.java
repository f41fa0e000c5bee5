package io.parley.query.unread;

import io.parley.shared.ChatStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface UnreadChatRepository extends JpaRepository<UnreadChatEntity, String> {

    List<UnreadChatEntity> findByCustomerIdOrderByChatId(String customerId);

    List<UnreadChatEntity> findByAgentIdAndStatusNotOrderByChatId(String agentId, ChatStatus status);

    List<UnreadChatEntity> findByStatusInOrderByChatId(Collection<ChatStatus> statuses);

    @Query("select c.version from UnreadChatEntity c where c.chatId = :chatId")
    Optional<Long> findVersion(String chatId);
}
