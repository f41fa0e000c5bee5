package io.parley.query.inbox;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface InboxChatRepository extends JpaRepository<InboxChatEntity, String> {

    @Query("select c.version from InboxChatEntity c where c.chatId = :chatId")
    Optional<Long> findVersion(String chatId);
}
