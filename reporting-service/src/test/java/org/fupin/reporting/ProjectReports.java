package org.fupin.reporting;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/** Calls of GET /api/v1/reports/projects as an analyst (report-viewer), and the figures in one comparable line. */
public final class ProjectReports {
    private ProjectReports() {
    }

    public static final List<String> STAGES = List.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION",
            "COMPLETED", "ACCEPTED", "CANCELLED");

    public static RequestSpecification as(String tokenRegion) {
        return given().header("Authorization", Tokens.bearer("analyst", tokenRegion, Roles.REPORT_VIEWER));
    }

    /** The report of the region, as an analyst of its province; params are name, value pairs. */
    public static JsonPath report(String region, String... params) {
        RequestSpecification r = as(region.substring(0, 2)).queryParam("region", region);
        for (int i = 0; i < params.length; i += 2) {
            r.queryParam(params[i], params[i + 1]);
        }
        return r.get("/api/v1/reports/projects").then().statusCode(200).extract().jsonPath();
    }

    /**
     * One line of every figure, to compare with a hand-computed one:
     * {@code projects=6 stages=1,0,1,1,1,1,1 nonCancelled=5 start=3/5=60.00 completion=2/5=40.00 budget=950000.00
     * central=850000.00 county=100000.00 implemented=600000.00 investment=419999.99 investmentRate=…/…=44.21
     * progress=…/…=44.21 incomplete=2 households=3 persons=12}; a rate is numerator/denominator=percent (null when
     * undefined). Sources other than central and county budget are listed only when not 0.00.
     */
    @SuppressWarnings("unchecked")
    public static String line(Map<String, Object> f) {
        Map<String, Object> byStage = (Map<String, Object>) f.get("byStage");
        Map<String, Object> sources = (Map<String, Object>) f.get("budgetBySource");
        String others = sources.entrySet().stream()
                .filter(e -> !e.getKey().equals("central-budget") && !e.getKey().equals("county-budget") && !"0.00".equals(e.getValue()))
                .map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
        return "projects=" + f.get("projects")
                + " stages=" + STAGES.stream().map(s -> String.valueOf(byStage.get(s))).collect(Collectors.joining(","))
                + " nonCancelled=" + f.get("nonCancelled")
                + " start=" + rate(f.get("startRate"))
                + " completion=" + rate(f.get("completionRate"))
                + " budget=" + f.get("totalBudget")
                + " central=" + sources.get("central-budget")
                + " county=" + sources.get("county-budget") + others
                + " implemented=" + f.get("implementedAmount")
                + " investment=" + f.get("investmentCompleted")
                + " investmentRate=" + rate(f.get("investmentCompletionRate"))
                + " progress=" + rate(f.get("physicalProgress"))
                + " incomplete=" + f.get("incompleteRecords")
                + " households=" + f.get("beneficiaryHouseholds")
                + " persons=" + f.get("beneficiaryPersons");
    }

    @SuppressWarnings("unchecked")
    static String rate(Object rate) {
        Map<String, Object> r = (Map<String, Object>) rate;
        return r.get("numerator") + "/" + r.get("denominator") + "=" + r.get("percent");
    }

    public static String total(JsonPath report) {
        return line(report.getMap("total"));
    }

    /** group → line, in the answer's order. */
    public static List<String> rows(JsonPath report) {
        List<Map<String, Object>> rows = report.getList("rows");
        return rows.stream().map(r -> r.get("group") + ": " + line((Map<String, Object>) r.get("figures"))).toList();
    }
}
