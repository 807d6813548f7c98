package org.fupin.reporting;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.fupin.platform.money.Rate;
import org.fupin.reporting.domain.FundFigures;

import java.util.List;
import java.util.Map;

/** Calls of GET /api/v1/reports/funds as an analyst (report-viewer), and the figures in one comparable line. */
public final class FundReports {
    private FundReports() {
    }

    public static final String PATH = "/api/v1/reports/funds";

    /** The report of the region, as an analyst of its province; params are name, value pairs. */
    public static JsonPath report(String region, String... params) {
        RequestSpecification r = ProjectReports.as(region.substring(0, 2)).queryParam("region", region);
        for (int i = 0; i < params.length; i += 2) {
            r.queryParam(params[i], params[i + 1]);
        }
        return r.get(PATH).then().statusCode(200).extract().jsonPath();
    }

    /**
     * One line of every figure: {@code projects=3 budget=670000.00 implemented=2/620000.00 allocated=… disbursed=…
     * reimbursed=… balance=… disbursement=n/d=percent utilisation=… reimbursement=… budgetReimbursement=…} (percent null
     * when undefined).
     */
    public static String line(Map<String, Object> f) {
        return "projects=" + f.get("projects") + " budget=" + f.get("budget")
                + " implemented=" + f.get("implementedProjects") + "/" + f.get("implementedAmount")
                + " allocated=" + f.get("allocated") + " disbursed=" + f.get("disbursed") + " reimbursed=" + f.get("reimbursed")
                + " balance=" + f.get("balance")
                + " disbursement=" + ProjectReports.rate(f.get("disbursementRate"))
                + " utilisation=" + ProjectReports.rate(f.get("utilisationRate"))
                + " reimbursement=" + ProjectReports.rate(f.get("reimbursementRate"))
                + " budgetReimbursement=" + ProjectReports.rate(f.get("budgetReimbursementRate"));
    }

    /** The same line of the domain's figures (to compare the API with {@link FundFigures}). */
    public static String line(FundFigures.Figures f) {
        return "projects=" + f.projects() + " budget=" + f.budget() + " implemented=" + f.implementedProjects() + "/"
                + f.implementedAmount() + " allocated=" + f.allocated() + " disbursed=" + f.disbursed() + " reimbursed="
                + f.reimbursed() + " balance=" + f.balance() + " disbursement=" + rate(f.disbursementRate())
                + " utilisation=" + rate(f.utilisationRate()) + " reimbursement=" + rate(f.reimbursementRate())
                + " budgetReimbursement=" + rate(f.budgetReimbursementRate());
    }

    static String rate(Rate r) {
        return r.json().numerator() + "/" + r.json().denominator() + "=" + r.json().percent();
    }

    public static String total(JsonPath report) {
        return line(report.getMap("total"));
    }

    /** group: line, in the answer's order. */
    @SuppressWarnings("unchecked")
    public static List<String> rows(JsonPath report) {
        List<Map<String, Object>> rows = report.getList("rows");
        return rows.stream().map(r -> r.get("group") + ": " + line((Map<String, Object>) r.get("figures"))).toList();
    }

    /** group: line of the domain's grouping, in its order. */
    public static List<String> rows(FundFigures.Grouped g) {
        return g.rows().entrySet().stream().map(e -> e.getKey() + ": " + line(e.getValue())).toList();
    }
}
