package org.tillwatch.collector.pan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Finds full payment card numbers in text, files and Lucene indexes: the sample fleet's {@code full_pans} and any
 * Luhn-valid 16-digit run of a payment network (first digit 2-6; loyalty cards start with 7) that stands alone (not inside a hex id,
 * not the fraction of a decimal number).
 */
public final class PanScan {
    /** Not after a '.': the fraction digits of a double in JSON (0.4860943168077388) are Luhn-valid one time in ten. */
    private static final Pattern SIXTEEN = Pattern.compile("(?<![0-9A-Za-z.])[2-6][0-9]{15}(?![0-9A-Za-z])");
    private final Set<String> known;

    public PanScan(Set<String> known) {
        this.known = Set.copyOf(known);
    }

    public static PanScan ofSampleFleet(Path fleet) throws IOException {
        Set<String> pans = new LinkedHashSet<>();
        JsonNode e = new ObjectMapper().readTree(fleet.resolve("expected.json").toFile());
        e.get("full_pans").forEach(p -> pans.add(p.asText()));
        if (pans.isEmpty()) throw new IllegalStateException("expected.json lists no full_pans: nothing to look for");
        return new PanScan(pans);
    }

    public Set<String> known() {
        return known;
    }

    /** The full PANs in the text (each once). */
    public List<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (String p : known) if (text.contains(p)) found.add(p);
        Matcher m = SIXTEEN.matcher(text);
        while (m.find()) if (luhn(m.group())) found.add(m.group());
        return new ArrayList<>(found);
    }

    /** "file: pan" for every full PAN in every file under the directory (raw bytes, gunzipped too) and in its indexes. */
    public List<String> inTree(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        Set<Path> indexes = new LinkedHashSet<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (String p : in(new String(bytes, StandardCharsets.ISO_8859_1))) out.add(root.relativize(f) + ": " + p);
            if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                for (String p : in(gunzip(bytes))) out.add(root.relativize(f) + " (gunzipped): " + p);
            }
            if (f.getFileName().toString().startsWith("segments_")) indexes.add(f.getParent());
        }
        for (Path dir : indexes) out.addAll(inIndex(root, dir));
        return out;
    }

    /** Lucene compresses stored fields, so a byte scan alone cannot see them: read every stored field of every document. */
    private List<String> inIndex(Path root, Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(d)) {
            StoredFields stored = r.storedFields();
            for (int i = 0; i < r.maxDoc(); i++) {
                Document doc = stored.document(i);
                for (IndexableField f : doc.getFields()) {
                    String v = f.stringValue();
                    BytesRef b = f.binaryValue();
                    if (v == null && b != null) v = maybeGunzip(b);
                    if (v != null) for (String p : in(v)) out.add(root.relativize(dir) + " doc " + i + " field " + f.name() + ": " + p);
                }
            }
        }
        return out;
    }

    private static String maybeGunzip(BytesRef b) throws IOException {
        byte[] bytes = java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) raw += "\n" + gunzip(bytes);
        return raw;
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.io.EOFException e) {
            return ""; // a gzip file cut short (a spool segment being written): its raw bytes were scanned
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
