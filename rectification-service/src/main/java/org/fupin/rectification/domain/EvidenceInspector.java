package org.fupin.rectification.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an evidence file (佐证材料) before it is stored: not empty, not above the size limit (413), a file name without
 * paths or control characters (400), and bytes of an allowed type (415) that its name's extension agrees with (415
 * naming what the bytes are). The type comes from the magic numbers only:
 * <ul>
 * <li>PDF {@code %PDF-}; PNG {@code 89 50 4E 47 0D 0A 1A 0A}; JPEG {@code FF D8 FF};</li>
 * <li>Office Open XML: a ZIP ({@code PK 03 04}) whose central directory lists {@code [Content_Types].xml} and
 * {@code word/}, {@code xl/} or {@code ppt/} entries — read from the directory only, nothing is decompressed (no zip
 * bomb can cost anything);</li>
 * <li>legacy Office: an OLE2 compound file ({@code D0 CF 11 E0 A1 B1 1A E1}) whose directory holds a {@code WordDocument},
 * {@code Workbook}/{@code Book} or {@code PowerPoint Document} stream.</li>
 * </ul>
 * Any other ZIP or OLE2 file (an archive, an Outlook message, an executable renamed .docx) is refused.
 */
public final class EvidenceInspector {

    private final EvidenceRules rules;

    public EvidenceInspector(EvidenceRules rules) {
        this.rules = rules;
    }

    /** Reads at most the limit + 1 bytes of the stream (413 beyond), then checks them. The caller closes the stream. */
    public InspectedEvidence inspect(String fileName, InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) rules.maxBytes() + 1);
            return inspect(fileName, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InspectedEvidence inspect(String fileName, byte[] bytes) {
        String name = cleanName(fileName);
        if (bytes.length == 0) {
            throw Refusal.invalid("file", "is empty");
        }
        if (bytes.length > rules.maxBytes()) {
            throw Refusal.tooLarge("file", "is larger than the limit of " + rules.maxBytes() + " bytes")
                    .with("maxBytes", rules.maxBytes());
        }
        EvidenceType type = detect(bytes).orElseThrow(() -> Refusal.unsupportedType("file",
                "is not a PDF, PNG, JPEG or Office document (judged by its content, not its name)"));
        String ext = extension(name);
        if (!type.extensions().contains(ext)) {
            throw Refusal.unsupportedType("file", "the content is " + type + " but the name says ." + ext
                    + "; name it ." + type.extensions().get(0)).with("detectedType", type.contentType());
        }
        return new InspectedEvidence(name, type, bytes.length, sha256(bytes));
    }

    /** The file name without any directory part; 400 when missing, too long, without extension or with control characters. */
    String cleanName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw Refusal.invalid("fileName", "is required");
        }
        String n = fileName.trim();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1).trim();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            throw Refusal.invalid("fileName", "is not a file name");
        }
        if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw Refusal.invalid("fileName", "must not contain control characters");
        }
        if (n.length() > rules.maxFileNameLength()) {
            throw Refusal.invalid("fileName", "must be at most " + rules.maxFileNameLength() + " characters");
        }
        if (extension(n).isEmpty()) {
            throw Refusal.invalid("fileName", "needs an extension such as .pdf, .jpg or .docx");
        }
        return n;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    // ---- detection from the bytes ----

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    /** The type the bytes are, or empty when they are none of the allowed ones. */
    public static Optional<EvidenceType> detect(byte[] b) {
        if (startsWith(b, PDF)) {
            return Optional.of(EvidenceType.PDF);
        }
        if (startsWith(b, PNG)) {
            return Optional.of(EvidenceType.PNG);
        }
        if (startsWith(b, JPEG)) {
            return Optional.of(EvidenceType.JPEG);
        }
        if (startsWith(b, ZIP)) {
            return ooxml(b);
        }
        if (startsWith(b, OLE2)) {
            return ole2(b);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, byte[] magic) {
        return b.length >= magic.length && Arrays.equals(b, 0, magic.length, magic, 0, magic.length);
    }

    /** Reads the entry names from the ZIP central directory (no decompression). */
    private static Optional<EvidenceType> ooxml(byte[] b) {
        Set<String> names = zipEntryNames(b);
        if (names == null || !names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        boolean word = names.stream().anyMatch(n -> n.startsWith("word/"));
        boolean excel = names.stream().anyMatch(n -> n.startsWith("xl/"));
        boolean ppt = names.stream().anyMatch(n -> n.startsWith("ppt/"));
        if (word && !excel && !ppt) {
            return Optional.of(EvidenceType.DOCX);
        }
        if (excel && !word && !ppt) {
            return Optional.of(EvidenceType.XLSX);
        }
        if (ppt && !word && !excel) {
            return Optional.of(EvidenceType.PPTX);
        }
        return Optional.empty();
    }

    /** The names of a ZIP's central directory, or null when the structure is broken. */
    static Set<String> zipEntryNames(byte[] b) {
        int eocd = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
            if (u32(b, i) == 0x06054b50L) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return null;
        }
        int entries = u16(b, eocd + 10);
        long size = u32(b, eocd + 12);
        long offset = u32(b, eocd + 16);
        if (offset + size > eocd || entries > 100_000) {
            return null;
        }
        Set<String> names = new HashSet<>();
        int p = (int) offset;
        for (int i = 0; i < entries; i++) {
            if (p + 46 > eocd || u32(b, p) != 0x02014b50L) {
                return null;
            }
            int nameLen = u16(b, p + 28);
            int extraLen = u16(b, p + 30);
            int commentLen = u16(b, p + 32);
            if (p + 46 + nameLen > eocd) {
                return null;
            }
            names.add(new String(b, p + 46, nameLen, StandardCharsets.UTF_8));
            p += 46 + nameLen + extraLen + commentLen;
        }
        return names;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }

    /**
     * The stream names of an OLE2 compound file's directory: directory entries are 128 bytes, sector-aligned after the
     * header sector, with the UTF-16LE name in the first 64 bytes, the name's byte length (with its terminator) at +64
     * and the object type at +66 (2 = stream). Every 128-byte slot is looked at, so no FAT chain has to be followed;
     * document text that happens to match a whole directory entry at such an offset is not a realistic case.
     */
    static Set<String> ole2StreamNames(byte[] b) {
        Set<String> names = new HashSet<>();
        if (b.length < 512) {
            return names;
        }
        int shift = u16(b, 0x1E);
        int sector = shift == 12 ? 4096 : 512;
        for (int p = sector; p + 128 <= b.length; p += 128) {
            int len = u16(b, p + 64);
            int type = b[p + 66];
            if (type == 2 && len >= 4 && len <= 64 && len % 2 == 0 && b[p + len - 2] == 0 && b[p + len - 1] == 0) {
                names.add(new String(b, p, len - 2, StandardCharsets.UTF_16LE));
            }
        }
        return names;
    }

    private static Optional<EvidenceType> ole2(byte[] b) {
        Set<String> streams = ole2StreamNames(b);
        if (streams.contains("WordDocument")) {
            return Optional.of(EvidenceType.DOC);
        }
        if (streams.contains("Workbook") || streams.contains("Book")) {
            return Optional.of(EvidenceType.XLS);
        }
        if (streams.contains("PowerPoint Document")) {
            return Optional.of(EvidenceType.PPT);
        }
        return Optional.empty();
    }
}
