package org.fupin.infra;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local issuer's sign-in for browser applications (the dashboard's web-app tenant): the authorization code flow with
 * PKCE (RFC 7636, S256 only), a minimal login page where the person types any user name, region and roles (there are no
 * passwords: the local issuer signs whatever it is asked for, like its token endpoint), one-time codes that expire, and
 * RP-initiated logout. Redirects go only to loopback addresses: the local issuer is never deployed.
 * <p>
 * Login page form fields (the browser test's contract): {@code #username}, {@code #region}, {@code #roles} (prefilled
 * {@code report-viewer}), submit {@code #login}.
 */
final class LocalOidcLogin {

    /** A code lives this long and is used once. */
    static final Duration CODE_TTL = Duration.ofMinutes(2);

    /** What was asked for at the authorization endpoint and who signed in, kept until the code is redeemed. */
    record Grant(String clientId, String redirectUri, String codeChallenge, String nonce, String subject, Set<String> roles,
                 String region, String unit, Instant expires) {
    }

    /** A refused token request (RFC 6749 §5.2). */
    static final class GrantException extends Exception {
        final String error;

        GrantException(String error, String description) {
            super(description);
            this.error = error;
        }
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** GET shows the login page for a valid authorization request; POST (the form) signs in and redirects with a code. */
    void authorize(HttpExchange ex, Map<String, String> params) throws IOException {
        String problem = checkAuthorizationRequest(params);
        if (problem != null) {
            page(ex, 400, "<p id=\"error\">" + html(problem) + "</p>");
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            page(ex, 200, loginForm(params));
            return;
        }
        String username = params.getOrDefault("username", "").trim();
        String region = params.getOrDefault("region", "").trim();
        if (username.isEmpty() || region.isEmpty()) {
            page(ex, 400, "<p id=\"error\">User name and region are required. 用户名和区划必填。</p>" + loginForm(params));
            return;
        }
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(params.getOrDefault("roles", "").split("[,\\s]+")));
        roles.remove("");
        String code = randomToken();
        codes.put(code, new Grant(params.get("client_id"), params.get("redirect_uri"), params.get("code_challenge"),
                params.get("nonce"), username, roles, region, blankToNull(params.get("unit")), Instant.now().plus(CODE_TTL)));
        String redirect = params.get("redirect_uri");
        String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                + (params.get("state") != null ? "&state=" + enc(params.get("state")) : "");
        redirect(ex, location);
    }

    /**
     * Redeems a code: once, before it expires, by the client and redirect URI it was issued for, with the verifier whose
     * S256 hash is the challenge.
     */
    Grant redeem(Map<String, String> params) throws GrantException {
        String code = params.get("code");
        Grant g = code == null ? null : codes.remove(code);
        if (g == null || Instant.now().isAfter(g.expires())) {
            throw new GrantException("invalid_grant", "unknown, used or expired code");
        }
        if (!g.clientId().equals(params.get("client_id"))) {
            throw new GrantException("invalid_grant", "the code was issued to another client");
        }
        if (!g.redirectUri().equals(params.get("redirect_uri"))) {
            throw new GrantException("invalid_grant", "redirect_uri differs from the authorization request's");
        }
        String verifier = params.get("code_verifier");
        if (verifier == null || !g.codeChallenge().equals(s256(verifier))) {
            throw new GrantException("invalid_grant", "PKCE verification failed (code_verifier)");
        }
        return g;
    }

    /** RP-initiated logout: nothing is kept here, so only the redirect back (loopback only). */
    void logout(HttpExchange ex, Map<String, String> params) throws IOException {
        String back = params.get("post_logout_redirect_uri");
        if (back != null && loopback(back)) {
            String state = params.get("state");
            redirect(ex, state == null ? back : back + (back.contains("?") ? "&" : "?") + "state=" + enc(state));
        } else {
            page(ex, 200, "<p id=\"signed-out\">Signed out. 已退出。</p>");
        }
    }

    private static String checkAuthorizationRequest(Map<String, String> p) {
        if (!"code".equals(p.get("response_type"))) {
            return "response_type must be code";
        }
        if (blankToNull(p.get("client_id")) == null) {
            return "client_id is required";
        }
        String redirect = p.get("redirect_uri");
        if (redirect == null || !loopback(redirect)) {
            return "redirect_uri must be an http(s) address on this machine (127.0.0.1, localhost)";
        }
        if (blankToNull(p.get("code_challenge")) == null || !"S256".equals(p.get("code_challenge_method"))) {
            return "PKCE is required: code_challenge with code_challenge_method=S256";
        }
        return null;
    }

    static boolean loopback(String uri) {
        try {
            URI u = URI.create(uri);
            String host = u.getHost();
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
                    && ("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) || "::1".equals(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String loginForm(Map<String, String> p) {
        StringBuilder hidden = new StringBuilder();
        for (String name : new String[]{"response_type", "client_id", "redirect_uri", "state", "nonce", "scope",
                "code_challenge", "code_challenge_method"}) {
            if (p.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(html(p.get(name)))
                        .append("\">");
            }
        }
        return """
                <h1>扶贫系统 本地登录 · Local sign-in</h1>
                <p class="note">本地开发用签发者，无密码。Local issuer for development: no passwords.</p>
                <form method="post" id="login-form">%s
                <label>用户名 User name <input id="username" name="username" value="%s" autofocus required></label>
                <label>区划代码 Region (00 = 全国) <input id="region" name="region" value="%s" required></label>
                <label>角色 Roles <input id="roles" name="roles" value="%s"></label>
                <label>责任单位 Unit (optional) <input id="unit" name="unit" value="%s"></label>
                <button type="submit" id="login">登录 Sign in</button>
                </form>""".formatted(hidden, html(p.getOrDefault("username", "")), html(p.getOrDefault("region", "")),
                html(p.getOrDefault("roles", "report-viewer")), html(p.getOrDefault("unit", "")));
    }

    private static void page(HttpExchange ex, int status, String body) throws IOException {
        String doc = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Local sign-in · 本地登录</title>"
                + "<style>body{font-family:sans-serif;max-width:28em;margin:3em auto}label{display:block;margin:.8em 0}"
                + "input{display:block;width:100%;padding:.3em}button{padding:.4em 1.2em}.note{color:#666}"
                + "#error{color:#b00}</style></head><body>" + body + "</body></html>";
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
