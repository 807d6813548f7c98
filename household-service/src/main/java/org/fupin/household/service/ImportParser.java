package org.fupin.household.service;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.parsers.ParserConfigurationException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an uploaded batch into one JSON payload per household (the shape of {@code ImportRequest}).
 * <ul>
 *   <li>NDJSON: one household per line, as sent;</li>
 *   <li>CSV and xlsx (laid out like the registration form): one row per member, household columns repeated, and
 *   consecutive rows with the same {@code householdRef} form one household. A household is numbered by its first row.</li>
 * </ul>
 * Values are passed on as text: wrong values are reported by the row's validation, naming the field.
 */
public final class ImportParser {

    public enum Format { NDJSON, CSV, XLSX }

    /** The columns of the CSV and of the xlsx template, in order. */
    public static final List<String> COLUMNS = List.of("householdRef", "regionCode", "householdCode", "householdType", "mainCause",
            "otherCauses", "incomeYear", "wages", "production", "property", "transfer", "identificationYear",
            "name", "residentId", "relation", "sex", "birthDate", "health", "disability", "labourAbility", "education",
            "schoolingStatus", "migrantWork");

    /** Chinese labels of the template's columns (中文表头), shown in the template's second row. */
    public static final List<String> LABELS = List.of("户序号", "村代码", "户编号", "户类型", "主要致贫原因", "其他致贫原因(;分隔)",
            "收入年度", "工资性收入", "生产经营性收入", "财产性收入", "转移性收入", "识别年度", "姓名", "身份证号", "与户主关系", "性别",
            "出生日期", "健康状况", "残疾", "劳动能力", "文化程度", "在校生状况", "务工");

    private static final List<String> MEMBER_COLUMNS = COLUMNS.subList(12, COLUMNS.size());

    public interface Sink {
        void row(int rowNumber, String payload);
    }

    private final ObjectMapper json;

    public ImportParser(ObjectMapper json) {
        this.json = json;
    }

    /** Reads the batch from {@code in}; a workbook is read from {@code file} (the same bytes), row by row. */
    public void parse(Format format, InputStream in, Path file, Sink sink) throws IOException {
        switch (format) {
            case NDJSON -> ndjson(in, sink);
            case CSV -> csv(in, sink);
            case XLSX -> xlsx(file, sink);
        }
    }

    private void ndjson(InputStream in, Sink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
                sink.row(n, line);
            }
        }
    }

    private void csv(InputStream in, Sink sink) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema)
                .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Grouper g = new Grouper(sink);
            int line = 1;
            while (it.hasNext()) {
                line++;
                g.add(line, it.next());
            }
            g.flush();
        }
    }

    /**
     * The first sheet, streamed (SAX over the sheet's XML, shared strings read-only): a workbook of any size needs
     * memory for one row, not for the whole sheet.
     */
    private void xlsx(Path file, Sink sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            Grouper g = new Grouper(sink);
            SheetRows rows = new SheetRows(g);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new DataFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
            g.flush();
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | POIXMLException | UnsupportedFileFormatException e) {
            throw new IOException("not a readable xlsx workbook", e);
        }
    }

    /** Rows of a sheet as they stream by: the first is the header (column keys); the template's label row is skipped. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Grouper grouper;
        private List<String> names;
        private final Map<Integer, String> cells = new HashMap<>();

        SheetRows(Grouper grouper) {
            this.grouper = grouper;
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
            if (LABELS.get(0).equals(values.get("householdRef"))) {
                return; // the template's Chinese label row
            }
            if (values.values().stream().allMatch(String::isEmpty)) {
                return;
            }
            grouper.add(rowNum + 1, values);
        }
    }

    /** Collects consecutive member rows of one household into one payload. */
    private final class Grouper {
        private final Sink sink;
        private String ref;
        private int firstRow;
        private ObjectNode household;
        private String identificationYear;

        Grouper(Sink sink) {
            this.sink = sink;
        }

        void add(int rowNumber, Map<String, String> row) {
            String r = value(row, "householdRef");
            if (household == null || r == null || !r.equals(ref)) {
                flush();
                ref = r;
                firstRow = rowNumber;
                household = json.createObjectNode();
                put(household, "regionCode", value(row, "regionCode"));
                put(household, "householdCode", value(row, "householdCode"));
                put(household, "householdType", value(row, "householdType"));
                put(household, "mainCause", value(row, "mainCause"));
                ArrayNode other = household.putArray("otherCauses");
                String others = value(row, "otherCauses");
                if (others != null) {
                    for (String c : others.split("[;；]")) {
                        if (!c.isBlank()) {
                            other.add(c.trim());
                        }
                    }
                }
                put(household, "incomeYear", value(row, "incomeYear"));
                ObjectNode income = household.putObject("incomeItems");
                Map.of("wages", "WAGES", "production", "PRODUCTION", "property", "PROPERTY", "transfer", "TRANSFER")
                        .forEach((column, kind) -> {
                            String v = value(row, column);
                            if (v != null) {
                                income.put(kind, v);
                            }
                        });
                household.putArray("members");
                identificationYear = value(row, "identificationYear");
            }
            ObjectNode member = ((ArrayNode) household.get("members")).addObject();
            for (String column : MEMBER_COLUMNS) {
                put(member, column, value(row, column));
            }
        }

        void flush() {
            if (household == null) {
                return;
            }
            ObjectNode request = json.createObjectNode();
            request.set("household", household);
            put(request, "identificationYear", identificationYear);
            sink.row(firstRow, request.toString());
            household = null;
        }
    }

    private static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** The xlsx template: the column keys, then their Chinese labels, then one example household of two members. */
    public static void template(OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("households");
            Row keys = sheet.createRow(0);
            Row labels = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                keys.createCell(i).setCellValue(COLUMNS.get(i));
                labels.createCell(i).setCellValue(LABELS.get(i));
            }
            List<List<String>> example = List.of(
                    List.of("1", "522428103201", "", "ORDINARY", "ILLNESS", "LACK_OF_SKILLS;LACK_OF_FUNDS", "2025", "6000.00", "1200.00",
                            "0", "800.50", "2016", "王小明", "11010519491231002X", "HEAD", "FEMALE", "1949-12-31", "CHRONIC_ILLNESS",
                            "NONE", "WEAK", "PRIMARY", "FINISHED", "false"),
                    List.of("1", "", "", "", "", "", "", "", "", "", "", "", "王小红", "(居民身份证号)", "CHILD", "MALE", "(出生日期)",
                            "HEALTHY", "NONE", "NORMAL", "JUNIOR_SECONDARY", "FINISHED", "true"));
            for (int r = 0; r < example.size(); r++) {
                Row row = sheet.createRow(2 + r);
                for (int i = 0; i < example.get(r).size(); i++) {
                    row.createCell(i).setCellValue(example.get(r).get(i));
                }
            }
            wb.write(out);
        }
    }
}
