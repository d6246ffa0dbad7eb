package org.tillwatch.orchestrator.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression: a ticket's free text kept a card number the customer typed in full, into the ticket store and the API. */
class TicketTextPanMaskTest {
    @Test
    void aFullPanTypedIntoTheTextIsMaskedOnArrival() throws Exception {
        TicketRequest t = TicketRequest.fromJson(new ObjectMapper().readTree("""
                {"id": "T-1", "created": "2026-11-20T18:00:00Z", "channel": "chat", "store": "URMY", "topic": "points_missing",
                 "text": "Платил картой 4276012802927073, баллов нет; карта лояльности 7000 1234 5678 9012 / order 123456"}"""));
        assertThat(t.text()).doesNotContain("4276012802927073").contains("Платил картой 427601******7073, баллов нет")
                .contains("карта лояльности 700012******9012").contains("order 123456");
        TicketRequest grouped = TicketRequest.fromJson(new ObjectMapper().readTree("""
                {"id": "T-2", "created": "2026-11-20T18:00:00Z", "channel": "phone", "store": "URMY", "topic": "points_missing",
                 "text": "card 4276-0128-0292-7073, phone +7 912 345-67-89"}"""));
        assertThat(grouped.text()).isEqualTo("card 427601******7073, phone +7 912 345-67-89");
    }
}
