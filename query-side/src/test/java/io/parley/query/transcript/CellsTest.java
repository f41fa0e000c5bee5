package io.parley.query.transcript;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a spreadsheet would run as a formula is shown as text; everything else is left exactly as sent. */
class CellsTest {

    @Test
    void cellsAFormulaWouldStartWithAreMadeInert() {
        for (String formula : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(Cells.inert(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void ordinaryTextIsLeftAsSent() {
        for (String text : new String[] {"", "hello", "1+1=2", " =1", "'quoted", "a,b\n\"c\""}) {
            assertThat(Cells.inert(text)).as(text).isEqualTo(text);
        }
        assertThat(Cells.inert(null)).isEmpty();
    }
}
