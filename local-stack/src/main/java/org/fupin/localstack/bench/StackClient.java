package org.fupin.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The running stack's public API as the benchmark uses it: a token, import jobs, the household and project reports. */
final class StackClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final BenchOptions options;
    private final String token;

    StackClient(BenchOptions options) throws IOException, InterruptedException {
        this.options = options;
        // one token for the whole run (a day long: loading 1,000,000 households may take a while)
        String query = "sub=" + URLEncoder.encode("benchmark", StandardCharsets.UTF_8)
                + "&roles=household-importer,project-clerk,report-viewer&region=00&ttl=86400";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(options.oidcUrl() + "/protocol/openid-connect/token?" + query))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("no token from " + options.oidcUrl() + ": " + r.statusCode() + " " + r.body());
        }
        this.token = JSON.readTree(r.body()).path("access_token").asText();
    }

    /** Submits an NDJSON batch; waits while the caller has too many jobs (429). @return the job id */
    String submitImport(String ndjson) throws IOException, InterruptedException {
        return submit(options.householdUrl() + "/api/v1/household-imports", ndjson);
    }

    /** Submits an NDJSON batch of projects to project-service's bulk import; waits on 429. @return the job id */
    String submitProjectImport(String ndjson) throws IOException, InterruptedException {
        return submit(options.projectUrl() + "/api/v1/project-imports", ndjson);
    }

    private String submit(String url, String ndjson) throws IOException, InterruptedException {
        byte[] body = ndjson.getBytes(StandardCharsets.UTF_8);
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                Thread.sleep(100); // a job slot frees when a job finishes; ask again soon
                continue;
            }
            if (r.statusCode() != 202) {
                throw new IllegalStateException("import submit failed: " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).path("jobId").asText();
        }
    }

    /** The job's progress ({@code state}, {@code accepted}, {@code rejected}, …). */
    JsonNode job(String id) throws IOException, InterruptedException {
        return get(options.householdUrl() + "/api/v1/household-imports/" + id, "import job " + id);
    }

    /** A project import job's progress ({@code state}, {@code accepted}, {@code rejected}, …). */
    JsonNode projectJob(String id) throws IOException, InterruptedException {
        return get(options.projectUrl() + "/api/v1/project-imports/" + id, "project import job " + id);
    }

    /** The first page of a project import job's row errors, as text (for the bench's log). */
    String projectJobErrors(String id) throws IOException, InterruptedException {
        String text = get(options.projectUrl() + "/api/v1/project-imports/" + id + "/errors", "errors of " + id).toString();
        return text.length() > 2_000 ? text.substring(0, 2_000) + " …" : text;
    }

    /** {@code GET /api/v1/reports/projects?region=…}: the projects the report counts in the region. */
    long projectsReported(String region) throws IOException, InterruptedException {
        return get(options.reportingUrl() + "/api/v1/reports/projects?region=" + region, "project report of " + region)
                .path("total").path("projects").asLong();
    }

    private JsonNode get(String url, String what) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** {@code GET /api/v1/reports/households?region=…}; fails on anything but 200. */
    JsonNode report(String region) throws IOException, InterruptedException {
        HttpResponse<String> r = reportResponse(region);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("report of " + region + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    HttpResponse<String> reportResponse(String region) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(options.reportingUrl() + "/api/v1/reports/households?region=" + region))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    long registered(String region) throws IOException, InterruptedException {
        return report(region).path("registered").path("households").asLong();
    }
}
