package io.parley.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @Test
    void ordinaryTextEmojiAndOtherAstralCharactersAreStorable() {
        assertThat(StorableText.isStorable("hello, wörld — 你好 👋🏽 𝄞")).isTrue();
        assertThat(StorableText.isStorable("")).isTrue();
        assertThat(StorableText.isStorable("tab\tnewline\n\uFFFD\uFFFF")).isTrue();
    }

    @Test
    void nulIsNotStorableWhereverItStands() {
        assertThat(StorableText.firstUnstorable("hi\u0000")).isEqualTo(2);
        assertThat(StorableText.firstUnstorable("\u0000hi")).isZero();
    }

    @Test
    void loneSurrogatesAreNotStorable() {
        assertThat(StorableText.firstUnstorable("x\ud800y")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("x\udc00y")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("x\ud83d")).isEqualTo(1);
        assertThat(StorableText.firstUnstorable("\ud83d\udc4b\udc4b")).isEqualTo(2);
    }
}
