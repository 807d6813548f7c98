package org.fupin.rectification.domain;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence files: the type from the bytes' magic numbers (never the client's), the name must agree, size limit, SHA-256. */
class EvidenceInspectorTest {

    final EvidenceInspector inspector = new EvidenceInspector(new EvidenceRules(64 * 1024, 255));

    static byte[] bytes(int... b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = (byte) b[i];
        }
        return r;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = concat(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), new byte[]{0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    static final byte[] JPEG = concat(bytes(0xFF, 0xD8, 0xFF, 0xE0), "JFIF".getBytes(StandardCharsets.US_ASCII));

    static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<xml/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A minimal OLE2 compound file: header sector, then one directory sector holding the root and one stream entry. */
    static byte[] ole2(String streamName) {
        ByteBuffer b = ByteBuffer.allocate(512 * 3).order(ByteOrder.LITTLE_ENDIAN);
        b.put(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1));
        b.putShort(0x1E, (short) 9); // 512-byte sectors
        b.putInt(0x30, 0); // first directory sector
        dirEntry(b, 512, "Root Entry", 5);
        dirEntry(b, 512 + 128, streamName, 2);
        return b.array();
    }

    static void dirEntry(ByteBuffer b, int at, String name, int type) {
        byte[] n = name.getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i < n.length; i++) {
            b.put(at + i, n[i]);
        }
        b.putShort(at + 64, (short) (n.length + 2));
        b.put(at + 66, (byte) type);
    }

    @Test
    void eachAllowedTypeIsRecognisedFromItsBytes() throws Exception {
        assertEquals(EvidenceType.PDF, inspector.inspect("整改报告.pdf", PDF).type());
        assertEquals(EvidenceType.PNG, inspector.inspect("现场照片.PNG", PNG).type());
        assertEquals(EvidenceType.JPEG, inspector.inspect("photo.jpg", JPEG).type());
        assertEquals(EvidenceType.JPEG, inspector.inspect("photo.jpeg", JPEG).type());
        assertEquals(EvidenceType.DOCX, inspector.inspect("a.docx", zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")).type());
        assertEquals(EvidenceType.XLSX, inspector.inspect("台账.xlsx", zip("[Content_Types].xml", "xl/workbook.xml")).type());
        assertEquals(EvidenceType.PPTX, inspector.inspect("a.pptx", zip("ppt/presentation.xml", "[Content_Types].xml")).type());
        assertEquals(EvidenceType.DOC, inspector.inspect("a.doc", ole2("WordDocument")).type());
        assertEquals(EvidenceType.XLS, inspector.inspect("a.xls", ole2("Workbook")).type());
        assertEquals(EvidenceType.XLS, inspector.inspect("old.xls", ole2("Book")).type());
        assertEquals(EvidenceType.PPT, inspector.inspect("a.ppt", ole2("PowerPoint Document")).type());
        InspectedEvidence e = inspector.inspect("a.pdf", PDF);
        assertEquals("application/pdf", e.contentType());
        assertEquals(PDF.length, e.size());
    }

    @Test
    void theContentTypeIsNeverTakenFromTheName() throws Exception {
        Refusal r = assertThrows(Refusal.class, () -> inspector.inspect("整改报告.pdf", PNG));
        assertEquals(415, r.status());
        assertEquals("image/png", r.details().get("detectedType"));
        assertTrue(r.getMessage().contains(".pdf"), r.getMessage());
        assertEquals(415, assertThrows(Refusal.class, () -> inspector.inspect("a.docx", zip("[Content_Types].xml", "xl/workbook.xml"))).status());
        assertEquals(415, assertThrows(Refusal.class, () -> inspector.inspect("a.xls", ole2("WordDocument"))).status());
    }

    @Test
    void otherBytesAreRefused() throws Exception {
        byte[] exe = concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[100]);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        byte[] plainZip = zip("readme.txt", "word/evil.exe");
        byte[] outlook = ole2("__substg1.0_0037001F");
        byte[] brokenZip = Arrays.copyOf(zip("[Content_Types].xml", "word/document.xml"), 30);
        for (byte[] b : new byte[][]{exe, html, plainZip, outlook, brokenZip, "%PD".getBytes(StandardCharsets.US_ASCII)}) {
            Refusal r = assertThrows(Refusal.class, () -> inspector.inspect("a.docx", b));
            assertEquals(415, r.status());
            assertEquals("file", r.field());
        }
    }

    @Test
    void sizeLimitEmptyFilesAndNames() {
        byte[] big = Arrays.copyOf(PDF, 64 * 1024 + 1);
        Refusal r = assertThrows(Refusal.class, () -> inspector.inspect("a.pdf", big));
        assertEquals(413, r.status());
        assertEquals(64L * 1024, r.details().get("maxBytes"));
        assertEquals(64 * 1024, inspector.inspect("a.pdf", Arrays.copyOf(PDF, 64 * 1024)).size(), "exactly the limit passes");
        Refusal fromStream = assertThrows(Refusal.class, () -> inspector.inspect("a.pdf", new ByteArrayInputStream(
                Arrays.copyOf(PDF, 10 * 64 * 1024))));
        assertEquals(413, fromStream.status(), "a stream is read only up to the limit + 1");
        assertEquals(400, assertThrows(Refusal.class, () -> inspector.inspect("a.pdf", new byte[0])).status());
        assertEquals("fileName", assertThrows(Refusal.class, () -> inspector.inspect(null, PDF)).field());
        assertEquals("fileName", assertThrows(Refusal.class, () -> inspector.inspect("noextension", PDF)).field());
        assertEquals("fileName", assertThrows(Refusal.class, () -> inspector.inspect("a\u0000.pdf", PDF)).field());
        assertEquals("fileName", assertThrows(Refusal.class, () -> inspector.inspect("x".repeat(300) + ".pdf", PDF)).field());
        assertEquals("report.pdf", inspector.inspect("C:\\Users\\wang\\..\\report.pdf", PDF).fileName(), "no path is kept");
        assertEquals("report.pdf", inspector.inspect("../../etc/report.pdf", PDF).fileName());
    }

    @Test
    void theSha256IsOfTheBytes() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", EvidenceInspector.sha256(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                EvidenceInspector.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(EvidenceInspector.sha256(PDF), inspector.inspect("a.pdf", PDF).sha256());
        assertTrue(EvidenceInspector.zipEntryNames(PDF) == null);
        assertThrows(IllegalArgumentException.class, () -> new EvidenceRules(0, 10));
    }
}
