package io.parley.server.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;

interface IssuedTokenRepository extends JpaRepository<IssuedTokenEntity, String> {

    List<IssuedTokenEntity> findBySubject(String subject);

    @Modifying
    @Query("delete from IssuedTokenEntity t where t.expiresAt < :now")
    int deleteExpired(@Param("now") Instant now);
}
