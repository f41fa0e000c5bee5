package io.parley.server.canned;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CannedResponseRepository extends JpaRepository<CannedResponseEntity, String> {

    boolean existsByShortcode(String shortcode);

    boolean existsByShortcodeAndIdNot(String shortcode, String id);

    /** {@code pattern}: a lower-cased LIKE pattern with {@code \} as its escape. */
    @Query("SELECT c FROM CannedResponseEntity c WHERE c.shortcode LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(c.title) LIKE :pattern ESCAPE '\\'")
    Page<CannedResponseEntity> search(@Param("pattern") String pattern, Pageable pageable);
}
