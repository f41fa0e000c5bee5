package io.parley.server.security;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;

interface RevokedTokenRepository extends JpaRepository<RevokedTokenEntity, String> {

    @Modifying
    @Query("delete from RevokedTokenEntity t where t.expiresAt < :now")
    int deleteExpired(@Param("now") Instant now);
}
