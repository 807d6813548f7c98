package org.fupin.reporting.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.Reports;
import org.fupin.reporting.TestHousehold;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PUT /api/v1/admin/region-names (bulk, all or nothing, inside the caller's region) and GET /api/v1/region-names
 * (children of a region with their names, the unnamed ones with the data included). Province 82 is used by this class only.
 */
@QuarkusTest
class RegionNamesApiTest {

    static final String PUT = "/api/v1/admin/region-names";
    static final String GET = "/api/v1/region-names";

    @Inject
    EntityManager em;

    static RequestSpecification as(String subject, String region, String... roles) {
        return given().header("Authorization", Tokens.bearer(subject, region, roles));
    }

    static RequestSpecification admin(String region) {
        return as("statistician", region, Roles.REPORT_ADMIN).contentType(ContentType.JSON);
    }

    static JsonPath children(String tokenRegion, String parent) {
        RequestSpecification r = as("analyst", tokenRegion, Roles.REPORT_VIEWER);
        if (parent != null) {
            r.queryParam("parent", parent);
        }
        return r.get(GET).then().statusCode(200).extract().jsonPath();
    }

    /** {@code code=name} per child, {@code code=null} without a name. */
    static List<String> lines(JsonPath j) {
        return j.getList("$", java.util.Map.class).stream().map(m -> m.get("prefix") + "=" + m.get("name")).toList();
    }

    @Test
    void namesAreLoadedInBulkAndListedAsChildrenWithTheUnnamedOnesThatHaveData() {
        admin("8201").body("""
                        [{"code":"8201","name":"甲市"},
                         {"code":"820101","name":"  乙县 "},
                         {"code":"820102000000","name":"丙县"},
                         {"code":"820101001","name":"一镇"},
                         {"code":"820101001001","name":"一村"}]""")
                .put(PUT).then().statusCode(200).body("loaded", equalTo(5));
        // a household in a county without a name: listed, name null
        new TestHousehold("820103001001").register(2019, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Reports.figures("820103", null).getLong("registered.households") == 1);

        JsonPath counties = children("82", "8201");
        assertEquals(List.of("820101=乙县", "820102=丙县", "820103=null"), lines(counties), "trimmed names; data without a name");
        assertEquals(List.of("820101000000", "820102000000", "820103000000"), counties.getList("code"));
        assertEquals(List.of("county", "county", "county"), counties.getList("level"));
        assertEquals(List.of("8201=甲市"), lines(children("82", null)), "the caller's own region's children by default");
        assertEquals(List.of("820101001=一镇"), lines(children("8201", "820101")));
        assertEquals(List.of("820101001001=一村"), lines(children("8201", "820101001")));
        assertEquals("village", children("8201", "820101001").getString("[0].level"));
        assertEquals(List.of(), children("8201", "820101001001").getList("$"), "a village has no children");
        // the regions themselves, by code
        JsonPath byCode = as("analyst", "8201", Roles.REPORT_VIEWER).queryParam("code", "8201").queryParam("code", "820103")
                .get(GET).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("8201=甲市", "820103=null"), lines(byCode));

        // a new name replaces the old one; audited with the actor
        admin("820101").body("[{\"code\":\"820101000000\",\"name\":\"乙县（新）\"}]").put(PUT).then().statusCode(200);
        assertEquals(List.of("820101=乙县（新）", "820102=丙县", "820103=null"), lines(children("82", "8201")));
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from audit_log where action = 'region-name.loaded' and entity_id = '820101000000' and actor = 'statistician'")
                .getSingleResult()).longValue());
        assertEquals(2, audited);
    }

    @Test
    void codesOutsideTheCallersRegionRefuseTheWholeBatchNamingThem() {
        admin("8202").body("""
                        [{"code":"820201","name":"在内"},
                         {"code":"820301","name":"在外"},
                         {"code":"82","name":"上级"},
                         {"code":"830101001001","name":"外省"}]""")
                .put(PUT).then().statusCode(403).contentType("application/problem+json")
                .body("errors.field", contains("[1].code", "[2].code", "[3].code"))
                .body("detail", containsString("820301000000"))
                .body("detail", containsString("820000000000"))
                .body("detail", containsString("830101001001"))
                .body("detail", not(containsString("820201000000")))
                .body("codes", contains("820301000000", "820000000000", "830101001001"));
        assertEquals(List.of(), children("8202", "8202").getList("$"), "nothing stored, not even the row inside");
        // the caller's own region may be named
        admin("8202").body("[{\"code\":\"8202\",\"name\":\"丁市\"}]").put(PUT).then().statusCode(200);
        assertEquals(List.of("8202=丁市"), lines(as("analyst", "8202", Roles.REPORT_VIEWER).queryParam("code", "8202").get(GET)
                .then().statusCode(200).extract().jsonPath()));
        // reading outside the caller's region
        as("analyst", "8202", Roles.REPORT_VIEWER).queryParam("parent", "8203").get(GET)
                .then().statusCode(403).body("errors[0].field", equalTo("parent"));
        as("analyst", "8202", Roles.REPORT_VIEWER).queryParam("parent", "82").get(GET).then().statusCode(403);
        as("analyst", "8202", Roles.REPORT_VIEWER).queryParam("code", "8203").get(GET)
                .then().statusCode(403).body("errors[0].field", equalTo("code"));
    }

    @Test
    void wrongRowsAreRefusedWholeNamingEachField() {
        admin("8204").body("""
                        [{"code":"820401","name":"好"},
                         {"code":"8204x","name":"坏"},
                         {"code":"820402"},
                         {"code":"820403","name":"  "},
                         {"code":"820401000000","name":"重复"},
                         {"name":"无代码"},
                         {"code":"8204010","name":"七位"},
                         {"code":"00","name":"全国"},
                         null]""")
                .put(PUT).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("[1].code", "[2].name", "[3].name", "[4].code", "[5].code", "[6].code",
                        "[7].code", "[8]"));
        admin("8204").body("[{\"code\":\"820401\",\"name\":\"" + "长".repeat(101) + "\"}]").put(PUT)
                .then().statusCode(400).body("errors[0].field", equalTo("[0].name"));
        admin("8204").body("[]").put(PUT).then().statusCode(400).body("errors[0].field", equalTo("body"));
        admin("8204").body("{\"code\":\"820401\",\"name\":\"x\"}").put(PUT).then().statusCode(400).body("errors[0].field", equalTo("body"));
        as("analyst", "8204", Roles.REPORT_VIEWER).queryParam("parent", "82x").get(GET)
                .then().statusCode(400).body("errors[0].field", equalTo("parent"));
        as("analyst", "8204", Roles.REPORT_VIEWER).queryParam("parent", "8204").queryParam("code", "8204").get(GET)
                .then().statusCode(400);
        assertEquals(List.of(), children("8204", "8204").getList("$"), "nothing of a refused batch was stored");
    }

    @Test
    void rolesDecideWhoLoadsAndWhoReads() {
        String body = "[{\"code\":\"820501\",\"name\":\"戊县\"}]";
        as("analyst", "82", Roles.REPORT_VIEWER).contentType(ContentType.JSON).body(body).put(PUT).then().statusCode(403);
        as("clerk", "82", Roles.HOUSEHOLD_CLERK).contentType(ContentType.JSON).body(body).put(PUT).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).put(PUT).then().statusCode(401);
        as("clerk", "82", Roles.HOUSEHOLD_CLERK).get(GET).then().statusCode(403);
        given().get(GET).then().statusCode(401);
        admin("8205").body(body).put(PUT).then().statusCode(200);
        as("statistician", "8205", Roles.REPORT_ADMIN).get(GET).then().statusCode(200).body("name", contains("戊县"));
        assertEquals(Arrays.asList("820501=戊县"), lines(children("8205", null)));
    }
}
