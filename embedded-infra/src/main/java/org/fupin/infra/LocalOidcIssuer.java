package org.fupin.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A small OpenID Connect issuer for tests and the local run: discovery document, JWKS and a token endpoint that signs
 * RS256 access tokens for any subject, roles and region. The services verify these tokens exactly like a production
 * provider's (signature through JWKS, issuer, expiry); only the issuer is local. Never deploy it.
 * <p>
 * {@code GET /token?sub=alice&roles=household-clerk,reporting-viewer&region=5224&ttl=3600} (optionally {@code &unit=<code>},
 * the rectification-unit claim)
 * <p>
 * Browser sign-in (the dashboard): {@code /protocol/openid-connect/auth} shows a minimal login page and returns a code,
 * which the token endpoint exchanges ({@code grant_type=authorization_code}, PKCE verified) for an access token and an ID
 * token (audience: the client) carrying the same roles and region; {@code /protocol/openid-connect/logout} redirects back.
 * See {@link LocalOidcLogin}.
 */
public final class LocalOidcIssuer implements AutoCloseable {

    public static final String REGION_CLAIM = "region";
    /** The responsible unit (rectification-unit tokens): a unit sees and acts only on the issues it is responsible for. */
    public static final String UNIT_CLAIM = "unit";

    private final RsaJsonWebKey key;
    private final int requestedPort;
    private final LocalOidcLogin login = new LocalOidcLogin();
    private HttpServer server;
    private String issuer;

    /** @param keyFile where the signing key is kept (so tokens survive a restart), or null for a fresh key */
    public LocalOidcIssuer(int port, Path keyFile) {
        this.requestedPort = port;
        this.key = loadOrCreateKey(keyFile);
    }

    public synchronized LocalOidcIssuer start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", requestedPort), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/fupin";
        server.createContext("/realms/fupin/.well-known/openid-configuration", ex -> respond(ex, 200, discovery()));
        server.createContext("/realms/fupin/protocol/openid-connect/certs",
                ex -> respond(ex, 200, new JsonWebKeySet(key).toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
        server.createContext("/realms/fupin/protocol/openid-connect/token", this::token);
        server.createContext("/realms/fupin/protocol/openid-connect/auth", ex -> login.authorize(ex, params(ex)));
        server.createContext("/realms/fupin/protocol/openid-connect/logout", ex -> login.logout(ex, params(ex)));
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "local-oidc");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return this;
    }

    /** The issuer URL, also the {@code quarkus.oidc.auth-server-url}. */
    public String issuerUrl() {
        return issuer;
    }

    public String tokenUrl() {
        return issuer + "/protocol/openid-connect/token";
    }

    public String token(String subject, Set<String> roles, String region) {
        return token(subject, roles, region, Duration.ofHours(1));
    }

    public String token(String subject, Set<String> roles, String region, Duration ttl) {
        return token(subject, roles, region, null, ttl);
    }

    /** @param unit the {@value #UNIT_CLAIM} claim, or null for none */
    public String token(String subject, Set<String> roles, String region, String unit, Duration ttl) {
        return sign(claims(subject, roles, region, unit, ttl, "fupin-suite"));
    }

    /** An ID token for a browser client (audience = the client), with the same roles and region as its access token. */
    String idToken(LocalOidcLogin.Grant grant, Duration ttl) {
        JwtClaims claims = claims(grant.subject(), grant.roles(), grant.region(), grant.unit(), ttl, grant.clientId());
        claims.setClaim("azp", grant.clientId());
        claims.setClaim("typ", "ID");
        if (grant.nonce() != null) {
            claims.setClaim("nonce", grant.nonce());
        }
        return sign(claims);
    }

    private JwtClaims claims(String subject, Set<String> roles, String region, String unit, Duration ttl, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setClaim("upn", subject);
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        claims.setExpirationTimeMinutesInTheFuture(ttl.toSeconds() / 60f);
        claims.setStringListClaim("groups", List.copyOf(roles));
        if (region != null && !region.isBlank()) {
            claims.setClaim(REGION_CLAIM, region);
        }
        if (unit != null && !unit.isBlank()) {
            claims.setClaim(UNIT_CLAIM, unit);
        }
        return claims;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String discovery() {
        return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\","
                + "\"token_endpoint\":\"" + tokenUrl() + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/protocol/openid-connect/auth\","
                + "\"end_session_endpoint\":\"" + issuer + "/protocol/openid-connect/logout\","
                + "\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"grant_types_supported\":[\"authorization_code\",\"client_credentials\",\"password\"],"
                + "\"response_types_supported\":[\"code\",\"token\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> params = params(ex);
        if ("authorization_code".equals(params.get("grant_type"))) {
            codeToken(ex, params);
            return;
        }
        String sub = params.getOrDefault("sub", "local-user");
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(params.getOrDefault("roles", "").split(",")));
        roles.remove("");
        long ttl = Long.parseLong(params.getOrDefault("ttl", "3600"));
        String token = token(sub, roles, params.get("region"), params.get("unit"), Duration.ofSeconds(ttl));
        respond(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + ttl + "}");
    }

    /** The code flow's token request: the grant's access token (as {@code /token} makes) and an ID token. */
    private void codeToken(HttpExchange ex, Map<String, String> params) throws IOException {
        LocalOidcLogin.Grant g;
        try {
            g = login.redeem(params);
        } catch (LocalOidcLogin.GrantException e) {
            respond(ex, 400, "{\"error\":\"" + e.error + "\",\"error_description\":\"" + e.getMessage() + "\"}");
            return;
        }
        Duration ttl = Duration.ofHours(1);
        respond(ex, 200, "{\"access_token\":\"" + token(g.subject(), g.roles(), g.region(), g.unit(), ttl)
                + "\",\"id_token\":\"" + idToken(g, ttl) + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + ttl.toSeconds() + ",\"scope\":\"openid\"}");
    }

    /** Query and (for POST) form parameters; the form wins. */
    private static Map<String, String> params(HttpExchange ex) throws IOException {
        Map<String, String> params = new HashMap<>(parse(ex.getRequestURI().getRawQuery()));
        if ("POST".equals(ex.getRequestMethod())) {
            params.putAll(parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new HashMap<>();
        if (form == null || form.isBlank()) {
            return out;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static RsaJsonWebKey loadOrCreateKey(Path keyFile) {
        try {
            if (keyFile != null && Files.exists(keyFile)) {
                return (RsaJsonWebKey) org.jose4j.jwk.JsonWebKey.Factory.newJwk(Files.readString(keyFile));
            }
            RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
            k.setKeyId(UUID.randomUUID().toString());
            k.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            k.setUse("sig");
            if (keyFile != null) {
                Files.createDirectories(keyFile.getParent());
                Files.writeString(keyFile, k.toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            }
            return k;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
