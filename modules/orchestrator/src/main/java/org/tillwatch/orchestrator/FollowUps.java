package org.tillwatch.orchestrator;

/** Texts of the automatic follow-ups, Russian and English, with the same placeholders as templates' replies. */
final class FollowUps {
    static final String POINTS_ARRIVED_RU = "Баллы за покупку {date} в магазине {store_name} на сумму {amount} начислены: {points}. Спасибо за терпение!";
    static final String POINTS_ARRIVED_EN = "The points for your purchase of {amount} on {date} at {store_name} have arrived: {points}. Thank you for your patience!";
    static final String INCIDENT_CLOSED_RU = "Сбой сервиса лояльности устранён. Если баллы за покупку {date} не появятся в течение суток, ответьте на это сообщение.";
    static final String INCIDENT_CLOSED_EN = "The loyalty service failure is fixed. If the points for your purchase on {date} do not appear within a day, reply to this message.";

    private FollowUps() {
    }
}
