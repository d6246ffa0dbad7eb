package org.tillwatch.domain.model;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tillwatch.domain.model.OutcomeExplanation.Category;

import static org.assertj.core.api.Assertions.assertThat;

class DictionaryFileTest {
    @Test
    void everyListedOutcomeHasACategoryAndAnEscalationDecision() {
        for (OutcomeExplanation e : OutcomeExplanations.all()) {
            if (e.outcome().equals(Outcome.UNKNOWN)) {
                assertThat(e.category()).isEqualTo(Category.UNKNOWN);
            } else if (e.critical()) {
                assertThat(e.category()).as(e.outcome()).isEqualTo(Category.SERVICE);
                assertThat(e.escalation().escalate()).as("a service failure is escalated: %s", e.outcome()).isTrue();
            } else {
                assertThat(e.category()).as(e.outcome()).isNotIn(Category.SERVICE, Category.UNKNOWN);
            }
            if (e.escalation().escalate()) {
                assertThat(e.escalation().line()).isIn("store-it", "loyalty", "processing");
                assertThat(e.escalation().lineName().ru()).containsPattern("\\p{IsCyrillic}");
            }
            assertThat(OutcomeExplanations.categoryName(e.category()).en()).isNotBlank();
        }
    }

    @Test
    void theSpecsCategoriesAreWhereOperatorsExpectThem() {
        assertThat(OutcomeExplanations.of("CardBlocked").category()).isEqualTo(Category.CARD);
        assertThat(OutcomeExplanations.of("QrCodeExpired").category()).isEqualTo(Category.CARD);
        assertThat(OutcomeExplanations.of("NotEnoughMoney").category()).isEqualTo(Category.POINTS);
        assertThat(OutcomeExplanations.of("CashierNotFound").category()).isEqualTo(Category.CASHIER);
        assertThat(OutcomeExplanations.of("DifferentCheque").category()).isEqualTo(Category.RECEIPT_CHANGED);
        assertThat(OutcomeExplanations.of("HTTP_502").category()).isEqualTo(Category.SERVICE);
        assertThat(OutcomeExplanations.of("HTTP_502").escalation().line()).isEqualTo("processing");
        assertThat(OutcomeExplanations.of("DeviceNotFound").escalation().line()).isEqualTo("store-it");
        assertThat(OutcomeExplanations.of("CardNotFound").escalation().escalate()).isFalse();
        assertThat(OutcomeExplanations.of("Ok").category()).isEqualTo(Category.OK);
    }

    @Test
    void unknownCodesAreShownAsUnknownNamingTheValue() {
        OutcomeExplanation code = OutcomeExplanations.of("777");
        assertThat(code.category()).isEqualTo(Category.UNKNOWN);
        assertThat(code.title().ru()).contains("777");
        OutcomeExplanation name = OutcomeExplanations.of("Gremlins");
        assertThat(name.category()).isEqualTo(Category.UNKNOWN);
        assertThat(name.title().en()).isEqualTo("Unknown outcome \"Gremlins\"");
        assertThat(name.title().ru()).isEqualTo("Неизвестный исход «Gremlins»");
        assertThat(OutcomeExplanations.of("HTTP_418").title().en()).contains("418");
        assertThat(OutcomeExplanations.of("").title().en()).contains("(empty)");
        assertThat(OutcomeExplanations.listed("CardBlocked")).isTrue();
        assertThat(OutcomeExplanations.listed("Gremlins")).isFalse();
        assertThat(Set.copyOf(OutcomeExplanations.tags().keySet())).isEqualTo(Tag.KNOWN);
    }
}
