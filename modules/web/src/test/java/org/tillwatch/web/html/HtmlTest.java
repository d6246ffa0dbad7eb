package org.tillwatch.web.html;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {
    @Test
    void everythingThatCouldOpenMarkupIsEscaped() {
        assertThat(Html.esc("<script>alert('x')</script> & \"q\"")).isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.esc("bell\u0007")).isEqualTo("bell\uFFFD");
        assertThat(Html.esc(null)).isEmpty();
    }

    @Test
    void jsonCannotCloseItsScriptElement() {
        assertThat(Html.jsonInScript("{\"a\":\"</script><b>&\"}")).doesNotContain("<", ">", "&").contains("\\u003c/script\\u003e");
    }

    @Test
    void cardsShowTheirLastFourDigitsOnly() {
        assertThat(Html.card("7000348403967001")).isEqualTo("•••• 7001");
        assertThat(Html.card("427601******7073")).isEqualTo("•••• 7073");
        assertThat(Html.card(null)).isEqualTo("—");
    }

    @Test
    void russianIsTheDefaultAndBothLanguagesHaveTheSameKeys() throws Exception {
        assertThat(Messages.of("xx").lang()).isEqualTo("ru");
        var ru = new java.util.Properties();
        var en = new java.util.Properties();
        try (var r = Messages.class.getResourceAsStream("/org/tillwatch/web/messages_ru.properties");
             var e = Messages.class.getResourceAsStream("/org/tillwatch/web/messages_en.properties")) {
            ru.load(new java.io.InputStreamReader(r, java.nio.charset.StandardCharsets.UTF_8));
            en.load(new java.io.InputStreamReader(e, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(ru.keySet()).isEqualTo(en.keySet());
        assertThat(Messages.of("en").t("search.results", "•••• 1234", 3)).isEqualTo("Card •••• 1234: 3 receipt(s) found");
    }
}
