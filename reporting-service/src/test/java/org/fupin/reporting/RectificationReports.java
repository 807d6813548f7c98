package org.fupin.reporting;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.fupin.platform.money.Rate;
import org.fupin.reporting.domain.RectificationFigures;

import java.util.List;
import java.util.Map;

/** Calls of GET /api/v1/reports/rectification as an analyst (report-viewer), and the figures in one comparable line. */
public final class RectificationReports {
    private RectificationReports() {
    }

    public static final String PATH = "/api/v1/reports/rectification";

    /** The report of the region, as an analyst of its province; params are name, value pairs. */
    public static JsonPath report(String region, String... params) {
        RequestSpecification r = ProjectReports.as(region.substring(0, 2)).queryParam("region", region);
        for (int i = 0; i < params.length; i += 2) {
            r.queryParam(params[i], params[i + 1]);
        }
        return r.get(PATH).then().statusCode(200).extract().jsonPath();
    }

    /**
     * One line of every figure: {@code raised=7 open=1 inProgress=1 reported=1 closed=3 returned=1 returnedOnce=2
     * overdue=3 longTermOpen=1 onTime=2 closure=3/7=42.86 onTimeClosure=2/3=66.67} (percent null when undefined).
     */
    public static String line(Map<String, Object> f) {
        return "raised=" + f.get("raised") + " open=" + f.get("open") + " inProgress=" + f.get("inProgress")
                + " reported=" + f.get("reported") + " closed=" + f.get("closed") + " returned=" + f.get("returned")
                + " returnedOnce=" + f.get("returnedAtLeastOnce") + " overdue=" + f.get("overdue")
                + " longTermOpen=" + f.get("longTermOpen") + " onTime=" + f.get("closedOnTime")
                + " closure=" + ProjectReports.rate(f.get("closureRate"))
                + " onTimeClosure=" + ProjectReports.rate(f.get("onTimeClosureRate"));
    }

    /** The same line of the domain's figures. */
    public static String line(RectificationFigures.Figures f) {
        return "raised=" + f.raised() + " open=" + f.open() + " inProgress=" + f.inProgress() + " reported=" + f.reported()
                + " closed=" + f.closed() + " returned=" + f.returned() + " returnedOnce=" + f.returnedAtLeastOnce()
                + " overdue=" + f.overdue() + " longTermOpen=" + f.longTermOpen() + " onTime=" + f.closedOnTime()
                + " closure=" + rate(f.closureRate()) + " onTimeClosure=" + rate(f.onTimeClosureRate());
    }

    static String rate(Rate r) {
        return r.json().numerator() + "/" + r.json().denominator() + "=" + r.json().percent();
    }

    public static String total(JsonPath report) {
        return line(report.getMap("total"));
    }

    /** group [label]: line, in the answer's order. */
    @SuppressWarnings("unchecked")
    public static List<String> rows(JsonPath report) {
        List<Map<String, Object>> rows = report.getList("rows");
        return rows.stream().map(r -> r.get("group") + (r.get("label") == null ? "" : " " + r.get("label")) + ": "
                + line((Map<String, Object>) r.get("figures"))).toList();
    }

    /** The same of the domain's rows. */
    public static List<String> rows(List<RectificationFigures.Row> rows) {
        return rows.stream().map(r -> r.group() + (r.label() == null ? "" : " " + r.label()) + ": " + line(r.figures())).toList();
    }
}
