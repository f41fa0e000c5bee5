package io.parley.query.chat;

import io.parley.shared.Actor;
import io.parley.shared.Role;
import io.parley.shared.error.ChatRejectedException;
import io.parley.shared.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatAccessTest {

    @Test
    void customersAndGuestsReadOnlyTheirOwnChats() {
        assertThat(ChatAccess.canRead(new Actor("c-1", Role.USER, "Ann"), "c-1")).isTrue();
        assertThat(ChatAccess.canRead(new Actor("g-1", Role.GUEST, "Guest"), "g-1")).isTrue();
        assertThat(ChatAccess.canRead(new Actor("c-2", Role.USER, "Bob"), "c-1")).isFalse();
    }

    @Test
    void someoneElsesChatLooksLikeNoChatAtAll() {
        assertThatThrownBy(() -> ChatAccess.checkCanRead(new Actor("c-2", Role.USER, "Bob"), "c-1"))
                .isInstanceOfSatisfying(ChatRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void staffAndAuditorsReadEveryChat() {
        assertThat(ChatAccess.canRead(new Actor("a-1", Role.AGENT, "Alex"), "c-1")).isTrue();
        assertThat(ChatAccess.canRead(new Actor("a-2", Role.ADMIN, "Ada"), "c-1")).isTrue();
        assertThat(ChatAccess.canRead(new Actor("u-1", Role.AUDITOR, "Aud"), "c-1")).isTrue();
    }

    @Test
    void onlyStaffWorkTheInbox() {
        ChatAccess.checkStaff(new Actor("a-1", Role.AGENT, "Alex"));
        assertThatThrownBy(() -> ChatAccess.checkStaff(new Actor("u-1", Role.AUDITOR, "Aud")))
                .isInstanceOfSatisfying(ChatRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        assertThatThrownBy(() -> ChatAccess.checkStaff(new Actor("c-1", Role.USER, "Ann")))
                .isInstanceOf(ChatRejectedException.class);
    }
}
