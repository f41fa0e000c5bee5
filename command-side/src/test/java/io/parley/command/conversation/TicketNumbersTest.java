package io.parley.command.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketNumbersTest {
    @Test
    void ticketNumbersHaveTheYearAndSixDigits() {
        assertThat(TicketNumbers.format(2026, 42)).isEqualTo("TKT-2026-000042");
        assertThat(TicketNumbers.format(2026, 1_234_567)).isEqualTo("TKT-2026-1234567");
    }
}
