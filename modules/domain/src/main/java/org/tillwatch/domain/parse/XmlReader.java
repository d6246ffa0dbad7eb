package org.tillwatch.domain.parse;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small non-validating XML reader that checks well-formedness (one root, matched tags, quoted unique
 * attributes, known entities) and builds an element tree. The loyalty payloads are tiny and numerous: a full
 * XML stack would dominate parsing time, and DOCTYPEs (and so external entities) are refused outright.
 */
final class XmlReader {
    static final class NotWellFormed extends Exception {
        NotWellFormed(String message) {
            super(message, null, false, false);
        }
    }

    private final String s;
    private int i;

    private XmlReader(String s) {
        this.s = s;
    }

    static XmlElement parse(String xml) throws NotWellFormed {
        return new XmlReader(xml).document();
    }

    private XmlElement document() throws NotWellFormed {
        XmlElement root = null;
        Deque<XmlElement> stack = new ArrayDeque<>();
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '<') {
                int start = i;
                while (i < n && s.charAt(i) != '<') i++;
                if (stack.isEmpty()) {
                    if (!s.substring(start, i).isBlank()) throw new NotWellFormed("text outside the root element");
                } else {
                    appendText(stack.peek().text, start, i);
                }
                continue;
            }
            if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i + 2);
                if (end < 0) throw new NotWellFormed("unterminated processing instruction");
                i = end + 2;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) throw new NotWellFormed("unterminated comment");
                i = end + 3;
            } else if (s.startsWith("<![CDATA[", i)) {
                int end = s.indexOf("]]>", i + 9);
                if (end < 0 || stack.isEmpty()) throw new NotWellFormed("bad CDATA section");
                stack.peek().text.append(s, i + 9, end);
                i = end + 3;
            } else if (s.startsWith("<!", i)) {
                throw new NotWellFormed("DOCTYPE and declarations are not accepted");
            } else if (s.startsWith("</", i)) {
                i += 2;
                String name = name();
                skipSpace();
                expect('>');
                if (stack.isEmpty() || !stack.peek().name.equals(name)) throw new NotWellFormed("unexpected </" + name + ">");
                stack.pop();
            } else {
                i++;
                if (root != null && stack.isEmpty()) throw new NotWellFormed("more than one root element");
                XmlElement e = new XmlElement(name());
                boolean selfClosing = attributes(e);
                if (stack.isEmpty()) root = e; else stack.peek().children.add(e);
                if (!selfClosing) stack.push(e);
            }
        }
        if (root == null) throw new NotWellFormed("no root element");
        if (!stack.isEmpty()) throw new NotWellFormed("element <" + stack.peek().name + "> is not closed");
        return root;
    }

    /** Reads attributes up to '>' or '/>'; returns whether the tag closes itself. */
    private boolean attributes(XmlElement e) throws NotWellFormed {
        while (true) {
            boolean spaced = skipSpace();
            if (i >= s.length()) throw new NotWellFormed("unterminated tag <" + e.name);
            char c = s.charAt(i);
            if (c == '>') { i++; return false; }
            if (c == '/') { i++; expect('>'); return true; }
            if (!spaced) throw new NotWellFormed("attributes of <" + e.name + "> must be separated by spaces");
            String key = name();
            skipSpace();
            expect('=');
            skipSpace();
            if (i >= s.length()) throw new NotWellFormed("unterminated attribute " + key);
            char q = s.charAt(i);
            if (q != '"' && q != '\'') throw new NotWellFormed("attribute " + key + " is not quoted");
            int end = s.indexOf(q, i + 1);
            if (end < 0) throw new NotWellFormed("unterminated attribute " + key);
            if (s.indexOf('<', i + 1) >= 0 && s.indexOf('<', i + 1) < end) throw new NotWellFormed("'<' in attribute " + key);
            if (e.attribute(key) != null) throw new NotWellFormed("duplicate attribute " + key);
            StringBuilder v = new StringBuilder(end - i);
            int save = i;
            i = save + 1;
            appendText(v, i, end);
            e.attributes.add(key);
            e.attributes.add(v.toString());
            i = end + 1;
        }
    }

    private void appendText(StringBuilder out, int from, int to) throws NotWellFormed {
        int amp = s.indexOf('&', from);
        if (amp < 0 || amp >= to) {
            out.append(s, from, to);
            return;
        }
        int k = from;
        while (k < to) {
            char c = s.charAt(k);
            if (c != '&') { out.append(c); k++; continue; }
            int semi = s.indexOf(';', k);
            if (semi < 0 || semi >= to) throw new NotWellFormed("unterminated entity reference");
            String ent = s.substring(k + 1, semi);
            switch (ent) {
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "amp" -> out.append('&');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    try {
                        if (ent.startsWith("#x")) out.appendCodePoint(Integer.parseInt(ent.substring(2), 16));
                        else if (ent.startsWith("#")) out.appendCodePoint(Integer.parseInt(ent.substring(1)));
                        else throw new NotWellFormed("unknown entity &" + ent + ";");
                    } catch (IllegalArgumentException ex) {
                        throw new NotWellFormed("bad character reference &" + ent + ";");
                    }
                }
            }
            k = semi + 1;
        }
    }

    private String name() throws NotWellFormed {
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.') i++;
            else break;
        }
        if (i == start || !(Character.isLetter(s.charAt(start)) || s.charAt(start) == '_' || s.charAt(start) == ':')) {
            throw new NotWellFormed("bad name at offset " + start);
        }
        return s.substring(start, i);
    }

    private boolean skipSpace() {
        int start = i;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i > start;
    }

    private void expect(char c) throws NotWellFormed {
        if (i >= s.length() || s.charAt(i) != c) throw new NotWellFormed("expected '" + c + "' at offset " + i);
        i++;
    }
}
