package org.fupin.rectification;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.fupin.platform.security.Roles;
import org.fupin.rectification.domain.BusinessDate;
import org.fupin.testsupport.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens, bodies and steps the rectification API tests share; every test makes its own source and units. */
public final class RectificationFixtures {
    private RectificationFixtures() {
    }

    public static final String SOURCES = "/api/v1/finding-sources";
    public static final String ISSUES = "/api/v1/rectification-issues";
    /** A village of county 522428. */
    public static final String VILLAGE = "522428103201";
    public static final String COUNTY = "522428000000";

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    public static LocalDate today() {
        return LocalDate.now(BusinessDate.CHINA);
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String inspector(String region) {
        return Tokens.bearer("inspector-" + region, region, Roles.RECTIFICATION_INSPECTOR);
    }

    public static String viewer(String region) {
        return Tokens.bearer("viewer-" + region, region, Roles.RECTIFICATION_VIEWER);
    }

    public static String unit(String region, String unit) {
        return Tokens.bearerWithUnit("clerk-of-" + unit, region, unit, Roles.RECTIFICATION_UNIT);
    }

    public static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType("application/json");
    }

    /** A source of county 522428 dated {@code date}; returns its id. */
    public static String source(LocalDate date) {
        return as(inspector("5224")).body(Map.of("type", "inspection", "issuingBody", "省委第三巡视组",
                        "documentNumber", unique("X扶组〔2021〕2号"), "date", date.toString(), "regionCode", COUNTY))
                .post(SOURCES).then().statusCode(201).extract().path("id");
    }

    /** A short-term issue body: raised on {@code date}, due {@code deadline}, lead unit and co-units. */
    public static Map<String, Object> issue(String sourceId, String lead, List<String> coUnits, LocalDate date,
                                            LocalDate deadline) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sourceId", sourceId);
        m.put("description", "部分贫困户帮扶措施不精准");
        m.put("category", "policy-implementation");
        m.put("regionCode", VILLAGE);
        m.put("leadUnit", lead);
        m.put("coUnits", new ArrayList<>(coUnits));
        m.put("deadline", deadline.toString());
        m.put("term", "SHORT");
        m.put("measures", "逐户核查，调整帮扶措施");
        m.put("date", date.toString());
        return m;
    }

    /** Raises the issue as an inspector of 5224; returns its id. */
    public static String raised(Map<String, Object> body) {
        return as(inspector("5224")).body(body).post(ISSUES).then().statusCode(201).extract().path("id");
    }

    public static long version(String bearer, String id) {
        return Long.parseLong(as(bearer).get(ISSUES + "/" + id).then().statusCode(200).extract().header("ETag")
                .replace("\"", ""));
    }

    /** A step as {@code bearer}, with the current version in If-Match. */
    public static ValidatableResponse step(String bearer, String id, String step, Map<String, ?> body) {
        return as(bearer).header("If-Match", "\"" + version(bearer, id) + "\"").body(body)
                .post(ISSUES + "/" + id + "/" + step).then();
    }

    /** Uploads files as {@code bearer}; returns their evidence ids. */
    public static List<String> upload(String bearer, String id, Map<String, byte[]> files) {
        RequestSpecification r = given().header("Authorization", bearer);
        files.forEach((name, bytes) -> r.multiPart("file", name, bytes, "application/octet-stream"));
        return r.post(ISSUES + "/" + id + "/evidence").then().statusCode(201).extract().path("id");
    }
}
