package org.tillwatch.web.html;

/** HTML output: every value from the logs or the user goes through {@link #esc}; log content is untrusted input. */
public final class Html {
    private Html() {
    }

    /** Text safe inside an element or a quoted attribute. */
    public static String esc(Object value) {
        if (value == null) return "";
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append('\uFFFD');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** A path segment for a link (store codes, ids): anything outside [A-Za-z0-9_.-] percent-encoded. */
    public static String seg(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** JSON for a {@code <script type="application/json">} block: no {@code <} can end the element. */
    public static String jsonInScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** A loyalty card as operators see it: the last four digits only. */
    public static String card(String card) {
        if (card == null || card.isBlank()) return "—";
        String digits = card.replaceAll("[^0-9]", "");
        String last4 = digits.length() >= 4 ? digits.substring(digits.length() - 4) : "";
        return "•••• " + last4;
    }
}
