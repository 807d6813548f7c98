package org.fupin.infra;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local issuer's browser sign-in: code + PKCE (S256), one-time codes, loopback redirects only, the ID token. */
class LocalOidcLoginTest {

    static LocalOidcIssuer issuer;
    static final HttpClient http = HttpClient.newHttpClient(); // does not follow redirects
    static final String VERIFIER = "dBjftJeZ4CVP-mJ92K27uhbUJU1p1r_wW1gFWFOEjXk-0123456789";
    static final String REDIRECT = "http://127.0.0.1:8085/dashboard/";

    @BeforeAll
    static void start() {
        issuer = new LocalOidcIssuer(0, null).start();
    }

    @AfterAll
    static void stop() {
        issuer.stop();
    }

    static Map<String, String> authRequest(String redirect) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", "fupin-web");
        p.put("redirect_uri", redirect);
        p.put("state", "s-1");
        p.put("nonce", "n-1");
        p.put("code_challenge", LocalOidcLogin.s256(VERIFIER));
        p.put("code_challenge_method", "S256");
        return p;
    }

    static String form(Map<String, String> p) {
        return p.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, Map<String, String> p) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(p))).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String authUrl() {
        return issuer.issuerUrl() + "/protocol/openid-connect/auth";
    }

    /** Signs in through the form; returns the code of the redirect. */
    static String code(String region) throws Exception {
        Map<String, String> p = authRequest(REDIRECT);
        p.put("username", "chen");
        p.put("region", region);
        p.put("roles", "report-viewer,household-viewer");
        HttpResponse<String> r = post(authUrl(), p);
        assertEquals(302, r.statusCode(), r.body());
        URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(REDIRECT + "?"), back.toString());
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : back.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertEquals("s-1", q.get("state"));
        return q.get("code");
    }

    static Map<String, String> tokenRequest(String code, String verifier) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("grant_type", "authorization_code");
        p.put("code", code);
        p.put("client_id", "fupin-web");
        p.put("redirect_uri", REDIRECT);
        p.put("code_verifier", verifier);
        return p;
    }

    @Test
    void theLoginPageHasTheFieldsAndTheRolesPrefilled() throws Exception {
        HttpResponse<String> page = get(authUrl() + "?" + form(authRequest(REDIRECT)));
        assertEquals(200, page.statusCode());
        for (String id : List.of("id=\"username\"", "id=\"region\"", "id=\"roles\" name=\"roles\" value=\"report-viewer\"", "id=\"login\"")) {
            assertTrue(page.body().contains(id), id);
        }
        String discovery = get(issuer.issuerUrl() + "/.well-known/openid-configuration").body();
        assertTrue(discovery.contains("\"authorization_endpoint\"") && discovery.contains("\"end_session_endpoint\"")
                && discovery.contains("\"S256\""), discovery);
    }

    @Test
    void aCodeWithItsVerifierGivesAnIdTokenForTheClientWithRolesAndRegion() throws Exception {
        HttpResponse<String> r = post(issuer.tokenUrl(), tokenRequest(code("522428"), VERIFIER));
        assertEquals(200, r.statusCode(), r.body());
        String idToken = r.body().replaceAll(".*\"id_token\":\"([^\"]+)\".*", "$1");
        JwtClaims claims = new JwtConsumerBuilder().setSkipSignatureVerification().setExpectedAudience("fupin-web")
                .build().processToClaims(idToken);
        assertEquals("chen", claims.getSubject());
        assertEquals("522428", claims.getClaimValueAsString("region"));
        assertEquals(List.of("report-viewer", "household-viewer"), claims.getStringListClaimValue("groups"));
        assertEquals("n-1", claims.getClaimValueAsString("nonce"));
        assertTrue(r.body().contains("\"access_token\""));
    }

    @Test
    void aWrongVerifierAUsedCodeAndAnotherRedirectAreRefused() throws Exception {
        String code = code("52");
        HttpResponse<String> wrong = post(issuer.tokenUrl(), tokenRequest(code, VERIFIER + "x"));
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("invalid_grant"), wrong.body());
        // the failed attempt used the code up
        assertEquals(400, post(issuer.tokenUrl(), tokenRequest(code, VERIFIER)).statusCode());

        String again = code("52");
        assertEquals(200, post(issuer.tokenUrl(), tokenRequest(again, VERIFIER)).statusCode());
        assertEquals(400, post(issuer.tokenUrl(), tokenRequest(again, VERIFIER)).statusCode(), "a code is used once");

        Map<String, String> other = tokenRequest(code("52"), VERIFIER);
        other.put("redirect_uri", "http://127.0.0.1:8085/elsewhere/");
        assertEquals(400, post(issuer.tokenUrl(), other).statusCode());
    }

    @Test
    void onlyLoopbackRedirectsAndOnlyS256() throws Exception {
        assertEquals(400, get(authUrl() + "?" + form(authRequest("https://evil.example/cb"))).statusCode());
        Map<String, String> plain = authRequest(REDIRECT);
        plain.put("code_challenge_method", "plain");
        assertEquals(400, get(authUrl() + "?" + form(plain)).statusCode());
        Map<String, String> none = authRequest(REDIRECT);
        none.remove("code_challenge");
        assertEquals(400, get(authUrl() + "?" + form(none)).statusCode());

        HttpResponse<String> logout = get(issuer.issuerUrl() + "/protocol/openid-connect/logout?post_logout_redirect_uri="
                + URLEncoder.encode("http://127.0.0.1:8085/dashboard/signed-out.html", StandardCharsets.UTF_8) + "&state=z");
        assertEquals(302, logout.statusCode());
        assertEquals("http://127.0.0.1:8085/dashboard/signed-out.html?state=z", logout.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get(issuer.issuerUrl() + "/protocol/openid-connect/logout?post_logout_redirect_uri="
                + URLEncoder.encode("https://evil.example/", StandardCharsets.UTF_8)).statusCode());
    }
}
