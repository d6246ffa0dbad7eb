package org.tillwatch.domain.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.tillwatch.domain.model.OutcomeExplanation.Text;

/**
 * Plain-words explanations of every loyalty outcome and of the registers' tags, in Russian and English,
 * for call-center operators (what happened, what to tell the customer) and on-call staff (what to check).
 * Whether an outcome is critical comes from {@link ErrorCode} and {@link Outcome}, never restated here.
 */
public final class OutcomeExplanations {

    /** Said for every critical outcome: not the customer's fault, how to check, how points get restored. */
    static final Text CUSTOMER_NOT_AT_FAULT = new Text(
            "Объясните, что это сбой программы лояльности, а не проблема с картой клиента. "
                    + "Баллы за эту покупку могли не начислиться: проверить можно в приложении. "
                    + "Если баллов нет, оформите обращение с номером чека — после восстановления сервиса и проверки баллы начислят.",
            "Explain that the loyalty service failed, not the customer's card. "
                    + "Points for this purchase may not have been credited; the customer can check in the app. "
                    + "If they are missing, file a request with the receipt number: once the service is back "
                    + "and the request is reviewed, the points will be credited.");

    /** Said where the register or cashier, not the customer, stopped the points: check, then file a request. */
    private static final Text CHECK_POINTS = new Text(
            "Баллы за эту покупку могли не начислиться: проверить можно в приложении. "
                    + "Если баллов нет, оформите обращение с номером чека.",
            "Points for this purchase may not have been credited; the customer can check in the app. "
                    + "If they are missing, file a request with the receipt number.");

    private static final Pattern HTTP_NAME = Pattern.compile("(?i)HTTP_(-?\\d{1,9})");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+");
    private static final int MAX_RAW_SHOWN = 40;

    private static final List<OutcomeExplanation> ALL;
    private static final Map<String, OutcomeExplanation> BY_NAME = new HashMap<>();
    private static final Map<String, OutcomeExplanation> BY_LOWER_NAME = new HashMap<>();
    private static final Map<String, Text> TAGS;

    static {
        List<OutcomeExplanation> all = new ArrayList<>();
        all.add(code(ErrorCode.OK,
                t("Успешно", "Success"),
                t("Программа лояльности выполнила операцию без ошибок.",
                        "The loyalty service processed the operation without errors."),
                t("Операция по карте прошла успешно. Баллы за чек начисляются, когда покупка подтверждена, и видны в приложении; "
                                + "за товары по акции баллы не начисляются.",
                        "The card operation went through. Points for a receipt are credited once the purchase is confirmed "
                                + "and show in the app; promo-priced items earn no points."),
                t("Действий не требуется.", "No action needed.")));
        all.add(code(ErrorCode.SYSTEM_ERROR,
                t("Внутренняя ошибка процессинга", "Loyalty processing internal error"),
                t("Процессинг лояльности не смог выполнить операцию из-за внутренней ошибки. С картой клиента и кассой это не связано.",
                        "Loyalty processing could not complete the operation because of an internal error. "
                                + "Neither the customer's card nor the register is at fault."),
                CUSTOMER_NOT_AT_FAULT,
                t("Проверьте состояние процессинга и его журналы за это время. Если ошибка массовая — эскалируйте поставщику процессинга.",
                        "Check the processing status and its logs for that time. If the error is widespread, escalate to the processing vendor.")));
        all.add(code(ErrorCode.VERSION_ERROR,
                t("Неподдерживаемая версия протокола", "Unsupported protocol version"),
                t("Процессинг не принимает версию протокола, с которой касса отправила запрос. "
                                + "Обычно это следствие обновления ПО кассы или процессинга.",
                        "Processing does not accept the protocol version the register sent. "
                                + "This usually follows an update of the register software or of processing."),
                CUSTOMER_NOT_AT_FAULT,
                t("Сверьте версию протокола в запросе кассы (элемент Version) с поддерживаемой процессингом. "
                                + "Проверьте, не обновляли ли недавно ПО касс или процессинг; при необходимости откатите обновление.",
                        "Compare the protocol version in the register's request (the Version element) with what processing supports. "
                                + "Check for a recent update of the register software or of processing; roll it back if needed.")));
        all.add(code(ErrorCode.PARSE_ERROR,
                t("Процессинг не разобрал запрос", "Request could not be parsed"),
                t("Процессинг получил запрос кассы, но не смог его разобрать: XML повреждён или не соответствует формату.",
                        "Processing received the register's request but could not parse it: the XML is broken or does not match the format."),
                CUSTOMER_NOT_AT_FAULT,
                t("Возьмите XML запроса из лога кассы и проверьте его. Если ошибка идёт с касс с одной версией ПО — "
                                + "передайте пример разработчикам кассового ПО.",
                        "Take the request XML from the register log and check it. If the errors come from registers on one software "
                                + "version, send a sample to the register software developers.")));
        all.add(code(ErrorCode.SIGNATURE_ERROR,
                t("Ошибка подписи запроса", "Request signature error"),
                t("Процессинг отклонил запрос: подпись не прошла проверку. Обычно ключи или сертификат кассы "
                                + "не совпадают с зарегистрированными в процессинге.",
                        "Processing rejected the request because its signature did not verify. Usually the register's keys "
                                + "or certificate do not match those registered in processing."),
                CUSTOMER_NOT_AT_FAULT,
                t("Проверьте ключи и сертификаты кассы и магазина и срок их действия; если их недавно меняли — синхронизируйте с процессингом.",
                        "Check the register's and store's keys and certificates and their expiry; if they were changed recently, "
                                + "sync them with processing.")));

        all.add(code(ErrorCode.CARD_NOT_FOUND,
                t("Карта не найдена", "Card not found"),
                t("Программа лояльности не знает такой номер карты: он введён с ошибкой, карта не выпущена или относится к другой программе.",
                        "The loyalty service does not know this card number: it was mistyped, the card was never issued, "
                                + "or it belongs to another program."),
                t("Карта не сработала, поэтому баллы за эту покупку не начислены. Сверьте номер карты с клиентом; "
                                + "если номер верный — проверьте, зарегистрирована ли карта в программе.",
                        "The card did not work, so no points were credited for this purchase. Check the card number with the customer; "
                                + "if it is correct, check whether the card is registered in the program."),
                t("Единичный случай действий не требует. Если таких ошибок много в одном магазине — проверьте сканеры и ручной ввод номеров; "
                                + "если по всей сети — загрузку выпущенных карт в процессинг.",
                        "A single case needs no action. Many in one store: check the scanners and manual number entry; "
                                + "across the chain: check that issued cards were loaded into processing.")));
        all.add(code(ErrorCode.CARD_BLOCKED,
                t("Карта заблокирована", "Card blocked"),
                t("Карта клиента заблокирована в программе лояльности: начислять и списывать баллы по ней нельзя.",
                        "The customer's card is blocked in the loyalty program: no points can be credited or redeemed on it."),
                t("Объясните, что карта заблокирована, поэтому баллы за эту покупку не начислены. "
                                + "Если клиент не знает о блокировке, оформите обращение: причину проверят и при необходимости карту разблокируют.",
                        "Explain that the card is blocked, so no points were credited for this purchase. "
                                + "If the customer did not know about it, file a request: the reason will be reviewed and the card unblocked if appropriate."),
                t("Единичный случай действий не требует. Если блокировок вдруг стало много — проверьте, не было ли массовой блокировки карт в процессинге.",
                        "A single case needs no action. A sudden surge: check whether cards were blocked in bulk in processing.")));
        all.add(code(ErrorCode.CARD_NOT_ACTIVATED,
                t("Карта не активирована", "Card not activated"),
                t("Карта выпущена, но ещё не активирована, поэтому операции по ней не проходят.",
                        "The card was issued but not activated yet, so operations on it are refused."),
                t("Объясните, что карту нужно активировать — зарегистрировать в приложении программы лояльности; после этого она заработает. "
                                + "Баллы за эту покупку не начислены.",
                        "Explain that the card must be activated by registering it in the loyalty app; after that it will work. "
                                + "No points were credited for this purchase."),
                t("Действий не требуется. Если не активны карты, которые клиенты уже регистрировали, — проверьте передачу анкет в процессинг.",
                        "No action needed. If cards that customers did register show as not activated, check how registrations reach processing.")));
        all.add(code(ErrorCode.CARD_EXPIRED,
                t("Срок действия карты истёк", "Card expired"),
                t("Срок действия карты истёк, и программа лояльности её больше не принимает.",
                        "The card has expired and the loyalty service no longer accepts it."),
                t("Объясните, что срок действия карты истёк, поэтому баллы за эту покупку не начислены. "
                                + "Предложите оформить новую карту, например виртуальную в приложении; по баллам со старой карты — оформите обращение.",
                        "Explain that the card has expired, so no points were credited for this purchase. "
                                + "Suggest getting a new card, for example a virtual one in the app; for the old card's points, file a request."),
                t("Действий не требуется. Если «истёкших» карт внезапно много — проверьте сроки действия карт, загруженные в процессинг.",
                        "No action needed. A sudden surge of expired cards: check the card expiry dates loaded into processing.")));
        all.add(code(ErrorCode.CARD_HOLDER_NOT_FOUND,
                t("Владелец карты не найден", "Cardholder not found"),
                t("Карта есть в программе, но к ней не привязана анкета владельца — обычно клиент не завершил регистрацию.",
                        "The card exists, but no holder profile is linked to it; usually the customer did not finish registering."),
                t("Попросите клиента завершить регистрацию карты — заполнить анкету в приложении. " + CHECK_POINTS.ru(),
                        "Ask the customer to finish registering the card by filling in the profile in the app. " + CHECK_POINTS.en()),
                t("Действий не требуется. При массовых случаях проверьте загрузку анкет клиентов в процессинг.",
                        "No action needed. If widespread, check that customer profiles are loaded into processing.")));
        all.add(code(ErrorCode.WRONG_PIN,
                t("Неверный PIN-код", "Wrong PIN"),
                t("Для операции по карте (обычно списания баллов) нужен PIN-код, а введённый не совпал.",
                        "The card operation (usually redeeming points) needs a PIN, and the one entered was wrong."),
                t("Объясните, что PIN-код введён неверно, поэтому операция не прошла. "
                                + "Если клиент не помнит PIN-код, помогите восстановить его по обычной процедуре программы.",
                        "Explain that the PIN was wrong, so the operation did not go through. "
                                + "If the customer has forgotten the PIN, help them reset it through the program's usual procedure."),
                t("Действий не требуется. Если ошибок PIN-кода много на одной кассе — проверьте устройство ввода PIN-кода.",
                        "No action needed. Many wrong PINs at one register: check its PIN entry device.")));
        all.add(code(ErrorCode.QR_CODE_EXPIRED,
                t("QR-код устарел", "QR code expired"),
                t("Клиент показал QR-код из приложения, срок действия которого уже истёк: код в приложении действует ограниченное время.",
                        "The customer showed a QR code from the app that had already expired: app codes are valid for a limited time only."),
                t("Попросите клиента обновить QR-код в приложении прямо перед сканированием на кассе. "
                                + "Если карта в этой покупке так и не применилась, баллы за неё не начислены — это видно в приложении.",
                        "Ask the customer to refresh the QR code in the app right before it is scanned at the till. "
                                + "If the card was never applied to this purchase, no points were credited for it; the app shows this."),
                t("Единичные случаи действий не требуют. Много в одном магазине — проверьте, быстро ли сканеры читают код с экрана; "
                                + "по всей сети — расхождение часов касс и процессинга и срок жизни кода.",
                        "Single cases need no action. Many in one store: check that the scanners read codes off screens quickly; "
                                + "across the chain: check clock drift between registers and processing, and the code lifetime.")));

        all.add(code(ErrorCode.NOT_ENOUGH_MONEY,
                t("Недостаточно баллов", "Not enough points"),
                t("Клиент хотел списать больше баллов, чем доступно на карте.",
                        "The customer tried to redeem more points than the card has available."),
                t("Объясните, что для списания не хватило баллов. Проверьте вместе с клиентом баланс в приложении: "
                                + "списать можно только баллы, уже доступные для списания.",
                        "Explain that there were not enough points to redeem. Check the balance in the app together with the customer: "
                                + "only points already available for redemption can be spent."),
                t("Действий не требуется. Если клиенты массово видят в приложении больше баллов, чем принимает касса, — сверьте балансы в процессинге.",
                        "No action needed. If many customers see more points in the app than the till accepts, reconcile balances in processing.")));
        all.add(code(ErrorCode.LARGE_PAYMENT_AMOUNT,
                t("Слишком большая сумма списания", "Redemption amount too large"),
                t("Сумма списания баллами больше допустимой для этого чека: правила программы ограничивают, какую часть покупки можно оплатить баллами.",
                        "The amount to pay with points exceeds what this receipt allows: the program's rules limit how much "
                                + "of a purchase can be paid with points."),
                t("Объясните, что по правилам программы баллами можно оплатить только часть покупки, остаток оплачивается деньгами.",
                        "Explain that under the program's rules points can pay for only part of a purchase; the rest is paid with money."),
                t("Действий не требуется. Если ошибка возникает и на небольших суммах — проверьте ограничения списания в процессинге и на кассах.",
                        "No action needed. If it also happens on small amounts, check the redemption limits in processing and on the registers.")));
        all.add(code(ErrorCode.LIMIT_GAINED,
                t("Превышен лимит", "Limit reached"),
                t("По карте исчерпан лимит операций, установленный программой (например, на число или сумму списаний за период).",
                        "The card has reached an operation limit set by the program (for example, on the number or amount of redemptions per period)."),
                t("Объясните, что по карте исчерпан лимит операций, установленный правилами программы, поэтому операция не прошла.",
                        "Explain that the card has reached an operation limit set by the program's rules, so the operation did not go through."),
                t("Действий не требуется. Лимит срабатывает у многих клиентов — проверьте настройки лимитов в процессинге; "
                                + "много операций по одной карте — возможное мошенничество, передайте в службу безопасности.",
                        "No action needed. Many customers hit it: check the limit settings in processing; "
                                + "many operations on one card may be fraud: pass it to the security team.")));

        all.add(code(ErrorCode.DEVICE_NOT_FOUND,
                t("Касса не зарегистрирована в процессинге", "Register unknown to processing"),
                t("Процессинг не знает эту кассу или магазин: касса не зарегистрирована в программе лояльности, поэтому карты на ней не работают.",
                        "Processing does not know this register or store: the register is not registered in the loyalty program, "
                                + "so no card works on it."),
                CUSTOMER_NOT_AT_FAULT,
                t("Зарегистрируйте кассу (и магазин, если он новый) в процессинге лояльности. Частые причины — новый магазин, "
                                + "замена кассы или смена её идентификатора. Пока это не исправлено, на этой кассе не работает ни одна карта.",
                        "Register the register (and the store, if it is new) in loyalty processing. Common causes: a new store, "
                                + "a replaced register or a changed register ID. Until this is fixed, no card works on this register.")));
        all.add(code(ErrorCode.DEVICE_BLOCKED,
                t("Касса заблокирована в процессинге", "Register blocked in processing"),
                t("Касса известна процессингу, но заблокирована, поэтому все операции лояльности на ней отклоняются.",
                        "Processing knows the register but has blocked it, so every loyalty operation on it is refused."),
                CUSTOMER_NOT_AT_FAULT,
                t("Выясните, кто и почему заблокировал кассу в процессинге (закрытие магазина, подозрение на мошенничество, ошибка), "
                                + "и разблокируйте её, если блокировка не нужна.",
                        "Find out who blocked the register in processing and why (store closure, suspected fraud, a mistake), "
                                + "and unblock it if the block is not needed.")));
        all.add(code(ErrorCode.CASHIER_NOT_FOUND,
                t("Кассир не найден", "Cashier not found"),
                t("Процессинг не знает кассира, указанного в запросе: кассир не заведён в программе лояльности или его номер указан неверно.",
                        "Processing does not know the cashier named in the request: the cashier is not set up in the loyalty program "
                                + "or the number is wrong."),
                t("Объясните, что это ошибка оформления на кассе, а не проблема с картой. " + CHECK_POINTS.ru(),
                        "Explain that this is a checkout setup error, not a problem with the card. " + CHECK_POINTS.en()),
                t("Заведите кассира в справочник сотрудников процессинга или проверьте номер кассира, с которым открыта смена.",
                        "Add the cashier to the staff directory in processing, or check the cashier number the shift was opened with.")));

        all.add(code(ErrorCode.NOT_UNIQUE_OPERATION_ID,
                t("Повторный идентификатор операции", "Duplicate operation ID"),
                t("Касса отправила операцию с идентификатором, который процессинг уже получал. Обычно это повторная отправка "
                                + "после тайм-аута или из офлайн-очереди, и первая попытка уже обработана.",
                        "The register sent an operation with an ID processing had already received. Usually it is a resend after a timeout "
                                + "or from the offline queue, and the first attempt was already processed."),
                t("Обычно ничего делать не нужно: операция обработана с первой попытки. " + CHECK_POINTS.ru(),
                        "Usually nothing to do: the operation went through on the first attempt. " + CHECK_POINTS.en()),
                t("Единичные случаи после тайм-аутов и отправки офлайн-очереди — норма. Если повторы идут без предшествующих сбоев, "
                                + "касса выдаёт неуникальные идентификаторы — передайте разработчикам кассового ПО.",
                        "Occasional cases after timeouts and offline-queue resends are normal. If they occur without earlier failures, "
                                + "the register is generating non-unique IDs: report it to the register software developers.")));
        all.add(code(ErrorCode.NOT_UNIQUE_PURCHASE_ID,
                t("Повторный номер покупки", "Duplicate purchase ID"),
                t("Номер покупки уже использован в процессинге. Обычно это повторная отправка чека, реже — касса присвоила один номер двум чекам.",
                        "The purchase ID is already used in processing. Usually the receipt was sent twice; less often the register "
                                + "gave two receipts the same number."),
                t("Объясните, что это ошибка оформления на кассе, а не проблема с картой. " + CHECK_POINTS.ru(),
                        "Explain that this is a checkout error, not a problem with the card. " + CHECK_POINTS.en()),
                t("Проверьте, не совпадают ли номера покупок у разных чеков (например, после сброса нумерации или замены кассы). "
                                + "Если совпадают — передайте разработчикам кассового ПО.",
                        "Check whether different receipts share a purchase ID (for example, after numbering was reset or a register replaced). "
                                + "If they do, report it to the register software developers.")));
        all.add(code(ErrorCode.OPERATION_NOT_FOUND,
                t("Операция не найдена", "Operation not found"),
                t("Касса ссылается на операцию (например, подтверждает или отменяет расчёт), которой нет в процессинге: "
                                + "обычно исходный запрос не дошёл из-за сбоя связи.",
                        "The register refers to an operation (for example, confirms or cancels a calculation) that processing does not have: "
                                + "usually the original request was lost to a connection failure."),
                t("Объясните, что это ошибка обмена кассы с программой лояльности, а не проблема с картой. " + CHECK_POINTS.ru(),
                        "Explain that this is an error between the register and the loyalty service, not a problem with the card. "
                                + CHECK_POINTS.en()),
                t("Посмотрите в логе кассы, чем закончился исходный запрос по этому чеку: чаще всего перед этим был тайм-аут или обрыв связи.",
                        "Look in the register log for how the receipt's original request ended: most often a timeout or a lost connection came first.")));
        all.add(code(ErrorCode.OPERATION_IS_CONFIRMED,
                t("Операция уже подтверждена", "Operation already confirmed"),
                t("Касса пытается подтвердить или отменить операцию, которая уже подтверждена. Чаще всего это повторное подтверждение, "
                                + "и первое уже прошло.",
                        "The register tried to confirm or cancel an operation that is already confirmed. Most often it is a repeated "
                                + "confirmation, and the first one went through."),
                t("Обычно ничего делать не нужно: покупка уже подтверждена, и клиент может проверить баллы в приложении. "
                                + "Если покупку отменяли, а баллы за неё остались или списались, оформите обращение с номером чека.",
                        "Usually nothing to do: the purchase is already confirmed, and the customer can check the points in the app. "
                                + "If the purchase was cancelled but its points stayed or were deducted, file a request with the receipt number."),
                t("Единичные повторы после тайм-аута — норма. Если касса пытается отменять уже подтверждённые операции — "
                                + "проверьте сценарий отмены чека в кассовом ПО.",
                        "Occasional repeats after a timeout are normal. If the register tries to cancel confirmed operations, "
                                + "check the receipt cancellation flow in the register software.")));
        all.add(code(ErrorCode.PURCHASE_NOT_FOUND,
                t("Покупка не найдена", "Purchase not found"),
                t("Процессинг не нашёл покупку, на которую ссылается операция, — например, возврат по чеку, "
                                + "который прошёл без карты или не дошёл до процессинга.",
                        "Processing did not find the purchase the operation refers to, for example a return of a receipt "
                                + "that went through without a card or never reached processing."),
                t("Объясните, что исходная покупка не найдена в программе лояльности, поэтому баллы по этой операции не пересчитаны. "
                                + "Если клиент не согласен с баллами, оформите обращение с номерами чеков покупки и возврата.",
                        "Explain that the original purchase was not found in the loyalty program, so points for this operation were not adjusted. "
                                + "If the customer disputes the points, file a request with the purchase and return receipt numbers."),
                t("Проверьте по логам, дошла ли исходная покупка до процессинга (офлайн-режим, сбои связи в день покупки).",
                        "Check in the logs whether the original purchase reached processing (offline mode, connection failures on the day of purchase).")));
        all.add(code(ErrorCode.DIFFERENT_CHEQUE,
                t("Чек изменён после расчёта", "Receipt changed after calculation"),
                t("Чек изменили после того, как программа лояльности рассчитала скидки и баллы (например, после подытога добавили пакет), "
                                + "и процессинг не подтвердил изменённый чек.",
                        "The receipt was changed after the loyalty service had calculated discounts and points (for example, a bag was added "
                                + "after the subtotal), and processing did not confirm the changed receipt."),
                t("Объясните, что чек изменили на кассе после расчёта баллов и клиент тут ни при чём. " + CHECK_POINTS.ru(),
                        "Explain that the receipt was changed at the till after the points were calculated, and the customer did nothing wrong. "
                                + CHECK_POINTS.en()),
                t("Это не сбой сервиса, а порядок работы на кассе. Если таких случаев много в одном магазине — напомните кассирам "
                                + "добавлять пакеты и товары до подытога; если по всей сети — проверьте, пересчитывает ли кассовое ПО чек после изменения.",
                        "Not a service failure but a checkout habit. Many in one store: remind cashiers to add bags and items before the subtotal; "
                                + "across the chain: check that the register software recalculates the receipt after a change.")));

        all.add(code(ErrorCode.COUPONS_EXCEPTION,
                t("Купон не применён", "Coupon not applied"),
                t("Процессинг не принял купон: он истёк, уже использован или не подходит к товарам в чеке.",
                        "Processing did not accept the coupon: it has expired, was already used, or does not apply to the items in the receipt."),
                t("Объясните, что купон не применился, и попросите клиента проверить в приложении срок действия и условия купона.",
                        "Explain that the coupon was not applied, and ask the customer to check its validity and terms in the app."),
                t("Действий не требуется. Если не применяются купоны одной акции массово — проверьте настройки акции в процессинге.",
                        "No action needed. If one campaign's coupons fail widely, check the campaign settings in processing.")));
        all.add(code(ErrorCode.DISCOUNT_EXCEPTION,
                t("Ошибка расчёта скидок", "Discount calculation error"),
                t("Процессинг не смог рассчитать скидки и баллы для чека — ошибка на стороне процессинга, обычно в настройках акций.",
                        "Processing could not calculate the receipt's discounts and points: a processing-side error, usually in campaign settings."),
                CUSTOMER_NOT_AT_FAULT,
                t("Проверьте акции и правила, которые недавно включали или меняли в процессинге, и журналы процессинга. "
                                + "Если ошибка массовая — эскалируйте поставщику процессинга и ответственным за акции.",
                        "Check the campaigns and rules recently enabled or changed in processing, and the processing logs. "
                                + "If widespread, escalate to the processing vendor and the campaign owners.")));

        all.add(unknownCode(null));

        all.add(transport(Outcome.TIMEOUT,
                t("Тайм-аут запроса", "Request timed out"),
                t("Касса не дождалась ответа программы лояльности. Неизвестно, успел ли процессинг выполнить операцию.",
                        "The register gave up waiting for the loyalty service. Whether processing completed the operation is unknown."),
                t("Если тайм-ауты в одном магазине — проверьте его канал связи; если во многих — время ответа шлюза и процессинга. "
                                + "Сравните задержки ответов в логах с тайм-аутом кассы.",
                        "Timeouts in one store: check its network link; in many stores: check gateway and processing response times. "
                                + "Compare response latencies in the logs with the register's timeout.")));
        all.add(transport(Outcome.CONNECTION,
                t("Нет связи с процессингом", "No connection to processing"),
                t("Касса не смогла соединиться с программой лояльности, или соединение оборвалось. Запрос, скорее всего, не дошёл до процессинга.",
                        "The register could not connect to the loyalty service, or the connection dropped. The request most likely never reached processing."),
                t("Один магазин — проверьте интернет-канал, VPN, DNS и сетевой экран магазина. Много магазинов сразу — доступность шлюза и процессинга.",
                        "One store: check its internet link, VPN, DNS and firewall. Many stores at once: check that the gateway and processing are up.")));
        all.add(transport(Outcome.TRANSPORT,
                t("Сбой передачи запроса", "Transport failure"),
                t("Запрос к программе лояльности завершился ошибкой, которая не описана в спецификации. Ответа от процессинга нет.",
                        "The request to the loyalty service failed with an error the spec does not describe. Processing gave no answer."),
                t("Посмотрите исключение и стек вызовов в логе кассы. Если ошибка повторяется — сообщите разработчикам tillwatch, чтобы её классифицировали.",
                        "Look at the exception and stack trace in the register log. If it recurs, report it to the tillwatch developers "
                                + "so it gets classified.")));
        all.add(http(401,
                t("Шлюз не принял ключ доступа", "Gateway rejected the access key"),
                t("API-шлюз отклонил запрос кассы (HTTP 401): ключ доступа недействителен, истёк или отозван. Запрос не дошёл до процессинга.",
                        "The API gateway rejected the register's request (HTTP 401): the access key is invalid, expired or revoked. "
                                + "The request never reached processing."),
                t("Проверьте ключ gateway_key из лога кассы: срок действия, не отозван ли, совпадает ли с выданным магазину. "
                                + "Перевыпустите ключ и обновите настройки кассы. Если 401 сразу во многих магазинах — проверьте, не меняли ли ключи или настройки шлюза.",
                        "Check the gateway_key from the register log: expiry, revocation, whether it matches the one issued to the store. "
                                + "Reissue the key and update the register settings. If many stores get 401 at once, check for changed keys or gateway settings.")));
        all.add(http(429,
                t("Слишком много запросов", "Too many requests"),
                t("API-шлюз ограничил частоту запросов (HTTP 429): касса или магазин превысили лимит. Запрос не обработан.",
                        "The API gateway throttled the request (HTTP 429): the register or store exceeded its rate limit. The request was not processed."),
                t("Проверьте лимиты шлюза для gateway_key и найдите источник всплеска: касса, которая шлёт запросы в цикле, "
                                + "или массовая отправка офлайн-очередей после восстановления связи. При необходимости временно поднимите лимит.",
                        "Check the gateway limits for the gateway_key and find the source of the burst: a register sending requests in a loop, "
                                + "or offline queues being resent all at once after an outage. Raise the limit temporarily if needed.")));
        all.add(http(500,
                t("Внутренняя ошибка шлюза", "Gateway internal error"),
                t("API-шлюз или процессинг за ним завершился внутренней ошибкой (HTTP 500). Запрос не обработан.",
                        "The API gateway or the processing behind it failed with an internal error (HTTP 500). The request was not processed."),
                t("Проверьте журналы шлюза и процессинга за это время. Если ошибка массовая — эскалируйте поставщику процессинга.",
                        "Check the gateway and processing logs for that time. If widespread, escalate to the processing vendor.")));
        all.add(http(502,
                t("Шлюз не получил ответ процессинга", "Bad gateway"),
                t("API-шлюз не смог получить корректный ответ от процессинга (HTTP 502): процессинг недоступен или работает со сбоями.",
                        "The API gateway got no valid answer from processing (HTTP 502): processing is down or failing."),
                t("Проверьте, работает ли процессинг и есть ли связь шлюза с ним. Если 502 во многих магазинах одновременно — это авария процессинга, эскалируйте.",
                        "Check that processing is up and the gateway can reach it. If many stores get 502 at once, processing is down: escalate.")));
        all.add(http(503,
                t("Сервис временно недоступен", "Service unavailable"),
                t("Шлюз или процессинг временно не принимают запросы (HTTP 503): перегрузка или технические работы.",
                        "The gateway or processing is temporarily not accepting requests (HTTP 503): overload or maintenance."),
                t("Уточните, не идут ли плановые работы, и проверьте нагрузку на процессинг. Если работ нет — эскалируйте.",
                        "Check whether maintenance is scheduled and how loaded processing is. If there is no maintenance, escalate.")));
        all.add(http(504,
                t("Процессинг не ответил шлюзу вовремя", "Gateway timeout"),
                t("API-шлюз не дождался ответа процессинга (HTTP 504): процессинг перегружен или завис. Неизвестно, успел ли он выполнить операцию.",
                        "The API gateway timed out waiting for processing (HTTP 504): processing is overloaded or stuck. "
                                + "Whether it completed the operation is unknown."),
                t("Проверьте время ответа и нагрузку процессинга. При массовых 504 — эскалируйте поставщику процессинга.",
                        "Check processing response times and load. If 504s are widespread, escalate to the processing vendor.")));
        all.add(transport(Outcome.NO_RESPONSE,
                t("Нет ответа", "No response"),
                t("Касса отправила запрос, но до конца чека в логе нет ни ответа, ни ошибки. Возможно, касса зависла или перезапустилась, "
                                + "либо ответ не попал в лог.",
                        "The register sent a request, but the log shows neither an answer nor an error before the receipt ended. "
                                + "The register may have hung or restarted, or the answer never made it into the log."),
                t("Проверьте лог кассы вокруг этого чека: перезапуск, зависание, обрыв лога. Если так во многих магазинах — "
                                + "возможно, процессинг принимает соединения, но не отвечает.",
                        "Check the register log around this receipt: a restart, a hang, a truncated log. If many stores show this, "
                                + "processing may be accepting connections without answering.")));

        ALL = List.copyOf(all);
        for (OutcomeExplanation e : ALL) {
            if (BY_NAME.put(e.outcome(), e) != null) throw new IllegalStateException("duplicate outcome " + e.outcome());
            BY_LOWER_NAME.put(e.outcome().toLowerCase(Locale.ROOT), e);
        }

        Map<String, Text> tags = new LinkedHashMap<>();
        tags.put(Tag.LOY_TIMEOUT, t("Касса не дождалась ответа программы лояльности (тайм-аут запроса).",
                "The register gave up waiting for the loyalty service (request timeout)."));
        tags.put(Tag.LOY_OFFLINE, t("Касса перешла в офлайн-режим: операции лояльности сохранены в очереди и будут отправлены повторно, "
                        + "когда связь восстановится. До этого баллы по ним не начислены.",
                "The register switched to offline mode: loyalty operations are queued and will be resent once the connection is back. "
                        + "Until then, no points are credited for them."));
        tags.put(Tag.LOY_ERROR, t("Процессинг лояльности ответил критической ошибкой — это сбой сервиса, а не проблема с картой клиента.",
                "Loyalty processing answered with a critical error: the service failed, not the customer's card."));
        tags.put(Tag.CARD_DECLINED, t("Программа лояльности отклонила карту клиента: она заблокирована, не найдена, истёк срок действия "
                        + "или устарел QR-код. Сам сервис при этом работает.",
                "The loyalty service refused the customer's card: it is blocked, unknown or expired, or the QR code was out of date. "
                        + "The service itself is working."));
        tags.put(Tag.RCPT_CHANGED, t("Чек изменили после расчёта скидок и баллов: позиции добавили или удалили после подытога. "
                        + "Баллы за такой чек могли не начислиться.",
                "The receipt was changed after discounts and points were calculated: items were added or removed after the subtotal. "
                        + "Points for such a receipt may not have been credited."));
        tags.put(Tag.PAN_UNMASKED, t("Зарезервированный тег (номер банковской карты в логе без маски); кассы его не устанавливают. "
                        + "Если он встретился, сообщите в ИТ-поддержку.",
                "A reserved tag (a payment card number logged unmasked); registers never set it. If you see it, tell IT support."));
        TAGS = Collections.unmodifiableMap(tags);
    }

    private OutcomeExplanations() {
    }

    /**
     * The explanation for an outcome name as the spec writes it ({@code CardBlocked}, {@code HTTP_502} ...). Never
     * {@code null}: any {@code HTTP_<status>} gets a gateway-error explanation naming the status; a processing code
     * given as a number gets its entry, or the Unknown one naming the code; anything else gets an "unknown outcome"
     * explanation naming the raw value. All the fallbacks are critical, as {@link Outcome} treats them.
     */
    public static OutcomeExplanation of(String outcomeName) {
        if (outcomeName == null || outcomeName.isBlank()) return unknownName(null);
        String name = outcomeName.strip();
        OutcomeExplanation e = BY_NAME.get(name);
        if (e == null) e = BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT));
        if (e != null) return e;
        var http = HTTP_NAME.matcher(name);
        if (http.matches()) return httpStatus(Integer.parseInt(http.group(1)));
        if (NUMBER.matcher(name).matches()) {
            try {
                int code = Integer.parseInt(name);
                return ErrorCode.of(code).map(OutcomeExplanations::of).orElseGet(() -> unknownCode(code));
            } catch (NumberFormatException tooLong) {
                return unknownName(name);
            }
        }
        return unknownName(name);
    }

    /** The explanation for an outcome; an unknown processing code or an unlisted HTTP status is named in the texts. */
    public static OutcomeExplanation of(Outcome outcome) {
        if (outcome == null) return unknownName(null);
        if (outcome.kind() == Outcome.Kind.HTTP && outcome.code() != null) return httpStatus(outcome.code());
        if (outcome.kind() == Outcome.Kind.UNKNOWN_CODE) {
            return outcome.code() == null ? BY_NAME.get(Outcome.UNKNOWN) : unknownCode(outcome.code());
        }
        return of(outcome.name());
    }

    /** The explanation for a processing error code. */
    public static OutcomeExplanation of(ErrorCode code) {
        return BY_NAME.get(code.displayName());
    }

    /**
     * Every outcome, in the spec's table order: the error codes from {@code Ok} to {@code DiscountException},
     * {@code Unknown}, then {@code TIMEOUT}, {@code CONNECTION}, {@code TRANSPORT}, {@code HTTP_401} ...
     * {@code HTTP_504}, and {@code NO_RESPONSE}.
     */
    public static List<OutcomeExplanation> all() {
        return ALL;
    }

    /** The spec's tags, in its table order, each explained in Russian and English. */
    public static Map<String, Text> tags() {
        return TAGS;
    }

    private static OutcomeExplanation httpStatus(int status) {
        OutcomeExplanation listed = BY_NAME.get("HTTP_" + status);
        if (listed != null) return listed;
        return http(status,
                t("Ошибка шлюза: HTTP " + status, "Gateway error: HTTP " + status),
                t("API-шлюз программы лояльности ответил кодом HTTP " + status + ", и запрос не был обработан. "
                                + "Этого статуса нет в спецификации.",
                        "The loyalty API gateway answered HTTP " + status + " and the request was not processed. "
                                + "The spec does not list this status."),
                t("Выясните по журналу API-шлюза (ключ gateway_key из лога кассы), почему шлюз вернул " + status + ". "
                                + "Если статус повторяется, сообщите разработчикам tillwatch, чтобы его добавили в справочник.",
                        "Find out from the API gateway log (the gateway_key is in the register log) why it returned " + status + ". "
                                + "If the status recurs, report it to the tillwatch developers so it is added to the catalogue."));
    }

    private static OutcomeExplanation unknownCode(Integer code) {
        String ru = code == null ? "код ответа, которого нет в спецификации" : "код ответа " + code + ", которого нет в спецификации";
        String en = code == null ? "a response code the spec does not list" : "response code " + code + ", which the spec does not list";
        return new OutcomeExplanation(Outcome.UNKNOWN, code, Outcome.ofErrorCode(-1).critical(),
                t(code == null ? "Неизвестный код ответа" : "Неизвестный код ответа " + code,
                        code == null ? "Unknown response code" : "Unknown response code " + code),
                t("Процессинг вернул " + ru + ". Пока его значение не выяснено, исход считается критическим.",
                        "Processing returned " + en + ". Until its meaning is known, the outcome counts as critical."),
                CUSTOMER_NOT_AT_FAULT,
                t("Узнайте значение кода у поставщика процессинга и, если код новый, сообщите разработчикам tillwatch, "
                                + "чтобы его добавили в справочник.",
                        "Ask the processing vendor what the code means and, if it is new, report it to the tillwatch developers "
                                + "so it is added to the catalogue."));
    }

    private static OutcomeExplanation unknownName(String raw) {
        String ru = raw == null ? "(пусто)" : "«" + shown(raw) + "»";
        String en = raw == null ? "(empty)" : "\"" + shown(raw) + "\"";
        return new OutcomeExplanation(Outcome.UNKNOWN, null, true,
                t("Неизвестный исход " + ru, "Unknown outcome " + en),
                t("Исход " + ru + " не описан в спецификации формата логов, и что он значит, неизвестно. "
                                + "Пока не выяснено обратное, он считается критическим.",
                        "The outcome " + en + " is not in the log format spec, so its meaning is unknown. "
                                + "Until shown otherwise, it counts as critical."),
                CHECK_POINTS,
                t("Значение не из спецификации: возможно, данные записала другая версия tillwatch или это ошибка разбора. "
                                + "Сообщите разработчикам tillwatch.",
                        "The value is not from the spec: the data may come from another tillwatch version, or it is a parsing error. "
                                + "Report it to the tillwatch developers."));
    }

    /** The raw value as it may be shown: no control characters, not too long. */
    private static String shown(String raw) {
        String clean = raw.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_RAW_SHOWN ? clean : clean.substring(0, MAX_RAW_SHOWN) + "…";
    }

    private static OutcomeExplanation code(ErrorCode c, Text title, Text meaning, Text tellCustomer, Text support) {
        return new OutcomeExplanation(c.displayName(), c.code(), c.critical(), title, meaning, tellCustomer, support);
    }

    private static OutcomeExplanation transport(Outcome o, Text title, Text meaning, Text support) {
        return new OutcomeExplanation(o.name(), o.code(), o.critical(), title, meaning,
                o.critical() ? CUSTOMER_NOT_AT_FAULT : CHECK_POINTS, support);
    }

    private static OutcomeExplanation http(int status, Text title, Text meaning, Text support) {
        return transport(Outcome.http(status), title, meaning, support);
    }

    private static Text t(String ru, String en) {
        return new Text(ru, en);
    }
}
