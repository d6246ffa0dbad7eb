package org.tillwatch.domain.parse;

import java.util.ArrayList;
import java.util.List;

/** A parsed XML element: just what the loyalty exchange needs (name, attributes, children, text). */
final class XmlElement {
    final String name;
    final List<String> attributes = new ArrayList<>(4);
    final List<XmlElement> children = new ArrayList<>(4);
    final StringBuilder text = new StringBuilder();

    XmlElement(String name) {
        this.name = name;
    }

    String attribute(String key) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals(key)) return attributes.get(i + 1);
        }
        return null;
    }

    XmlElement child(String childName) {
        for (XmlElement c : children) {
            if (c.name.equals(childName)) return c;
        }
        return null;
    }

    String childText(String childName) {
        XmlElement c = child(childName);
        return c == null ? null : c.text.toString().trim();
    }
}
