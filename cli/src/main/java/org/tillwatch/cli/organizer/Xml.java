package org.tillwatch.cli.organizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indents XML for reading. A lexical pass, not a parser: it never resolves entities or DTDs, and text that is not
 * well-formed comes out indented as far as it goes rather than failing.
 */
final class Xml {
    private static final Pattern TOKEN = Pattern.compile("<[^>]*>|[^<]+");

    private Xml() {
    }

    static String pretty(String xml) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(xml.strip());
        while (m.find()) if (!m.group().isBlank()) tokens.add(m.group().strip());
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            boolean open = tok.startsWith("<") && !tok.startsWith("</") && !tok.endsWith("/>") && !tok.startsWith("<?") && !tok.startsWith("<!");
            if (open && i + 2 < tokens.size() && !tokens.get(i + 1).startsWith("<") && tokens.get(i + 2).startsWith("</")) {
                line(out, depth, tok + tokens.get(i + 1) + tokens.get(i + 2)); // <a>text</a> stays on one line
                i += 2;
            } else if (open) {
                line(out, depth++, tok);
            } else if (tok.startsWith("</")) {
                depth = Math.max(0, depth - 1);
                line(out, depth, tok);
            } else {
                line(out, depth, tok);
            }
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }
}
