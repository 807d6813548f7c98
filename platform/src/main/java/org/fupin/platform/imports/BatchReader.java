package org.fupin.platform.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the three layouts of a batch, streaming: NDJSON line by line, CSV record by record (first line = column
 * keys), the first sheet of an xlsx workbook row by row (SAX over the sheet's XML, shared strings read-only: a
 * workbook of any size needs memory for one row, not for the whole sheet). Values are handed on as trimmed text.
 */
public final class BatchReader {
    private BatchReader() {
    }

    /** A line of NDJSON. */
    @FunctionalInterface
    public interface LineSink {
        void line(int lineNumber, String line);
    }

    /** A record of a CSV or a sheet row: its number (the sheet's or file's line, 1 = the header) and values by column key. */
    @FunctionalInterface
    public interface RecordSink {
        void record(int rowNumber, Map<String, String> values);
    }

    /** Every non-blank line, numbered from 1. */
    public static void ndjson(InputStream in, LineSink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
                sink.line(n, line);
            }
        }
    }

    /** Every record of a CSV with a header line; a byte-order mark is skipped. */
    public static void csv(InputStream in, RecordSink sink) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(withoutBom(in))) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                sink.record(line, it.next());
            }
        }
    }

    private static java.io.Reader withoutBom(InputStream in) throws IOException {
        java.io.PushbackReader r = new java.io.PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    /**
     * Every non-empty row of the first sheet after the header row (column keys); rows the filter rejects (e.g. a
     * template's label row) are skipped.
     */
    public static void xlsx(Path file, Predicate<Map<String, String>> keep, RecordSink sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            SheetRows rows = new SheetRows(keep, sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException | UnsupportedFileFormatException e) {
            throw new IOException("not a readable xlsx workbook", e);
        }
    }

    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Predicate<Map<String, String>> keep;
        private final RecordSink sink;
        private List<String> names;
        private final Map<Integer, String> cells = new HashMap<>();

        SheetRows(Predicate<Map<String, String>> keep, RecordSink sink) {
            this.keep = keep;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String formatted, XSSFComment comment) {
            if (reference != null && formatted != null) {
                cells.put(new CellReference(reference).getCol() & 0xffff, formatted.trim());
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (names == null) {
                int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                names = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    names.add(cells.getOrDefault(i, ""));
                }
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), cells.getOrDefault(i, ""));
            }
            if (values.values().stream().allMatch(String::isEmpty) || !keep.test(values)) {
                return;
            }
            sink.record(rowNum + 1, values);
        }
    }
}
