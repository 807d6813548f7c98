package org.fupin.reporting.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.fupin.platform.security.Roles;
import org.fupin.testsupport.SuiteInfrastructure;
import org.fupin.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's sign-in, end to end over HTTP: the web-app tenant sends the browser to the local issuer with a PKCE
 * challenge, the login page signs in a county user, the code comes back and is exchanged (PKCE verified by the issuer),
 * and the session cookie then opens the dashboard and the report API — in the user's region only, reads only. Bearer
 * clients see no change.
 */
@QuarkusTest
class DashboardSignInTest {

    static final String COUNTY = "522428";

    /** The cookies a browser would hold for the application (name → value), updated from every response. */
    final Map<String, String> appCookies = new HashMap<>();

    @Test
    void signsInWithCodeAndPkceAndReadsTheCountysFiguresOnly() {
        signIn("chen", COUNTY, "report-viewer");

        given().cookies(appCookies).redirects().follow(false).get("/dashboard/")
                .then().statusCode(200).body(containsString("data-testid=\"loaded\""));
        given().cookies(appCookies).get("/api/v1/session")
                .then().statusCode(200).body("user", equalTo("chen")).body("region", equalTo(COUNTY))
                .body("roles", hasItem(Roles.REPORT_VIEWER));
        // the same roles and region as a bearer token: inside the county yes, outside 403
        given().cookies(appCookies).queryParam("region", COUNTY + "001").get("/api/v1/reports/households")
                .then().statusCode(200).body("region", equalTo(COUNTY + "001"));
        given().cookies(appCookies).queryParam("region", "5301").get("/api/v1/reports/households")
                .then().statusCode(403);
        given().cookies(appCookies).queryParam("region", COUNTY).queryParam("groupBy", "region")
                .get("/api/v1/reports/funds").then().statusCode(200);
        // a cookie never authorizes a change: writes stay bearer-only (401: not signed in, not 403)
        given().cookies(appCookies).contentType("application/json").body("[]").put("/api/v1/reports/population")
                .then().statusCode(401);
        // a bearer token wins over the cookie: its own region, not the session's
        given().cookies(appCookies).header("Authorization", Tokens.bearer("li", "5301", Roles.REPORT_VIEWER))
                .get("/api/v1/session").then().statusCode(200).body("user", equalTo("li")).body("region", equalTo("5301"));
    }

    @Test
    void aUserWithoutTheViewerRoleIsSignedInButDeniedTheFigures() {
        signIn("wang", COUNTY, "household-clerk");
        given().cookies(appCookies).get("/api/v1/session").then().statusCode(200).body("region", equalTo(COUNTY));
        given().cookies(appCookies).get("/api/v1/reports/households").then().statusCode(403);
    }

    @Test
    void bearerClientsAreUnchangedAndGetNoRedirect() {
        given().redirects().follow(false).get("/api/v1/reports/households").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("li", COUNTY, Roles.REPORT_VIEWER))
                .get("/api/v1/reports/households").then().statusCode(200).body("region", equalTo(COUNTY));
        given().header("Authorization", Tokens.bearer("li", COUNTY, Roles.REPORT_VIEWER))
                .get("/api/v1/session").then().statusCode(200).body("region", equalTo(COUNTY));
    }

    @Test
    void anExpiredOrMissingSessionIs499ForTheDashboardsScriptsNotARedirect() {
        given().redirects().follow(false).header("X-Requested-With", "JavaScript").get("/dashboard/app.js")
                .then().statusCode(499);
    }

    @Test
    void theSignedOutPageAndTheChartLibraryNeedNoSignIn() throws Exception {
        given().redirects().follow(false).get("/dashboard/signed-out.html").then().statusCode(200);
        // the path the dashboard's import map names is served from the org.mvnpm:echarts jar
        String index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/dashboard/index.html")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"echarts\": \"([^\"]+)\"").matcher(index);
        assertTrue(m.find(), "import map names echarts");
        given().redirects().follow(false).get(m.group(1)).then().statusCode(200)
                .header("Content-Type", containsString("javascript"))
                .body(containsString("registerTheme"));
    }

    @Test
    void logoutEndsTheSessionAtTheProvider() {
        signIn("zhao", COUNTY, "report-viewer");
        Response r = given().cookies(appCookies).redirects().follow(false).get("/dashboard/logout");
        assertEquals(302, r.statusCode());
        assertTrue(r.header("Location").startsWith(SuiteInfrastructure.issuer().issuerUrl() + "/protocol/openid-connect/logout"),
                r.header("Location"));
        assertTrue(r.header("Location").contains("post_logout_redirect_uri="), r.header("Location"));
    }

    @Test
    void theIssuerRefusesACodeWithoutItsVerifier() {
        // a code obtained like a browser's, then redeemed with a wrong PKCE verifier
        Response toIssuer = given().redirects().follow(false).get("/dashboard/");
        Map<String, String> auth = query(URI.create(toIssuer.header("Location")));
        Map<String, String> form = new LinkedHashMap<>(auth);
        form.put("username", "eve");
        form.put("region", COUNTY);
        form.put("roles", "report-viewer");
        Response back = RestAssured.given().redirects().follow(false).formParams(form)
                .post(SuiteInfrastructure.issuer().issuerUrl() + "/protocol/openid-connect/auth");
        String code = query(URI.create(back.header("Location"))).get("code");
        RestAssured.given().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("client_id", "fupin-dashboard").formParam("redirect_uri", auth.get("redirect_uri"))
                .formParam("code_verifier", "not-the-verifier-not-the-verifier-not-the-verifier")
                .post(SuiteInfrastructure.issuer().tokenUrl())
                .then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    // ------------------------------------------------------------------------------------------ a browser's steps

    /** The code flow as a browser runs it: app → issuer login page → form → app callback → session cookie. */
    private void signIn(String user, String region, String roles) {
        Response toIssuer = given().redirects().follow(false).get("/dashboard/");
        assertEquals(302, toIssuer.statusCode());
        keep(toIssuer);
        URI authUri = URI.create(toIssuer.header("Location"));
        assertTrue(toIssuer.header("Location").startsWith(SuiteInfrastructure.issuer().issuerUrl() + "/protocol/openid-connect/auth"),
                toIssuer.header("Location"));
        Map<String, String> auth = query(authUri);
        assertEquals("fupin-dashboard", auth.get("client_id"));
        assertEquals("S256", auth.get("code_challenge_method"));
        assertNotNull(auth.get("code_challenge"));

        // the login page: the browser test's fields, roles prefilled
        Response login = RestAssured.given().urlEncodingEnabled(false).redirects().follow(false).get(authUri.toString());
        String page = login.asString();
        assertEquals(200, login.statusCode(), page);
        assertTrue(page.contains("id=\"username\"") && page.contains("id=\"region\"") && page.contains("id=\"login\""), page);
        assertTrue(page.contains("id=\"roles\" name=\"roles\" value=\"report-viewer\""), page);
        Map<String, String> form = new LinkedHashMap<>();
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(page);
        while (input.find()) {
            form.put(input.group(1), input.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&#39;", "'").replace("&amp;", "&"));
        }
        form.put("username", user);
        form.put("region", region);
        form.put("roles", roles);
        Response back = RestAssured.given().redirects().follow(false).formParams(form)
                .post(SuiteInfrastructure.issuer().issuerUrl() + "/protocol/openid-connect/auth");
        assertEquals(302, back.statusCode());
        URI callback = URI.create(back.header("Location"));
        assertEquals(auth.get("state"), query(callback).get("state"));

        // back at the application: the code is exchanged, the session cookie set, the code removed from the URL
        Response done = given().urlEncodingEnabled(false).cookies(appCookies).redirects().follow(false)
                .get(callback.getRawPath() + "?" + callback.getRawQuery());
        assertEquals(302, done.statusCode(), done.asString());
        keep(done);
        assertTrue(appCookies.keySet().stream().anyMatch(n -> n.startsWith("q_session_web")), appCookies.keySet().toString());
    }

    private void keep(Response r) {
        r.getDetailedCookies().forEach(c -> {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                appCookies.remove(c.getName());
            } else {
                appCookies.put(c.getName(), c.getValue());
            }
        });
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
