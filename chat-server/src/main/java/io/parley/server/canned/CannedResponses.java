package io.parley.server.canned;

import io.parley.shared.Actor;
import io.parley.shared.error.ChatRejectedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * The team's saved replies: configuration rather than chat facts, so a plain table (who changed one last is kept
 * on the row). The shortcode's unique key settles two admins saving the same one at once: one gets 409.
 */
@Service
class CannedResponses {
    static final int MAX_CONTENT = 4000;
    private static final Sort BY_SHORTCODE = Sort.by("shortcode", "id");

    private final CannedResponseRepository repository;

    CannedResponses(CannedResponseRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    Page<CannedResponseView> search(String q, int page, int limit) {
        PageRequest request = PageRequest.of(page - 1, limit, BY_SHORTCODE);
        Page<CannedResponseEntity> found = q == null || q.isBlank() ? repository.findAll(request)
                : repository.search(containsPattern(q), request);
        return found.map(CannedResponseEntity::view);
    }

    @Transactional
    CannedResponseView create(CannedResponseRequest request, Actor by) {
        checkContent(request);
        if (repository.existsByShortcode(request.normalizedShortcode())) throw taken();
        CannedResponseEntity canned = new CannedResponseEntity(UUID.randomUUID().toString(), by.id(), now());
        canned.write(request, by.id(), now());
        return save(canned);
    }

    @Transactional
    CannedResponseView replace(String id, CannedResponseRequest request, Actor by) {
        CannedResponseEntity canned = repository.findById(id)
                .orElseThrow(() -> ChatRejectedException.notFound("canned response"));
        checkContent(request);
        if (repository.existsByShortcodeAndIdNot(request.normalizedShortcode(), id)) throw taken();
        canned.write(request, by.id(), now());
        return save(canned);
    }

    @Transactional
    void delete(String id) {
        if (!repository.existsById(id)) throw ChatRejectedException.notFound("canned response");
        repository.deleteById(id);
    }

    private CannedResponseView save(CannedResponseEntity canned) {
        try {
            return repository.saveAndFlush(canned).view();
        } catch (DataIntegrityViolationException raceOnTheUniqueKey) {
            throw taken();
        }
    }

    private static void checkContent(CannedResponseRequest request) {
        String content = request.content();
        if (content.codePointCount(0, content.length()) > MAX_CONTENT) {
            throw ChatRejectedException.invalid("content", "CONTENT_TOO_LONG",
                    "content is limited to " + MAX_CONTENT + " characters, like a message");
        }
    }

    private static ChatRejectedException taken() {
        return ChatRejectedException.conflict("SHORTCODE_TAKEN", "another canned response has this shortcode");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A LIKE pattern for "contains", lower-cased, in which the searcher's own % and _ match only themselves. */
    static String containsPattern(String text) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') pattern.append('\\');
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
