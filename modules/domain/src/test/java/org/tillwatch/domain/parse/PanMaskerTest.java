package org.tillwatch.domain.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PanMaskerTest {
    @Test
    void cardLikeNumbersKeepFirstSixAndLastFour() {
        assertThat(PanMasker.maskCardLikeNumbers("card 4276380012345678 x")).isEqualTo("card 427638******5678 x");
        assertThat(PanMasker.maskCardLikeNumbers("rrn 398472659448 and 12345678901234567890")).isEqualTo("rrn 398472659448 and 12345678901234567890");
    }

    /** Found by ReferenceDialectFuzzTest: an Arabic-Indic digit before a PAN made one 20-digit run, left unmasked. */
    @Test
    void cardNumberAfterANonAsciiDigitIsMasked() {
        assertThat(PanMasker.maskCardLikeNumbers("x\u06F84276380012345678 y")).isEqualTo("x\u06F8427638******5678 y");
        assertThat(PanMasker.maskCardLikeNumbers("4276380012345678\u0968")).isEqualTo("427638******5678\u0968");
    }
}
