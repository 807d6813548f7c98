package org.fupin.fund.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.fupin.fund.FundFixtures.DOCUMENTS;
import static org.fupin.fund.FundFixtures.VILLAGE;
import static org.fupin.fund.FundFixtures.account;
import static org.fupin.fund.FundFixtures.allocated;
import static org.fupin.fund.FundFixtures.assertConsistent;
import static org.fupin.fund.FundFixtures.clerk;
import static org.fupin.fund.FundFixtures.count;
import static org.fupin.fund.FundFixtures.disbursed;
import static org.fupin.fund.FundFixtures.disbursement;
import static org.fupin.fund.FundFixtures.document;
import static org.fupin.fund.FundFixtures.lines;
import static org.fupin.fund.FundFixtures.post;
import static org.fupin.fund.FundFixtures.project;
import static org.fupin.fund.FundFixtures.query;
import static org.fupin.fund.FundFixtures.reimbursement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests racing for one balance (the "two disbursements competing for the last yuan give one success and one
 * 422, never an overdraft"): many concurrent HTTP requests at one account or one document, through the real service,
 * PostgreSQL row locks and constraints. Whatever the interleaving, the successes never exceed the balance, the others
 * are 422, and the stored totals equal the sum of the entries.
 */
@QuarkusTest
class ConcurrentOverdraftTest {

    static final int THREADS = 20;

    /** Fires the calls at once (all threads released by one latch); answers in call order. */
    static List<Response> race(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get(5, TimeUnit.MINUTES));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Callable<Response> call(String token, String path, Object body) {
        String key = UUID.randomUUID().toString();
        return () -> given().header("Authorization", token).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post(path);
    }

    static long status(List<Response> answers, int status) {
        return answers.stream().filter(r -> r.statusCode() == status).count();
    }

    @Test
    void concurrentDisbursementsNeverOverdrawTheAllocation() throws Exception {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        String token = clerk("5224");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(call(token, "/api/v1/disbursements", disbursement(p, "70.00")));
        }
        List<Response> answers = race(calls);

        assertEquals(THREADS, status(answers, 201) + status(answers, 422), "only 201 or 422: " + answers.stream()
                .map(r -> r.statusCode() + " " + r.asString()).toList());
        BigDecimal paid = answers.stream().filter(r -> r.statusCode() == 201)
                .map(r -> new BigDecimal(r.jsonPath().getString("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(paid.compareTo(new BigDecimal("1000.00")) <= 0, "paid " + paid + " ≤ allocated");
        assertEquals(14, status(answers, 201), "14 × 70 = 980 fit, the 15th would overdraw");
        answers.stream().filter(r -> r.statusCode() == 422).forEach(r -> {
            assertEquals("exceeds-allocation", r.jsonPath().getString("code"));
            assertEquals(p.toString(), r.jsonPath().getString("projectId"));
        });
        assertEquals(List.of("1000.00", "980.00", "0.00"), account(p, "central-budget"));
        assertConsistent(p, "central-budget");
        // one ledger version per posting, none taken twice
        assertEquals(15, count("select version from project_ledger where project_id = ?", p));
        assertEquals(14, count("select count(distinct ledger_version) from ledger_entry where project_id = ? and kind = 'DISBURSEMENT'", p));
    }

    @Test
    void twoDisbursementsForTheLastYuanGiveOneSuccessAndOne422() throws Exception {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        disbursed(p, "999.00");
        String token = clerk("5224");
        List<Response> answers = race(List.of(call(token, "/api/v1/disbursements", disbursement(p, "1.00")),
                call(token, "/api/v1/disbursements", disbursement(p, "1.00"))));
        assertEquals(1, status(answers, 201));
        assertEquals(1, status(answers, 422));
        assertEquals(List.of("1000.00", "1000.00", "0.00"), account(p, "central-budget"));
        assertConsistent(p, "central-budget");
    }

    @Test
    void concurrentReimbursementsNeverExceedWhatWasDisbursed() throws Exception {
        UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "1000.00");
        allocated(p, "1000.00");
        disbursed(p, "500.00");
        String token = clerk("5224");
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            calls.add(call(token, "/api/v1/reimbursements", reimbursement(p, "45.00")));
        }
        List<Response> answers = race(calls);
        assertEquals(11, status(answers, 201), "11 × 45 = 495 ≤ 500");
        assertEquals(THREADS - 11, status(answers, 422));
        assertEquals(List.of("1000.00", "500.00", "495.00"), account(p, "central-budget"));
        assertConsistent(p, "central-budget");
    }

    @Test
    void concurrentVouchersOfOneNumberInOneCountyAreRecordedOnce() throws Exception {
        // different projects (different locks): only the unique index serialises them
        List<Callable<Response>> calls = new ArrayList<>();
        String number = "V-RACE-" + UUID.randomUUID();
        String token = clerk("5224");
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID p = project(VILLAGE, "UNDER_CONSTRUCTION", "central-budget", "100.00");
            allocated(p, "100.00");
            disbursed(p, "100.00");
            projects.add(p);
            Map<String, Object> r = reimbursement(p, "10.00");
            r.put("voucherNumber", number);
            calls.add(call(token, "/api/v1/reimbursements", r));
        }
        List<Response> answers = race(calls);
        assertEquals(1, status(answers, 201));
        assertEquals(5, status(answers, 409), answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString());
        assertEquals(1, count("select count(*) from ledger_entry where kind = 'REIMBURSEMENT' and number = ?", number));
        projects.forEach(p -> assertConsistent(p, "central-budget"));
    }

    @Test
    void concurrentLinesNeverExceedTheDocument() throws Exception {
        String token = clerk("5224");
        String id = post(token, DOCUMENTS, document("1000.00")).statusCode(201).extract().path("id");
        List<UUID> projects = new ArrayList<>();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // half the lines go to 4 shared projects (their accounts race too), half to projects of their own
            UUID p = i % 2 == 0 && projects.size() >= 4 ? projects.get(i % 4)
                    : project(VILLAGE, "PLANNED", "central-budget", "1000.00");
            if (!projects.contains(p)) {
                projects.add(p);
            }
            calls.add(call(token, DOCUMENTS + "/" + id + "/lines", Map.of("lines", lines(p, "150.00"))));
        }
        List<Response> answers = race(calls);
        assertEquals(6, status(answers, 201), "6 × 150 = 900 ≤ 1000");
        assertEquals(THREADS - 6, status(answers, 422));
        answers.stream().filter(r -> r.statusCode() == 422)
                .forEach(r -> assertEquals("exceeds-document", r.jsonPath().getString("code")));
        assertEquals(List.of("900.00", "900.00"), query("select lined, (select sum(amount) from ledger_entry"
                + " where document_id = d.id) from allocation_document d where id = ?::uuid", id));
        projects.forEach(p -> {
            if (!account(p, "central-budget").equals(List.of("none"))) {
                assertConsistent(p, "central-budget");
            }
        });
    }
}
