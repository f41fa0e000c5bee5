package io.parley.query.inbox;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns an {@link InboxFilter} into the WHERE clause of an inbox listing. */
final class InboxSpecifications {
    static final char ESCAPE = '\\';

    private InboxSpecifications() {
    }

    static Specification<InboxChatEntity> matching(InboxFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!filter.statuses().isEmpty()) where.add(root.get("status").in(filter.statuses()));
            if (filter.unassigned()) {
                where.add(cb.isNull(root.get("agentId")));
            } else if (filter.agentId() != null) {
                where.add(cb.equal(root.get("agentId"), filter.agentId()));
            }
            if (filter.customerId() != null) where.add(cb.equal(root.get("customerId"), filter.customerId()));
            if (filter.priority() != null) where.add(cb.equal(root.get("priority"), filter.priority()));
            if (filter.category() != null) where.add(cb.equal(root.get("category"), filter.category()));
            if (filter.tag() != null) {
                where.add(cb.like(root.get("tags"), TagColumn.containsPattern(filter.tag()), ESCAPE));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String pattern = containsPattern(filter.text());
                List<Predicate> any = new ArrayList<>(List.of(
                        cb.like(cb.lower(root.get("ticketNumber")), pattern, ESCAPE),
                        cb.like(cb.lower(root.get("subject")), pattern, ESCAPE),
                        cb.like(cb.lower(root.get("customerName")), pattern, ESCAPE),
                        cb.like(cb.lower(root.get("customerEmail")), pattern, ESCAPE)));
                if (filter.searchMessages()) {
                    any.add(cb.isTrue(cb.function(MessageSearchFunction.NAME, Boolean.class, root.get("chatId"),
                            cb.literal(filter.text().trim()))));
                }
                where.add(cb.or(any.toArray(Predicate[]::new)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** A LIKE pattern for "contains", lower-cased, in which the searcher's own % and _ match only themselves. */
    static String containsPattern(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder("%");
        for (char c : lower.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) pattern.append(ESCAPE);
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
