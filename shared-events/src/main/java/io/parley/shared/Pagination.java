package io.parley.shared;

/** Paging facts of a list response: 1-based page, page size, totals and neighbours. */
public record Pagination(int page, int limit, long total, int totalPages, boolean hasNext, boolean hasPrev) {

    public static Pagination of(int page, int limit, long total) {
        int totalPages = (int) ((total + limit - 1) / limit);
        return new Pagination(page, limit, total, totalPages, page < totalPages, page > 1);
    }
}
