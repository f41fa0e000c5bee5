package io.parley.query.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells how many nodes are alive, with nothing but Axon token claims: every node holds one slot of a pseudo
 * processor in the token table and renews it; a slot not renewed within the store's claim timeout is free again.
 */
final class NodeMembership {
    static final String NAME = "__parley-nodes";
    /** More nodes than this still run, but only this many count when segments are shared out. */
    static final int SLOTS = 32;
    private static final Logger log = LoggerFactory.getLogger(NodeMembership.class);

    private final TokenStore slots;
    private final TransactionManager transactions;
    private Integer slot;

    /** {@code slots} must be a token store whose claim timeout is shorter than the processors' one. */
    NodeMembership(TokenStore slots, TransactionManager transactions) {
        this.slots = slots;
        this.transactions = transactions;
    }

    /** Renews this node's slot, or takes a free one when it has none (first call, or after it lapsed). */
    synchronized void renew() {
        if (slot != null) {
            try {
                transactions.executeInTransaction(() -> slots.fetchToken(NAME, slot));
                return;
            } catch (UnableToClaimTokenException lapsed) {
                log.warn("node membership slot {} lapsed and was taken by another node; joining again", slot);
                slot = null;
            }
        }
        if (transactions.fetchInTransaction(() -> slots.fetchSegments(NAME)).length == 0) {
            try {
                transactions.executeInTransaction(() -> slots.initializeTokenSegments(NAME, SLOTS));
            } catch (RuntimeException createdByAnotherNode) {
                log.debug("membership slots were created concurrently: {}", createdByAnotherNode.getMessage());
            }
        }
        for (Segment free : transactions.fetchInTransaction(() -> slots.fetchAvailableSegments(NAME))) {
            try {
                transactions.executeInTransaction(() -> slots.fetchToken(NAME, free.getSegmentId()));
                slot = free.getSegmentId();
                return;
            } catch (UnableToClaimTokenException takenMeanwhile) {
                // another node joined at the same moment; try the next slot
            }
        }
        log.warn("all {} node membership slots are taken; this node runs but is not counted", SLOTS);
    }

    /** Live nodes, this one included: the slots whose claims are fresh and not this node's, plus one. */
    int liveNodes() {
        int total = transactions.fetchInTransaction(() -> slots.fetchSegments(NAME)).length;
        // Available = unclaimed, lapsed, or claimed by this node.
        int available = transactions.fetchInTransaction(() -> slots.fetchAvailableSegments(NAME)).size();
        return Math.max(0, total - available) + 1;
    }

    /** Leaves at once, so that the others take over this node's share without waiting for a timeout. */
    synchronized void leave() {
        if (slot == null) return;
        try {
            transactions.executeInTransaction(() -> slots.releaseClaim(NAME, slot));
        } catch (RuntimeException e) {
            log.debug("could not release membership slot {}: {}", slot, e.getMessage());
        }
        slot = null;
    }
}
