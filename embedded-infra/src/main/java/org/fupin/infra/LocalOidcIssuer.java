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
 */
public final class LocalOidcIssuer implements AutoCloseable {

    public static final String REGION_CLAIM = "region";
    /** The responsible unit (rectification-unit tokens): a unit sees and acts only on the issues it is responsible for. */
    public static final String UNIT_CLAIM = "unit";

    private final RsaJsonWebKey key;
    private final int requestedPort;
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
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setClaim("upn", subject);
        claims.setAudience("fupin-suite");
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
                + "\"response_types_supported\":[\"token\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
    }

    private void token(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        Map<String, String> params = new HashMap<>(parse(query));
        if ("POST".equals(ex.getRequestMethod())) {
            params.putAll(parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        String sub = params.getOrDefault("sub", "local-user");
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(params.getOrDefault("roles", "").split(",")));
        roles.remove("");
        long ttl = Long.parseLong(params.getOrDefault("ttl", "3600"));
        String token = token(sub, roles, params.get("region"), params.get("unit"), Duration.ofSeconds(ttl));
        respond(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + ttl + "}");
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
