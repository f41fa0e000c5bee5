package io.parley.shared.query;

import io.parley.shared.Actor;

import java.util.List;

/**
 * The staff inbox, newest activity first. {@code statuses} empty: all. {@code assignee}: null (anyone),
 * {@code "me"}, {@code "none"} or an agent id. {@code q} matches ticket number, subject, customer name or email; {@code tag}, a
 * tag the chat carries.
 */
public record FetchInboxQuery(Actor viewer,
                              List<String> statuses,
                              String assignee,
                              String priority,
                              String category,
                              String q,
                              int page,
                              int limit,
                              String tag) {

    /** The inbox without a tag filter. */
    public FetchInboxQuery(Actor viewer, List<String> statuses, String assignee, String priority, String category,
                           String q, int page, int limit) {
        this(viewer, statuses, assignee, priority, category, q, page, limit, null);
    }
}
