package org.tillwatch.bot.text;

/** Telegram's HTML parse mode: text outside tags must escape &lt;, &gt; and &amp;. */
public final class Html {
    private Html() {
    }

    public static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String b(String s) {
        return "<b>" + esc(s) + "</b>";
    }

    public static String code(String s) {
        return "<code>" + esc(s) + "</code>";
    }
}
