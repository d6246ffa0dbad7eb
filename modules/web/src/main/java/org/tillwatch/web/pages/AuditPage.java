package org.tillwatch.web.pages;

import static org.tillwatch.web.html.Html.esc;

import java.util.List;

import org.tillwatch.web.html.View;

/** The latest audit records, for admins. */
public final class AuditPage {
    private AuditPage() {
    }

    public static String render(View v, List<String> lines) {
        StringBuilder b = new StringBuilder("<h1>").append(esc(v.t("audit.title"))).append("</h1><p class=\"muted\">")
                .append(esc(v.t("audit.hint"))).append("</p><pre id=\"audit\">");
        for (String l : lines) b.append(esc(l)).append('\n');
        return v.page(v.t("audit.title"), b.append("</pre>").toString());
    }
}
