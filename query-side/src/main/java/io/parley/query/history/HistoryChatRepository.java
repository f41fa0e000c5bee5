package io.parley.query.history;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface HistoryChatRepository extends JpaRepository<HistoryChatEntity, String> {

    @Query("select c.version from HistoryChatEntity c where c.chatId = :chatId")
    Optional<Long> findVersion(String chatId);
}
