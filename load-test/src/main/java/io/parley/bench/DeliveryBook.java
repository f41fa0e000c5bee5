package io.parley.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.json.JSONObject;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every send of a run, keyed by its unique clientMessageId, and every {@code newMessage} any socket received.
 * Latency is the sender's {@code System.nanoTime()} at send (and at the intended send time of the schedule) to
 * the other participant's receipt, in microseconds. Each socket's stream of each chat is checked for duplicate
 * and out-of-order seqs; an acknowledged send the other side never got is lost.
 */
final class DeliveryBook {
    static final long MAX_MICROS = 120_000_000L;

    /** One send: who, where, when it was meant to go and went, and what became of it. */
    static final class Send {
        final String chatId;
        final String senderId;
        final long intendedNanos;
        final boolean measured;
        volatile long sentNanos;
        volatile boolean acked;
        volatile boolean failed;
        final AtomicBoolean delivered = new AtomicBoolean();

        Send(String chatId, String senderId, long intendedNanos, boolean measured) {
            this.chatId = chatId;
            this.senderId = senderId;
            this.intendedNanos = intendedNanos;
            this.measured = measured;
        }
    }

    /** What one socket received, per chat: the last seq and every seq seen. */
    static final class Inbox {
        final String userId;
        private final Map<String, BitSet> seen = new HashMap<>();
        private final Map<String, Long> last = new HashMap<>();

        Inbox(String userId) {
            this.userId = userId;
        }

        /** Seqs the socket already has (joinChat's catch-up), so they do not count as out of order later. */
        synchronized void caughtUp(String chatId, long upToSeq) {
            last.merge(chatId, upToSeq, Math::max);
        }
    }

    private final Map<String, Send> sends = new ConcurrentHashMap<>();
    final Histogram fromSend = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram fromIntended = new ConcurrentHistogram(MAX_MICROS, 3);
    final Histogram ackLatency = new ConcurrentHistogram(MAX_MICROS, 3);
    final Recorder interval = new Recorder(MAX_MICROS, 3);
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder ackFailures = new LongAdder();
    /** Success acks that came later than the ack timeout: failed sends all the same. */
    final LongAdder lateAcks = new LongAdder();
    final LongAdder deliveries = new LongAdder();
    final LongAdder ownEchoes = new LongAdder();
    final LongAdder otherMessages = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder outOfOrder = new LongAdder();
    final Map<String, String> errors = new ConcurrentHashMap<>();
    private final long ackTimeoutMicros;
    private volatile boolean measuring;

    DeliveryBook() {
        this(Participant.TIMEOUT.toMillis());
    }

    /** A send whose success ack comes later than {@code ackTimeoutMillis} after it went out counts as failed. */
    DeliveryBook(long ackTimeoutMillis) {
        this.ackTimeoutMicros = ackTimeoutMillis * 1000;
    }

    void measuring(boolean on) {
        measuring = on;
    }

    Send sending(String clientMessageId, String chatId, String senderId, long intendedNanos) {
        Send send = new Send(chatId, senderId, intendedNanos, measuring);
        sends.put(clientMessageId, send);
        sent.increment();
        return send;
    }

    void acked(Send send, Object[] answer) {
        long now = System.nanoTime();
        JSONObject envelope = answer.length > 0 && answer[0] instanceof JSONObject o ? o : null;
        if (envelope != null && envelope.optBoolean("success")) {
            send.acked = true;
            acked.increment();
            long micros = (now - send.sentNanos) / 1000;
            if (micros > ackTimeoutMicros) lateAcks.increment();
            if (send.measured) ackLatency.recordValue(Math.min(MAX_MICROS, micros));
        } else {
            send.failed = true;
            ackFailures.increment();
            JSONObject error = envelope == null ? null : envelope.optJSONObject("error");
            String code = envelope == null ? "NO_ENVELOPE" : error == null ? "?" : error.optString("code", "?");
            errors.putIfAbsent(code, String.valueOf(envelope));
        }
    }

    /** A {@code newMessage} that reached the socket of {@code inbox}. */
    void received(Inbox inbox, JSONObject message) {
        long now = System.nanoTime();
        String chatId = message.optString("chatId");
        long seq = message.optLong("seq", -1);
        synchronized (inbox) {
            BitSet seen = inbox.seen.computeIfAbsent(chatId, k -> new BitSet());
            if (seen.get((int) seq)) {
                duplicates.increment();
                return;
            }
            seen.set((int) seq);
            long last = inbox.last.getOrDefault(chatId, 0L);
            if (seq <= last) outOfOrder.increment();
            else inbox.last.put(chatId, seq);
        }
        Send send = message.isNull("clientMessageId") ? null : sends.get(message.optString("clientMessageId"));
        if (send == null) {
            otherMessages.increment();
        } else if (send.senderId.equals(inbox.userId)) {
            ownEchoes.increment();
        } else if (send.delivered.compareAndSet(false, true)) {
            deliveries.increment();
            if (send.measured) {
                long micros = Math.min(MAX_MICROS, (now - send.sentNanos) / 1000);
                fromSend.recordValue(micros);
                interval.recordValue(micros);
                fromIntended.recordValue(Math.min(MAX_MICROS, (now - send.intendedNanos) / 1000));
            }
        }
    }

    /** Sends of the measured phase: how many went out, were acknowledged, reached the other side. */
    long[] measured() {
        long out = 0, ok = 0, got = 0;
        for (Send s : sends.values()) {
            if (!s.measured) continue;
            out++;
            if (s.acked) ok++;
            if (s.delivered.get()) got++;
        }
        return new long[]{out, ok, got};
    }

    /** Puts the zero-checks of this book into the run. */
    void check(Run run) {
        check(run, "");
    }

    /** The zero-checks with their names prefixed (the baseline's are "bare."). */
    void check(Run run, String prefix) {
        run.check(prefix + "lost", undelivered());
        run.check(prefix + "duplicated", duplicates.sum());
        run.check(prefix + "outOfOrder", outOfOrder.sum());
        run.check(prefix + "failedSends", ackFailures.sum());
        run.check(prefix + "lateAcks", lateAcks.sum());
        run.check(prefix + "unacknowledged", unanswered());
        if (!errors.isEmpty()) run.notes.add(prefix + "failed sends, first answer per code: " + errors);
    }

    /** Sends that failed: error acks, acks later than the ack timeout, and sends never answered. */
    long failed() {
        return ackFailures.sum() + lateAcks.sum() + unanswered();
    }

    /** Acknowledged sends the other side has not received (yet). */
    long undelivered() {
        return sends.values().stream().filter(s -> s.acked && !s.delivered.get()).count();
    }

    /** Sends that got no acknowledgement at all (yet). */
    long unanswered() {
        return sends.values().stream().filter(s -> !s.acked && !s.failed).count();
    }

    /** Waits (bounded) until every acknowledged send reached the other side and every send was answered. */
    void drain(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline && (undelivered() > 0 || unanswered() > 0)) {
            Pause.millis(100);
        }
    }
}
