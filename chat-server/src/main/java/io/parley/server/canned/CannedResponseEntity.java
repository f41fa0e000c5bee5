package io.parley.server.canned;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A saved reply; the shortcode is stored lowercased, which makes its unique key case-insensitive. */
@Entity
@Table(name = "canned_response")
class CannedResponseEntity {
    @Id
    private String id;
    @Column(nullable = false)
    private String shortcode;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String content;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CannedResponseEntity() {
    }

    CannedResponseEntity(String id, String by, Instant at) {
        this.id = id;
        this.createdBy = by;
        this.createdAt = at;
    }

    void write(CannedResponseRequest request, String by, Instant at) {
        shortcode = request.normalizedShortcode();
        title = request.title().strip();
        content = request.content();
        updatedBy = by;
        updatedAt = at;
    }

    CannedResponseView view() {
        return new CannedResponseView(id, shortcode, title, content, createdBy, createdAt, updatedBy, updatedAt);
    }
}
