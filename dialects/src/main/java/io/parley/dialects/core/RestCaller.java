package io.parley.dialects.core;

import io.parley.shared.Actor;

/**
 * Who a dialect REST request comes from: the actor of its verified {@code Authorization: Bearer} token. The
 * application provides it (its security filter has verified the token already).
 */
public interface RestCaller {

    /** The caller; throws {@link DialectException} ({@code AUTH_REQUIRED} or {@code AUTH_FAILED}) without one. */
    Actor require();

    /** The caller, or null for a request without a token; a bad token is still refused ({@code AUTH_FAILED}). */
    Actor optional();
}
