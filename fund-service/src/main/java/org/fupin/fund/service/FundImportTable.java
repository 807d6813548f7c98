package org.fupin.fund.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.fund.domain.FundSource;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table layout of a fund ledger import (CSV, xlsx): one ledger line per row under a header row of a county finance
 * office's Chinese column headers (业务类型, 项目编号, 资金来源, 金额（元）, 文号 …, as in the downloadable template) or the
 * NDJSON field names ({@code kind}, {@code projectCode}, {@code amount} …). A row becomes the JSON of one NDJSON line; values
 * stay text (Chinese kinds and sources are turned into their codes), so a wrong value is reported by the row's reading,
 * naming the field. Unknown columns are ignored.
 */
public final class FundImportTable {

    /** A column: the NDJSON field it fills and its header in the template. */
    public record Column(String key, String label) {
    }

    /** The template's columns, in order. */
    public static final List<Column> COLUMNS = List.of(
            new Column("kind", "业务类型"), new Column("projectCode", "项目编号"), new Column("projectId", "项目ID"),
            new Column("source", "资金来源"), new Column("amount", "金额（元）"), new Column("date", "日期"),
            new Column("documentNumber", "文号"), new Column("documentAmount", "文件金额（元）"), new Column("year", "资金年度"),
            new Column("issuingRegion", "下达单位区划代码"), new Column("receivingCounty", "接收县区划代码"),
            new Column("paymentOrderNumber", "拨付单号"), new Column("voucherNumber", "凭证号"),
            new Column("expenseKind", "支出类别"), new Column("reason", "冲销原因"));

    /** 业务类型 as offices write it → the NDJSON kind. */
    static final Map<String, String> KIND_NAMES = Map.ofEntries(
            Map.entry("资金下达", "allocation"), Map.entry("下达", "allocation"), Map.entry("指标下达", "allocation"),
            Map.entry("资金安排", "allocation"), Map.entry("分配", "allocation"),
            Map.entry("拨付", "disbursement"), Map.entry("资金拨付", "disbursement"), Map.entry("拨款", "disbursement"),
            Map.entry("报账", "reimbursement"), Map.entry("报账支出", "reimbursement"),
            Map.entry("冲销", "reversal"), Map.entry("红字冲销", "reversal"), Map.entry("红冲", "reversal"));

    /** 资金来源 as offices write it (as in the project template) → the source code. */
    static final Map<String, FundSource> SOURCE_NAMES = Map.ofEntries(
            Map.entry("中央财政资金", FundSource.CENTRAL_BUDGET), Map.entry("中央财政", FundSource.CENTRAL_BUDGET),
            Map.entry("省级财政资金", FundSource.PROVINCIAL_BUDGET), Map.entry("省级财政", FundSource.PROVINCIAL_BUDGET),
            Map.entry("市级财政资金", FundSource.CITY_BUDGET), Map.entry("市级财政", FundSource.CITY_BUDGET),
            Map.entry("县级财政资金", FundSource.COUNTY_BUDGET), Map.entry("县级财政", FundSource.COUNTY_BUDGET),
            Map.entry("地方债务资金", FundSource.LOCAL_GOVERNMENT_DEBT), Map.entry("地方政府债券", FundSource.LOCAL_GOVERNMENT_DEBT),
            Map.entry("易地扶贫搬迁资金", FundSource.RELOCATION), Map.entry("定点扶贫资金", FundSource.PAIRED_ASSISTANCE),
            Map.entry("东西协作资金", FundSource.EAST_WEST_COOPERATION), Map.entry("东西部协作资金", FundSource.EAST_WEST_COOPERATION),
            Map.entry("社会捐赠资金", FundSource.SOCIAL_DONATIONS), Map.entry("银行贷款", FundSource.BANK_LOANS),
            Map.entry("自筹资金", FundSource.SELF_RAISED));

    private static final Map<FundSource, String> SOURCE_LABELS = Map.ofEntries(
            Map.entry(FundSource.CENTRAL_BUDGET, "中央财政资金"), Map.entry(FundSource.PROVINCIAL_BUDGET, "省级财政资金"),
            Map.entry(FundSource.CITY_BUDGET, "市级财政资金"), Map.entry(FundSource.COUNTY_BUDGET, "县级财政资金"),
            Map.entry(FundSource.LOCAL_GOVERNMENT_DEBT, "地方债务资金"), Map.entry(FundSource.RELOCATION, "易地扶贫搬迁资金"),
            Map.entry(FundSource.PAIRED_ASSISTANCE, "定点扶贫资金"), Map.entry(FundSource.EAST_WEST_COOPERATION, "东西协作资金"),
            Map.entry(FundSource.SOCIAL_DONATIONS, "社会捐赠资金"), Map.entry(FundSource.BANK_LOANS, "银行贷款"),
            Map.entry(FundSource.SELF_RAISED, "自筹资金"));

    /** Header text (label or key, normalised) → key. */
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        for (Column c : COLUMNS) {
            HEADERS.put(normalised(c.key()), c.key());
            HEADERS.put(normalised(c.label()), c.key());
        }
        HEADERS.put(normalised("金额"), "amount");
        HEADERS.put(normalised("文件金额"), "documentAmount");
        HEADERS.put(normalised("指标文号"), "documentNumber");
        HEADERS.put(normalised("支付令号"), "paymentOrderNumber");
        HEADERS.put(normalised("记账凭证号"), "voucherNumber");
        HEADERS.put(normalised("凭证编号"), "voucherNumber");
        HEADERS.put(normalised("摘要"), "reason");
    }

    private static String normalised(String header) {
        return header.replace('（', '(').replace('）', ')').replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static final Pattern MDY_SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2,4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private final ObjectMapper json;

    public FundImportTable(ObjectMapper json) {
        this.json = json;
    }

    /** The NDJSON line of a row: values by header. */
    public String line(Map<String, String> row) {
        ObjectNode line = json.createObjectNode();
        row.forEach((header, raw) -> {
            String key = header == null ? null : HEADERS.get(normalised(header));
            String value = raw == null ? null : raw.trim();
            if (key == null || value == null || value.isEmpty()) {
                return;
            }
            switch (key) {
                case "kind" -> value = KIND_NAMES.getOrDefault(value, value.toLowerCase(Locale.ROOT));
                case "source" -> {
                    FundSource s = SOURCE_NAMES.get(value);
                    value = s != null ? s.code() : value;
                }
                case "amount", "documentAmount" -> value = value.replace(",", "").replace("，", "").replace("¥", "");
                case "date" -> value = date(value);
                default -> {
                }
            }
            line.put(key, value);
        });
        return line.toString();
    }

    /**
     * A date as ISO (yyyy-MM-dd) from the ways tables write it: 2019-03-01, 2019/3/1, 2019.3.1, 2019年3月1日, or a
     * spreadsheet's default display (3/1/19, month first). Anything else is passed on, to be reported as not a date.
     */
    static String date(String text) {
        try {
            Matcher ymd = YMD.matcher(text);
            if (ymd.matches()) {
                return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3)))
                        .format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            Matcher mdy = MDY_SLASHED.matcher(text);
            if (mdy.matches()) {
                int year = Integer.parseInt(mdy.group(3));
                return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(mdy.group(1)), Integer.parseInt(mdy.group(2)))
                        .format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
        } catch (java.time.DateTimeException e) {
            return text;
        }
        return text;
    }

    /** The label of a source in the template (its Chinese name). */
    public static String sourceLabel(FundSource s) {
        return SOURCE_LABELS.get(s);
    }

    /**
     * The xlsx template: the Chinese headers, then one example of each kind of line (a central-budget document spread to
     * a project, paid out, settled with a voucher, the voucher reversed).
     */
    public static void template(OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("资金台账");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(COLUMNS.get(i).label());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(12, COLUMNS.get(i).label().length() * 2 + 6) * 256);
            }
            String central = SOURCE_LABELS.get(FundSource.CENTRAL_BUDGET);
            List<Map<String, String>> examples = List.of(
                    example("资金下达", central, "200000.00", "2019-03-10", Map.of("documentNumber", "黔财农〔2019〕12号",
                            "documentAmount", "1000000.00", "year", "2019", "issuingRegion", "520000000000",
                            "receivingCounty", "522428000000")),
                    example("拨付", central, "150000.00", "2019-05-20", Map.of("paymentOrderNumber", "BF2019-0031")),
                    example("报账", central, "48000.00", "2019-08-02", Map.of("voucherNumber", "PZ2019-0815", "expenseKind", "工程款")),
                    example("红字冲销", "", "", "2019-08-20", Map.of("voucherNumber", "PZ2019-0815", "reason", "凭证金额录入错误")));
            int r = 1;
            for (Map<String, String> e : examples) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    row.createCell(i).setCellValue(e.getOrDefault(COLUMNS.get(i).key(), ""));
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
        }
    }

    private static Map<String, String> example(String kind, String source, String amount, String date, Map<String, String> more) {
        Map<String, String> m = new LinkedHashMap<>(more);
        m.put("kind", kind);
        m.put("projectCode", "522428-2019-001");
        if (!source.isEmpty()) {
            m.put("source", source);
        }
        if (!amount.isEmpty()) {
            m.put("amount", amount);
        }
        m.put("date", date);
        return m;
    }
}
