package org.tillwatch.domain.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tillwatch.domain.model.OutcomeExplanation.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeExplanationsTest {
    static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

    /** The outcome the rest of tillwatch builds for a spec name, through the Outcome and ErrorCode factories. */
    static Outcome outcomeFor(OutcomeExplanation e) {
        String name = e.outcome();
        if (name.startsWith("HTTP_")) return Outcome.http(Integer.parseInt(name.substring(5)));
        if (name.equals(Outcome.UNKNOWN)) return Outcome.ofErrorCode(777);
        return switch (name) {
            case "TIMEOUT" -> Outcome.ofException("java.net.SocketTimeoutException");
            case "CONNECTION" -> Outcome.ofException("java.net.ConnectException");
            case "TRANSPORT" -> Outcome.ofException("java.io.IOException");
            case "NO_RESPONSE" -> Outcome.NO_RESPONSE;
            default -> Outcome.ofErrorCode(ErrorCode.byName(name).orElseThrow().code());
        };
    }

    static List<Text> texts(OutcomeExplanation e) {
        return List.of(e.title(), e.meaning(), e.tellCustomer(), e.support());
    }

    static void assertReadable(Text t) {
        assertThat(t.ru()).isNotBlank();
        assertThat(t.en()).isNotBlank();
        assertThat(CYRILLIC.matcher(t.ru()).find()).as("Russian text has Cyrillic: %s", t.ru()).isTrue();
        assertThat(CYRILLIC.matcher(t.en()).find()).as("English text has no Cyrillic: %s", t.en()).isFalse();
    }

    @Test
    void everyErrorCodeHasItsExplanation() {
        for (ErrorCode c : ErrorCode.values()) {
            OutcomeExplanation e = OutcomeExplanations.of(c.displayName());
            assertThat(e.outcome()).isEqualTo(c.displayName());
            assertThat(e.code()).isEqualTo(c.code());
            assertThat(OutcomeExplanations.of(c)).isSameAs(e);
            assertThat(OutcomeExplanations.all()).contains(e);
        }
    }

    @Test
    void allIsInSpecTableOrder() {
        List<String> expected = new ArrayList<>();
        Arrays.stream(ErrorCode.values()).map(ErrorCode::displayName).forEach(expected::add);
        expected.addAll(List.of("Unknown", "TIMEOUT", "CONNECTION", "TRANSPORT",
                "HTTP_401", "HTTP_429", "HTTP_500", "HTTP_502", "HTTP_503", "HTTP_504", "NO_RESPONSE"));
        assertThat(OutcomeExplanations.all()).extracting(OutcomeExplanation::outcome).containsExactlyElementsOf(expected);
        List<Integer> codes = OutcomeExplanations.all().stream()
                .limit(ErrorCode.values().length).map(OutcomeExplanation::code).toList();
        assertThat(codes).isSorted();
    }

    @Test
    void namesAreUniqueAndResolveToThemselves() {
        Set<String> seen = new HashSet<>();
        for (OutcomeExplanation e : OutcomeExplanations.all()) {
            assertThat(seen.add(e.outcome())).as("unique: %s", e.outcome()).isTrue();
            assertThat(OutcomeExplanations.of(e.outcome())).isSameAs(e);
        }
        assertThat(OutcomeExplanations.all()).doesNotHaveDuplicates();
    }

    @Test
    void criticalAgreesWithOutcomeAndErrorCode() {
        for (OutcomeExplanation e : OutcomeExplanations.all()) {
            Outcome o = outcomeFor(e);
            assertThat(e.critical()).as("critical of %s", e.outcome()).isEqualTo(o.critical());
            assertThat(OutcomeExplanations.of(o).critical()).isEqualTo(o.critical());
            assertThat(OutcomeExplanations.of(o).outcome()).isEqualTo(o.name());
            ErrorCode.byName(e.outcome()).ifPresent(c -> assertThat(e.critical()).isEqualTo(c.critical()));
        }
        for (String exception : List.of("java.net.SocketTimeoutException", "java.net.ConnectException",
                "java.net.NoRouteToHostException", "java.net.SocketException", "java.lang.IllegalStateException")) {
            Outcome o = Outcome.ofException(exception);
            assertThat(OutcomeExplanations.of(o).critical()).isEqualTo(o.critical()).isTrue();
        }
    }

    @Test
    void okIsTheOnlyHappyOutcomeAndSaysNothingIsWrong() {
        OutcomeExplanation ok = OutcomeExplanations.of(Outcome.OK);
        assertThat(ok.outcome()).isEqualTo("Ok");
        assertThat(ok.code()).isZero();
        assertThat(ok.critical()).isFalse();
    }

    @Test
    void everyTextIsFilledInBothLanguages() {
        for (OutcomeExplanation e : OutcomeExplanations.all()) {
            texts(e).forEach(OutcomeExplanationsTest::assertReadable);
            assertThat(e.title().ru().length()).as("title is short: %s", e.title().ru()).isLessThanOrEqualTo(60);
            assertThat(e.title().en().length()).as("title is short: %s", e.title().en()).isLessThanOrEqualTo(60);
        }
    }

    @Test
    void criticalOutcomesTellTheCustomerItIsNotTheirFault() {
        for (OutcomeExplanation e : OutcomeExplanations.all()) {
            if (e.critical()) {
                assertThat(e.tellCustomer()).as(e.outcome()).isEqualTo(OutcomeExplanations.CUSTOMER_NOT_AT_FAULT);
            } else {
                assertThat(e.tellCustomer().ru()).as(e.outcome()).doesNotContain("сбой программы лояльности");
            }
        }
        assertThat(OutcomeExplanations.CUSTOMER_NOT_AT_FAULT.ru()).contains("не проблема с картой клиента", "обращение", "приложении");
        assertThat(OutcomeExplanations.CUSTOMER_NOT_AT_FAULT.en()).contains("not the customer's card", "request", "app");
    }

    @Test
    void differentChequeExplainsTheChangedReceipt() {
        OutcomeExplanation e = OutcomeExplanations.of("DifferentCheque");
        assertThat(e.code()).isEqualTo(45);
        assertThat(e.critical()).isFalse();
        assertThat(e.meaning().ru()).contains("пакет", "подытог");
        assertThat(e.tellCustomer().ru()).contains("могли не начислиться");
    }

    @Test
    void deviceNotFoundTellsSupportToRegisterTheRegister() {
        OutcomeExplanation e = OutcomeExplanations.of("DeviceNotFound");
        assertThat(e.critical()).isTrue();
        assertThat(e.support().ru()).contains("Зарегистрируйте кассу");
        assertThat(e.support().en()).containsIgnoringCase("register");
    }

    @Test
    void listedHttpStatusesHaveTheirOwnEntries() {
        for (int status : new int[] {401, 429, 500, 502, 503, 504}) {
            OutcomeExplanation e = OutcomeExplanations.of(Outcome.http(status));
            assertThat(e.outcome()).isEqualTo("HTTP_" + status);
            assertThat(e.code()).isEqualTo(status);
            assertThat(e.critical()).isTrue();
            assertThat(OutcomeExplanations.all()).contains(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP_418", "http_418", " HTTP_418 "})
    void anyOtherHttpStatusGetsAGenericGatewayExplanation(String name) {
        OutcomeExplanation e = OutcomeExplanations.of(name);
        assertThat(e.outcome()).isEqualTo("HTTP_418");
        assertThat(e.code()).isEqualTo(418);
        assertThat(e.critical()).isTrue().isEqualTo(Outcome.http(418).critical());
        assertThat(e.title().ru()).contains("418");
        assertThat(e.title().en()).contains("418");
        assertThat(e.meaning().ru()).contains("418");
        assertThat(e.meaning().en()).contains("418");
        assertThat(e.tellCustomer()).isEqualTo(OutcomeExplanations.CUSTOMER_NOT_AT_FAULT);
        texts(e).forEach(OutcomeExplanationsTest::assertReadable);
        assertThat(OutcomeExplanations.of(Outcome.http(418))).isEqualTo(e);
    }

    @Test
    void oddHttpStatusesStillExplain() {
        for (int status : new int[] {-3, 1000, 200}) {
            OutcomeExplanation e = OutcomeExplanations.of(Outcome.http(status));
            assertThat(e.outcome()).isEqualTo("HTTP_" + status);
            assertThat(e.critical()).isTrue();
            assertThat(e.title().ru()).contains(String.valueOf(status));
            assertThat(OutcomeExplanations.of("HTTP_" + status)).isEqualTo(e);
        }
    }

    @Test
    void unknownAndUnlistedCodesFallBackToUnknown() {
        OutcomeExplanation unknown = OutcomeExplanations.of("Unknown");
        assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(unknown.code()).isNull();
        assertThat(unknown.critical()).isTrue();
        assertThat(OutcomeExplanations.all()).contains(unknown);

        for (String raw : List.of("77", "-5", "9")) {
            OutcomeExplanation e = OutcomeExplanations.of(raw);
            int code = Integer.parseInt(raw);
            assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.critical()).isTrue().isEqualTo(Outcome.ofErrorCode(code).critical());
            assertThat(e.title().ru()).contains(raw);
            assertThat(e.meaning().en()).contains(raw);
            assertThat(OutcomeExplanations.of(Outcome.ofErrorCode(code))).isEqualTo(e);
        }
        assertThat(OutcomeExplanations.of("11")).isSameAs(OutcomeExplanations.of("CardBlocked"));
        assertThat(OutcomeExplanations.of(Outcome.ofErrorCode(45))).isSameAs(OutcomeExplanations.of(ErrorCode.DIFFERENT_CHEQUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FooBar", "HTTP_", "HTTP_abc", "99999999999999999999", "Card Blocked", "<ErrorCode>"})
    void garbageNamesGetAnUnknownOutcomeNamingTheRawValue(String raw) {
        OutcomeExplanation e = OutcomeExplanations.of(raw);
        assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(e.critical()).isTrue();
        assertThat(e.title().ru()).contains(raw);
        assertThat(e.title().en()).contains(raw);
        assertThat(e.meaning().ru()).contains(raw);
        texts(e).forEach(OutcomeExplanationsTest::assertReadable);
    }

    @Test
    void nullBlankAndHugeNamesNeverFail() {
        for (String raw : new String[] {null, "", "   ", "x".repeat(10_000), "bad\nline\u0007"}) {
            OutcomeExplanation e = OutcomeExplanations.of(raw);
            assertThat(e).isNotNull();
            assertThat(e.critical()).isTrue();
            assertThat(e.title().ru().length()).isLessThan(100);
            assertThat(e.title().ru()).doesNotContain("\n", "\u0007");
        }
        assertThat(OutcomeExplanations.of((Outcome) null).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void namesMatchIgnoringCase() {
        assertThat(OutcomeExplanations.of("cardblocked")).isSameAs(OutcomeExplanations.of("CardBlocked"));
        assertThat(OutcomeExplanations.of("timeout")).isSameAs(OutcomeExplanations.of(Outcome.TIMEOUT));
    }

    @Test
    void tagsCoverTheSpecTagsInOrder() {
        assertThat(OutcomeExplanations.tags().keySet()).containsExactly(
                "LOY_TIMEOUT", "LOY_OFFLINE", "LOY_ERROR", "CARD_DECLINED", "RCPT_CHANGED", "PAN_UNMASKED");
        assertThat(OutcomeExplanations.tags().keySet()).containsExactlyInAnyOrderElementsOf(Tag.KNOWN);
        OutcomeExplanations.tags().values().forEach(OutcomeExplanationsTest::assertReadable);
        assertThatThrownBy(() -> OutcomeExplanations.tags().put("X", new Text("х", "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void catalogueIsImmutable() {
        assertThatThrownBy(() -> OutcomeExplanations.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void textsAreValidatedAndPickTheLanguage() {
        assertThatThrownBy(() -> new Text(" ", "en")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Text("ру", null)).isInstanceOf(IllegalArgumentException.class);
        Text t = new Text("ру", "en");
        assertThat(t.in(Locale.forLanguageTag("ru-RU"))).isEqualTo("ру");
        assertThat(t.in(Locale.ENGLISH)).isEqualTo("en");
        assertThat(t.in(null)).isEqualTo("en");
        assertThatThrownBy(() -> new OutcomeExplanation(" ", null, false, t, t, t, t))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutcomeExplanation("Ok", 0, false, t, null, t, t))
                .isInstanceOf(NullPointerException.class);
    }
}
