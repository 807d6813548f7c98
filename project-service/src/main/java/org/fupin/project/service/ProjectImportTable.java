package org.fupin.project.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fupin.project.domain.FundSource;
import org.fupin.project.domain.ProjectStage;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table layout of a project import (CSV, xlsx): one project per row, under a header row of the office's Chinese
 * column headers (项目编号, 项目名称 …, as in the downloadable template) or the API's field names ({@code projectCode},
 * {@code budget.central-budget}, {@code stageDates.ACCEPTED} …). A row becomes the JSON of a {@link ProjectImportLine};
 * values stay text, so a wrong value is reported by the row's reading, naming the field. Unknown columns are ignored.
 */
public final class ProjectImportTable {

    /** A column: the field of the NDJSON line it fills (dotted path) and its header in the template. */
    public record Column(String key, String label) {
    }

    /** Chinese names of the stages, as offices write them in 项目阶段 (the enum names are taken too). */
    static final Map<String, ProjectStage> STAGE_NAMES = Map.ofEntries(
            Map.entry("入库", ProjectStage.PLANNED), Map.entry("储备", ProjectStage.PLANNED),
            Map.entry("前期审批", ProjectStage.PRE_APPROVAL_DONE), Map.entry("已批复", ProjectStage.PRE_APPROVAL_DONE),
            Map.entry("招投标", ProjectStage.TENDERING),
            Map.entry("开工建设", ProjectStage.UNDER_CONSTRUCTION), Map.entry("在建", ProjectStage.UNDER_CONSTRUCTION),
            Map.entry("已开工", ProjectStage.UNDER_CONSTRUCTION),
            Map.entry("完工", ProjectStage.COMPLETED), Map.entry("已完工", ProjectStage.COMPLETED),
            Map.entry("验收", ProjectStage.ACCEPTED), Map.entry("已验收", ProjectStage.ACCEPTED),
            Map.entry("终止", ProjectStage.CANCELLED), Map.entry("已终止", ProjectStage.CANCELLED));

    private static final Map<FundSource, String> SOURCE_NAMES = Map.ofEntries(
            Map.entry(FundSource.CENTRAL_BUDGET, "中央财政资金"), Map.entry(FundSource.PROVINCIAL_BUDGET, "省级财政资金"),
            Map.entry(FundSource.CITY_BUDGET, "市级财政资金"), Map.entry(FundSource.COUNTY_BUDGET, "县级财政资金"),
            Map.entry(FundSource.LOCAL_GOVERNMENT_DEBT, "地方债务资金"), Map.entry(FundSource.RELOCATION, "易地扶贫搬迁资金"),
            Map.entry(FundSource.PAIRED_ASSISTANCE, "定点扶贫资金"), Map.entry(FundSource.EAST_WEST_COOPERATION, "东西协作资金"),
            Map.entry(FundSource.SOCIAL_DONATIONS, "社会捐赠资金"), Map.entry(FundSource.BANK_LOANS, "银行贷款"),
            Map.entry(FundSource.SELF_RAISED, "自筹资金"));

    private static final Map<ProjectStage, String> STAGE_DATE_LABELS = Map.of(
            ProjectStage.PLANNED, "入库时间", ProjectStage.PRE_APPROVAL_DONE, "前期审批时间", ProjectStage.TENDERING, "招投标时间",
            ProjectStage.UNDER_CONSTRUCTION, "开工时间", ProjectStage.COMPLETED, "完工时间", ProjectStage.ACCEPTED, "验收时间",
            ProjectStage.CANCELLED, "终止时间");

    /** The template's columns, in order. */
    public static final List<Column> COLUMNS;

    static {
        List<Column> c = new ArrayList<>(List.of(
                new Column("projectCode", "项目编号"), new Column("name", "项目名称"), new Column("projectYear", "项目年度"),
                new Column("category", "项目类别"), new Column("regionCode", "建设地点"), new Column("batch", "批次"),
                new Column("unit.name", "实施单位"), new Column("unit.creditCode", "统一社会信用代码"),
                new Column("constructionContent", "建设内容"), new Column("constructionScale", "建设规模")));
        for (FundSource s : FundSource.values()) {
            c.add(new Column("budget." + s.code(), "资金规模(" + SOURCE_NAMES.get(s) + ")"));
        }
        c.addAll(List.of(new Column("plannedStartDate", "计划开工时间"), new Column("plannedEndDate", "计划完工时间"),
                new Column("targets.beneficiaryHouseholds", "受益户数"), new Column("targets.beneficiaryPersons", "受益人数"),
                new Column("targets.poorHouseholds", "受益脱贫户数"), new Column("targets.poorPersons", "受益脱贫人数"),
                new Column("targets.text", "绩效目标"), new Column("stage", "项目阶段")));
        for (ProjectStage s : ProjectStage.values()) {
            c.add(new Column("stageDates." + s.name(), STAGE_DATE_LABELS.get(s)));
        }
        c.addAll(List.of(new Column("approvalDocument", "批复文号"), new Column("acceptanceDocument", "验收文号"),
                new Column("cancellationReason", "终止原因"), new Column("progress.reportDate", "进度填报日期"),
                new Column("progress.physicalProgress", "形象进度(%)"), new Column("progress.investmentCompleted", "累计完成投资"),
                new Column("beneficiaryCodes", "带贫户编号(;分隔)")));
        COLUMNS = Collections.unmodifiableList(c);
    }

    /** Header text (label or key, normalised) → key. */
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        for (Column c : COLUMNS) {
            HEADERS.put(normalised(c.key()), c.key());
            HEADERS.put(normalised(c.label()), c.key());
        }
        HEADERS.put(normalised("形象进度"), "progress.physicalProgress");
        HEADERS.put(normalised("带贫户"), "beneficiaryCodes");
        HEADERS.put(normalised("带贫户编号"), "beneficiaryCodes");
    }

    private static String normalised(String header) {
        return header.replace('（', '(').replace('）', ')').replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    private static final Pattern DMY_SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2,4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private final ObjectMapper json;

    public ProjectImportTable(ObjectMapper json) {
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
            if (key.equals("beneficiaryCodes")) {
                var codes = line.putArray("beneficiaryCodes");
                for (String code : value.split("[;；,，、\\s]+")) {
                    if (!code.isBlank()) {
                        codes.add(code.trim());
                    }
                }
                return;
            }
            if (key.equals("stage")) {
                ProjectStage s = STAGE_NAMES.get(value);
                value = s != null ? s.name() : value.toUpperCase(Locale.ROOT);
            } else if (key.endsWith("Date") || key.startsWith("stageDates.")) {
                value = date(value);
            } else if (key.startsWith("budget.") || key.equals("progress.investmentCompleted")) {
                value = value.replace(",", "").replace("，", "");
            } else if (key.equals("progress.physicalProgress")) {
                value = value.replace("%", "").trim();
            }
            put(line, key, value);
        });
        return line.toString();
    }

    private static void put(ObjectNode line, String key, String value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            line.put(key, value);
            return;
        }
        String parent = key.substring(0, dot);
        ObjectNode node = line.has(parent) && line.get(parent).isObject() ? (ObjectNode) line.get(parent) : line.putObject(parent);
        node.put(key.substring(dot + 1), value);
    }

    /**
     * A date as ISO (yyyy-MM-dd) from the ways tables write it: 2019-03-01, 2019/3/1, 2019.3.1, 2019年3月1日, or a
     * spreadsheet's default display (3/1/19, month first). Anything else is passed on, to be reported as not a date.
     */
    static String date(String text) {
        Matcher ymd = YMD.matcher(text);
        try {
            if (ymd.matches()) {
                return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3)))
                        .format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            Matcher mdy = DMY_SLASHED.matcher(text);
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

    /** The xlsx template: the Chinese headers, then one example project (a 2019 project accepted in 2020). */
    public static void template(OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("项目库");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            Map<String, String> example = new LinkedHashMap<>();
            example.put("projectCode", "522428-2019-001");
            example.put("name", "茶叶种植基地建设");
            example.put("projectYear", "2019");
            example.put("category", "village-infrastructure");
            example.put("regionCode", "522428103201");
            example.put("batch", "第一批");
            example.put("unit.name", "赫章县农业农村局");
            example.put("constructionContent", "新建茶园 200 亩");
            example.put("constructionScale", "200 亩");
            example.put("budget.central-budget", "600000.00");
            example.put("budget.county-budget", "150000.00");
            example.put("plannedStartDate", "2019-04-01");
            example.put("plannedEndDate", "2019-12-31");
            example.put("stage", "验收");
            example.put("stageDates.PRE_APPROVAL_DONE", "2019-03-01");
            example.put("stageDates.TENDERING", "2019-03-20");
            example.put("stageDates.UNDER_CONSTRUCTION", "2019-04-10");
            example.put("stageDates.COMPLETED", "2019-12-20");
            example.put("stageDates.ACCEPTED", "2020-01-15");
            example.put("approvalDocument", "赫发改〔2019〕12号");
            example.put("acceptanceDocument", "赫农验〔2020〕3号");
            example.put("progress.reportDate", "2019-12-20");
            example.put("progress.physicalProgress", "100");
            example.put("progress.investmentCompleted", "750000.00");
            Row row = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column c = COLUMNS.get(i);
                var cell = header.createCell(i);
                cell.setCellValue(c.label());
                cell.setCellStyle(bold);
                row.createCell(i).setCellValue(example.getOrDefault(c.key(), ""));
                sheet.setColumnWidth(i, Math.max(10, c.label().length() * 2 + 4) * 256);
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
        }
    }
}
