package org.fupin.household;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.Tokens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Request bodies and calls shared by the household API tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final String VILLAGE = "522428103201";

    public static String clerk(String region) {
        return Tokens.bearer("clerk-" + region, region, Roles.HOUSEHOLD_CLERK, Roles.HOUSEHOLD_VIEWER);
    }

    public static String township(String region) {
        return Tokens.bearer("township-" + region, region, Roles.HOUSEHOLD_TOWNSHIP_REVIEWER);
    }

    public static String county(String region) {
        return Tokens.bearer("county-" + region, region, Roles.HOUSEHOLD_COUNTY_APPROVER, Roles.HOUSEHOLD_VIEWER);
    }

    public static String importer(String region) {
        return Tokens.bearer("province-" + region, region, Roles.HOUSEHOLD_IMPORTER);
    }

    /** A member whose birth date and sex agree with the ID number. */
    public static Map<String, Object> member(String residentId, String relation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", relation.equals("HEAD") ? "王小明" : "王小红");
        m.put("residentId", residentId);
        m.put("relation", relation);
        m.put("sex", (residentId.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE");
        m.put("birthDate", LocalDate.of(Integer.parseInt(residentId.substring(6, 10)), Integer.parseInt(residentId.substring(10, 12)),
                Integer.parseInt(residentId.substring(12, 14))).toString());
        m.put("health", "HEALTHY");
        m.put("disability", "NONE");
        m.put("labourAbility", "NORMAL");
        m.put("education", "PRIMARY");
        m.put("schoolingStatus", "FINISHED");
        m.put("migrantWork", false);
        return m;
    }

    /** A household of {@code members} persons with the given yearly net income (one WAGES item). */
    public static Map<String, Object> household(String region, int members, String netIncome) {
        List<Map<String, Object>> list = new ArrayList<>();
        list.add(member(TestIds.next(), "HEAD"));
        for (int i = 1; i < members; i++) {
            list.add(member(TestIds.next(), "CHILD"));
        }
        return household(region, list, netIncome);
    }

    public static Map<String, Object> household(String region, List<Map<String, Object>> members, String netIncome) {
        Map<String, Object> h = new HashMap<>();
        h.put("regionCode", region);
        h.put("householdType", "ORDINARY");
        h.put("mainCause", "ILLNESS");
        h.put("otherCauses", List.of("LACK_OF_SKILLS"));
        h.put("incomeYear", 2025);
        h.put("incomeItems", Map.of("WAGES", netIncome));
        h.put("members", members);
        return h;
    }

    public static ValidatableResponse apply(String token, Map<String, Object> body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/api/v1/households").then();
    }

    public static String applied(Map<String, Object> body) {
        return apply(clerk("5224"), body).statusCode(201).extract().path("id");
    }

    /** Imports a household already registered (identification year 2016). */
    public static String imported(Map<String, Object> body) {
        return given().header("Authorization", importer("52")).contentType(ContentType.JSON)
                .body(Map.of("household", body, "identificationYear", 2016))
                .post("/api/v1/households/registered").then().statusCode(201).extract().path("id");
    }

    public static int version(String id) {
        return given().header("Authorization", clerk("5224")).get("/api/v1/households/" + id).then().statusCode(200)
                .extract().path("version");
    }

    public static ValidatableResponse post(String token, String id, String action, Map<String, Object> body) {
        return given().header("Authorization", token).header("If-Match", "\"" + version(id) + "\"").contentType(ContentType.JSON)
                .body(body).post("/api/v1/households/" + id + "/" + action).then();
    }

    public static ValidatableResponse step(String token, String id, String step, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("step", step);
        if (date != null) {
            body.put("date", date.toString());
        }
        return post(token, id, "steps", body);
    }

    /** Drives a household through the whole workflow, notices backdated so each ran 7 days. */
    public static void register(String id) {
        LocalDate start = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(20);
        step(clerk("5224"), id, "INVESTIGATED", start).statusCode(200);
        step(clerk("5224"), id, "DEMOCRATICALLY_REVIEWED", start).statusCode(200);
        step(clerk("5224"), id, "VILLAGE_NOTICE_STARTED", start).statusCode(200);
        step(township("5224"), id, "TOWNSHIP_REVIEWED", start.plusDays(7)).statusCode(200);
        step(township("5224"), id, "TOWNSHIP_NOTICE_STARTED", start.plusDays(8)).statusCode(200);
        step(county("5224"), id, "COUNTY_ANNOUNCED", start.plusDays(15)).statusCode(200);
    }
}
