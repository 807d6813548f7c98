package org.fupin.household.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.platform.imports.BatchReader;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.imports.ImportKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
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

    private final ObjectMapper json;

    public ImportParser(ObjectMapper json) {
        this.json = json;
    }

    /** Reads the batch from {@code in}; a workbook is read from {@code file} (the same bytes), row by row. */
    public void parse(ImportFormat format, InputStream in, Path file, ImportKind.RowSink sink) throws IOException {
        switch (format) {
            case NDJSON -> BatchReader.ndjson(in, sink::row);
            case CSV -> {
                Grouper g = new Grouper(sink);
                BatchReader.csv(in, g::add);
                g.flush();
            }
            case XLSX -> {
                Grouper g = new Grouper(sink);
                // the template's Chinese label row is skipped
                BatchReader.xlsx(file, values -> !LABELS.get(0).equals(values.get("householdRef")), g::add);
                g.flush();
            }
        }
    }

    /** Collects consecutive member rows of one household into one payload. */
    private final class Grouper {
        private final ImportKind.RowSink sink;
        private String ref;
        private int firstRow;
        private ObjectNode household;
        private String identificationYear;

        Grouper(ImportKind.RowSink sink) {
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
