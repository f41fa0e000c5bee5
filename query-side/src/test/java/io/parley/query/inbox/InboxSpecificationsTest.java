package io.parley.query.inbox;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxSpecificationsTest {

    @Test
    void searchTextMatchesAnywhereIgnoringCase() {
        assertThat(InboxSpecifications.containsPattern("  Refund ")).isEqualTo("%refund%");
    }

    @Test
    void wildcardsTypedBySearcherMatchOnlyThemselves() {
        assertThat(InboxSpecifications.containsPattern("50%_off\\")).isEqualTo("%50\\%\\_off\\\\%");
    }
}
