package org.fupin.localstack.chaos;

import org.fupin.infra.ProjectPaths;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The fault-injection suite: {@code ./fupin chaos [--seconds N] [--seed S] [--faults f1,f2] [--workers W]}.
 * <p>
 * Starts its own stack ({@link ChaosStack}), runs the mixed {@link Workload} for N seconds while the
 * {@link FaultInjector} kills, pauses and restarts its parts, waits for quiet, compares every reported figure with a
 * recomputation from household-service's own database ({@link Verifier}), and greps every log and every record on
 * every topic for resident ID numbers and the test data's names ({@link PiiScanner}). Exits non-zero when anything
 * was lost, double-counted or mismatched, or personal data was found.
 */
public final class ChaosRun {

    private static final Logger KAFKA_LOGGER = Logger.getLogger("org.apache.kafka");

    /**
     * @param seconds  how long the workload runs (faults are injected meanwhile)
     * @param seed     the same seed gives the same commands and the same fault plan
     * @param faults   which faults may be injected
     * @param workers  concurrent clients
     * @param dir      the stack's folder (wiped first; logs stay there after the run)
     * @param quiet    how long to wait for quiet after the run
     */
    public record Options(int seconds, long seed, Set<Fault> faults, int workers, Path dir, Duration quiet) {
        public static Options defaults() {
            return new Options(120, 42, Fault.parse("all"), 4, ProjectPaths.root().resolve(".local/chaos"), Duration.ofMinutes(5));
        }

        public Options withSeconds(int s) {
            return new Options(s, seed, faults, workers, dir, quiet);
        }

        public Options withSeed(long s) {
            return new Options(seconds, s, faults, workers, dir, quiet);
        }

        public Options withFaults(Set<Fault> f) {
            return new Options(seconds, seed, f, workers, dir, quiet);
        }

        public Options withWorkers(int w) {
            return new Options(seconds, seed, faults, w, dir, quiet);
        }

        public Options withDir(Path d) {
            return new Options(seconds, seed, faults, workers, d, quiet);
        }
    }

    /** What the run found; {@link #passed()} when nothing was lost, double-counted, mismatched or leaked. */
    public record Result(long acknowledged, long acknowledgedAfterRetry, long unconfirmed, long refused, long published,
                         long deadLettered, Long parked, long lost, long doubleCounted, long mismatched, long figuresCompared,
                         long piiFound, long recordsScanned, boolean quiet, List<String> faultLog, List<String> details,
                         Funds funds, Rectification rectification) {
        public boolean passed() {
            return lost == 0 && doubleCounted == 0 && mismatched == 0 && piiFound == 0;
        }

        public String summary() {
            return String.join("\n",
                    "commands acknowledged: " + acknowledged + " (" + acknowledgedAfterRetry + " after a retry; " + unconfirmed
                            + " unconfirmed, " + refused + " refused)",
                    "events published:      " + published,
                    "dead-lettered:         " + deadLettered,
                    "parked:                " + (parked == null ? "n/a (no parked_at column)" : parked),
                    "lost:                  " + lost,
                    "double-counted:        " + doubleCounted,
                    "mismatched figures:    " + mismatched + " of " + figuresCompared,
                    "funds:                 " + funds,
                    "rectification:         " + rectification,
                    "PII found:             " + piiFound + " (in the logs and " + recordsScanned + " records on all topics)",
                    "faults injected:       " + faultLog.size(),
                    passed() ? "PASSED" : "FAILED");
        }
    }

    /** The fund part of the run (already included in the totals of {@link Result}). */
    public record Funds(long acknowledged, long refused, long unconfirmed, long published, long projectsChecked, long lost,
                        long doubleCounted, long figuresCompared) {
        @Override
        public String toString() {
            return acknowledged + " commands acknowledged (" + refused + " refused, " + unconfirmed + " unconfirmed), " + published
                    + " events published, " + projectsChecked + " projects checked; lost " + lost + ", double-counted " + doubleCounted
                    + " of " + figuresCompared + " fund figures";
        }
    }

    /** The rectification part of the run (already included in the totals of {@link Result}). */
    public record Rectification(long acknowledged, long refused, long unconfirmed, long illegalRefused, long illegalAccepted,
                                long issues, long issuesChecked, long lost, long doubleCounted, long figuresCompared) {
        @Override
        public String toString() {
            return acknowledged + " commands acknowledged (" + refused + " refused, " + unconfirmed + " unconfirmed), "
                    + illegalRefused + " illegal steps refused, " + illegalAccepted + " accepted; " + issues
                    + " issues in rectification-service, " + issuesChecked + " checked against the model; lost " + lost
                    + ", double-counted " + doubleCounted + " of " + figuresCompared + " rectification figures";
        }
    }

    private ChaosRun() {
    }

    public static void main(String[] args) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        KAFKA_LOGGER.setLevel(Level.SEVERE);
        Options o = Options.defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--seconds" -> { o = o.withSeconds(Integer.parseInt(v)); i++; }
                case "--seed" -> { o = o.withSeed(Long.parseLong(v)); i++; }
                case "--faults" -> { o = o.withFaults(Fault.parse(v)); i++; }
                case "--workers" -> { o = o.withWorkers(Integer.parseInt(v)); i++; }
                case "--dir" -> { o = o.withDir(Path.of(v)); i++; }
                default -> {
                    System.err.println("usage: chaos [--seconds N] [--seed S] [--faults " + java.util.Arrays.stream(Fault.values())
                            .map(Fault::cliName).collect(Collectors.joining(",")) + "|all|none] [--workers W] [--dir PATH]");
                    System.exit(2);
                }
            }
        }
        Result r = run(o);
        System.exit(r.passed() ? 0 : 1);
    }

    public static Result run(Options o) throws Exception {
        say("chaos run: " + o.seconds() + " s, seed " + o.seed() + ", faults " + o.faults().stream().map(Fault::cliName).toList()
                + ", " + o.workers() + " workers, in " + o.dir());
        List<FaultInjector.Planned> plan = FaultInjector.plan(o.seed(), o.faults(), o.seconds());
        say("fault plan (in order, as many as fit): " + plan.stream().limit(12).map(p -> p.fault().cliName() + (p.fault() == Fault.PAUSE
                || p.fault() == Fault.REFUSE_DB ? (p.household() ? "/household" : "/reporting")
                : p.fault() == Fault.KILL_PRODUCER ? (p.household() ? "/household" : "/fund") : "")).toList() + (plan.size() > 12 ? " ..." : ""));
        long pgPid;
        long kafkaPid;
        Result result;
        long t0 = System.nanoTime();
        try (ChaosStack stack = new ChaosStack(o.dir())) {
            stack.start();
            say(String.format("stack ready in %.1f s (household-service %s, reporting-service %s, project-service %s, fund-service %s, "
                            + "rectification-service %s, logs in %s)",
                    (System.nanoTime() - t0) / 1e9, stack.household().url(), stack.reporting().url(), stack.project().url(), stack.fund().url(),
                    stack.rectification().url(), stack.logs()));
            Workload workload = new Workload(stack, o.seed(), o.workers());
            FaultInjector injector = new FaultInjector(stack, plan);
            Thread faults = new Thread(injector, "chaos-faults");
            faults.start();
            workload.run(Duration.ofSeconds(o.seconds()));
            injector.stop();
            faults.join();
            stack.allowAllConnections();
            stack.ensureAllUp();
            say("workload over: " + workload.acknowledged.get() + " commands acknowledged (" + workload.projectCommandsAcknowledged.get()
                    + " of them project commands, " + workload.fundCommandsAcknowledged.get() + " fund commands, "
                    + workload.rectificationAcknowledged.get() + " rectification commands, " + workload.projects.size()
                    + " projects), " + workload.retries.get()
                    + " retried attempts; waiting for quiet ...");
            Verifier verifier = new Verifier(stack, workload);
            verifier.awaitQuiet(o.quiet());
            verifier.verify();

            PiiScanner scanner = new PiiScanner(Workload.NAMES);
            List<PiiScanner.Finding> findings = new ArrayList<>(scanner.scanFiles(List.of(stack.logs())));
            PiiScanner.TopicScan topics = scanner.scanTopics(stack.kafka().bootstrapServers());
            findings.addAll(topics.findings());

            List<String> details = new ArrayList<>(verifier.details);
            if (injector.failure != null) {
                details.add("fault injection failed: " + injector.failure);
            }
            findings.stream().limit(20).forEach(f -> details.add("PII: " + f));
            workload.notes.stream().limit(30).forEach(n -> details.add("workload: " + n));
            if (verifier.importRowsRejected > 0) {
                details.add("import rows rejected: " + verifier.importRowsRejected);
            }
            result = new Result(workload.acknowledged.get(), workload.acknowledgedAfterRetry.get(), workload.unconfirmed.get(),
                    workload.refused.get(), verifier.published, verifier.deadLettered, verifier.parked, verifier.lost,
                    verifier.doubleCounted, verifier.mismatched, verifier.figuresCompared, findings.size(), topics.records(),
                    verifier.quiet, List.copyOf(injector.log), details,
                    new Funds(workload.fundCommandsAcknowledged.get(), workload.fundCommandsRefused.get(), workload.fundCommandsUnconfirmed.get(),
                            verifier.fundPublished, verifier.fundProjectsChecked, verifier.fundLost, verifier.fundDoubleCounted,
                            verifier.fundFiguresCompared),
                    new Rectification(workload.rectificationAcknowledged.get(), workload.rectificationRefused.get(),
                            workload.rectificationUnconfirmed.get(), workload.rectificationIllegalRefused.get(),
                            workload.rectificationIllegalAccepted.get(), verifier.rectificationIssues,
                            verifier.rectificationIssuesChecked, verifier.rectificationLost, verifier.rectificationDoubleCounted,
                            verifier.rectificationFiguresCompared));
            pgPid = stack.postgres().postmasterPid();
            kafkaPid = stack.kafka().pid();
        }
        // nothing of the stack may outlive the run
        for (long pid : new long[]{pgPid, kafkaPid}) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                say("WARNING: process " + pid + " of the chaos stack is still alive");
            }
        }
        say("");
        result.details().forEach(d -> say("  " + d));
        say("");
        say(result.summary());
        say(String.format("(%.0f s in all)", (System.nanoTime() - t0) / 1e9));
        return result;
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
