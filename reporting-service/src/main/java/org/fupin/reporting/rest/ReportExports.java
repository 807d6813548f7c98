package org.fupin.reporting.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;
import org.fupin.reporting.domain.ReportTable;
import org.fupin.reporting.service.RegionNameService;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The report endpoints' answers: JSON, or the report's table as CSV or xlsx, chosen by {@code ?format=json|csv|xlsx}
 * (for plain links) or else by the {@code Accept} header (JSON for {@code *}{@code /*} or none).
 * <p>
 * xlsx in the office layout, written streaming (POI {@link SXSSFWorkbook}: at most {@value #WINDOW} rows in memory, the
 * rest in a compressed temporary file, then streamed to the client): a title row "<region name or code> <title> 截至
 * <day>", the Chinese header row, one row per group, the 合计 total row; amounts as numeric cells {@code #,##0.00},
 * rates as numeric percentage cells {@code 0.00%} (the API's percent, half-up to two decimals; undefined as "—"),
 * counts as integers. CSV: UTF-8 with a byte-order mark (so Excel reads the Chinese headers), the header row, the rows
 * and the total row; amounts as plain decimals, rates as {@code 75.00%} or "—".
 */
@ApplicationScoped
public class ReportExports {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType CSV_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8.name());
    public static final MediaType XLSX_TYPE = MediaType.valueOf(XLSX);
    /** The day of "today" in titles and file names. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int WINDOW = 100;
    static final String UNDEFINED = "—";
    static final String TOTAL = "合计";

    public enum Format { JSON, CSV, XLSX }

    @Inject
    RegionNameService names;

    /** The format asked for: {@code format} when given (400 when unknown), else the first acceptable one. */
    public static Format negotiate(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                case "xlsx" -> Format.XLSX;
                default -> throw ApiProblem.validation("format", "must be json, csv or xlsx");
            };
        }
        List<MediaType> acceptable = headers == null ? List.of() : headers.getAcceptableMediaTypes(); // by preference
        for (MediaType m : acceptable) {
            if (m.isWildcardType() || "application".equals(m.getType())
                    && (m.isWildcardSubtype() || "json".equals(m.getSubtype()) || m.getSubtype().endsWith("+json"))) {
                return Format.JSON;
            }
            if ("text".equals(m.getType()) && ("csv".equals(m.getSubtype()) || m.isWildcardSubtype())) {
                return Format.CSV;
            }
            if (XLSX_TYPE.isCompatible(m)) {
                return Format.XLSX;
            }
        }
        return Format.JSON;
    }

    /**
     * @param json   the JSON answer
     * @param region the region prefix of the report ({@code ""} national), for the title and the file name
     * @param asOf   the day the figures stand at; today (China) when null
     * @param table  the table, built only for an export
     */
    public Response respond(String format, HttpHeaders headers, Object json, String region, LocalDate asOf,
                            Supplier<ReportTable> table) {
        Format f = negotiate(format, headers);
        if (f == Format.JSON) {
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(CHINA);
        ReportTable t = table.get();
        String title = names.titleOf(region) + " " + t.titleZh() + " 截至 " + day;
        String base = t.name() + "-" + (region == null || region.isEmpty() ? "national" : region) + "-" + day;
        String zhBase = names.titleOf(region) + t.titleZh() + "-" + day;
        String ext = f == Format.XLSX ? "xlsx" : "csv";
        return Response.ok(f == Format.XLSX ? xlsx(title, t) : csv(t), f == Format.XLSX ? XLSX_TYPE : CSV_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + base + "." + ext + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(zhBase + "." + ext, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    /** The names of the region and of the groups (region prefixes) that have one, by prefix. */
    public Map<String, String> regionNames(String region, Collection<String> groups) {
        Set<String> prefixes = new HashSet<>();
        if (region != null && !region.isEmpty()) {
            prefixes.add(region);
        }
        groups.stream().filter(g -> g != null && RegionCode.isValidPrefix(g) && !g.isEmpty()).forEach(prefixes::add);
        return names.namesOf(prefixes);
    }

    /** The table as CSV (UTF-8 with BOM, CRLF line ends, RFC 4180 quoting). */
    static StreamingOutput csv(ReportTable t) {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write('\uFEFF');
            csvLine(w, t.columns().stream().map(ReportTable.Column::zh).map(h -> (Object) h).toList(), null);
            for (ReportTable.Row row : t.rows()) {
                csvLine(w, row.cells(), t.columns());
            }
            if (t.total() != null) {
                csvLine(w, t.total().cells(), t.columns());
            }
            w.flush();
        };
    }

    private static void csvLine(Writer w, List<Object> cells, List<ReportTable.Column> columns) throws java.io.IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            ReportTable.Kind kind = columns == null ? ReportTable.Kind.TEXT : columns.get(i).kind();
            w.write(quoted(csvText(cells.get(i), kind)));
        }
        w.write("\r\n");
    }

    static String csvText(Object value, ReportTable.Kind kind) {
        if (value == null) {
            return "";
        }
        if (value instanceof Rate r) {
            return r.defined() ? r.percent() + "%" : UNDEFINED;
        }
        if (value instanceof Money m) {
            return m.amount().toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private static String quoted(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The table as an xlsx workbook in the office layout, written streaming. */
    static StreamingOutput xlsx(String title, ReportTable t) {
        return out -> {
            SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
            wb.setCompressTempFiles(true);
            try {
                Styles s = new Styles(wb);
                Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(t.titleZh()));
                List<ReportTable.Column> columns = t.columns();
                for (int i = 0; i < columns.size(); i++) {
                    ReportTable.Column c = columns.get(i);
                    int chars = c.kind() == ReportTable.Kind.TEXT ? 22 : Math.max(12, Math.min(30, c.zh().length() * 2 + 4));
                    sheet.setColumnWidth(i, chars * 256);
                }
                Row titleRow = sheet.createRow(0);
                titleRow.setHeightInPoints(26);
                Cell titleCell = titleRow.createCell(0);
                titleCell.setCellValue(title);
                titleCell.setCellStyle(s.title);
                if (columns.size() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns.size() - 1));
                }
                Row header = sheet.createRow(1);
                for (int i = 0; i < columns.size(); i++) {
                    Cell cell = header.createCell(i);
                    cell.setCellValue(columns.get(i).zh());
                    cell.setCellStyle(s.header);
                }
                sheet.createFreezePane(0, 2);
                int r = 2;
                for (ReportTable.Row row : t.rows()) {
                    write(sheet.createRow(r++), row, columns, s, false);
                }
                if (t.total() != null) {
                    write(sheet.createRow(r), t.total(), columns, s, true);
                }
                wb.write(out);
            } finally {
                wb.dispose(); // deletes the temporary file
                wb.close();
            }
        };
    }

    private static void write(Row row, ReportTable.Row cells, List<ReportTable.Column> columns, Styles s, boolean total) {
        for (int i = 0; i < columns.size(); i++) {
            Object value = i < cells.cells().size() ? cells.cells().get(i) : null;
            Cell cell = row.createCell(i);
            ReportTable.Kind kind = columns.get(i).kind();
            int style = total ? 1 : 0;
            if (value == null) {
                cell.setCellStyle(s.text[style]);
            } else if (value instanceof Rate rate) {
                if (rate.defined()) {
                    cell.setCellValue(new BigDecimal(rate.percent()).movePointLeft(2).doubleValue());
                    cell.setCellStyle(s.rate[style]);
                } else {
                    cell.setCellValue(UNDEFINED);
                    cell.setCellStyle(s.undefined[style]);
                }
            } else if (kind == ReportTable.Kind.MONEY && (value instanceof Money || value instanceof BigDecimal)) {
                BigDecimal amount = value instanceof Money m ? m.amount() : (BigDecimal) value;
                cell.setCellValue(amount.doubleValue());
                cell.setCellStyle(s.money[style]);
            } else if (kind == ReportTable.Kind.COUNT && value instanceof Number n) {
                cell.setCellValue(n.longValue());
                cell.setCellStyle(s.count[style]);
            } else {
                cell.setCellValue(value.toString());
                cell.setCellStyle(s.text[style]);
            }
        }
    }

    /** The cell styles of a workbook: [0] a body row, [1] the total row (bold). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle[] text = new CellStyle[2];
        final CellStyle[] count = new CellStyle[2];
        final CellStyle[] money = new CellStyle[2];
        final CellStyle[] rate = new CellStyle[2];
        final CellStyle[] undefined = new CellStyle[2];

        Styles(SXSSFWorkbook wb) {
            DataFormat format = wb.createDataFormat();
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            Font bold = wb.createFont();
            bold.setBold(true);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            for (int i = 0; i < 2; i++) {
                text[i] = bordered(wb);
                count[i] = bordered(wb);
                count[i].setDataFormat(format.getFormat("0"));
                money[i] = bordered(wb);
                money[i].setDataFormat(format.getFormat("#,##0.00"));
                rate[i] = bordered(wb);
                rate[i].setDataFormat(format.getFormat("0.00%"));
                undefined[i] = bordered(wb);
                undefined[i].setAlignment(HorizontalAlignment.CENTER);
                if (i == 1) {
                    for (CellStyle st : List.of(text[i], count[i], money[i], rate[i], undefined[i])) {
                        st.setFont(bold);
                    }
                }
            }
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle st = wb.createCellStyle();
            st.setBorderTop(BorderStyle.THIN);
            st.setBorderBottom(BorderStyle.THIN);
            st.setBorderLeft(BorderStyle.THIN);
            st.setBorderRight(BorderStyle.THIN);
            return st;
        }
    }
}
