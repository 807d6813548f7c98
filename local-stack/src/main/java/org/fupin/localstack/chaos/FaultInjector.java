package org.fupin.localstack.chaos;

import org.fupin.infra.ServiceProcess;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Causes one fault after another from a plan drawn from the seed: the same seed gives the same faults, targets and
 * durations in the same order (how many of them fit into the run depends on how fast the machine restarts things).
 * Each fault is over (the part restarted and ready, the database accepting connections) before the next gap starts.
 */
final class FaultInjector implements Runnable {

    record Planned(int gapMillis, Fault fault, boolean household, int holdMillis) {
        String describe() {
            String target = household ? "household" : "reporting";
            return switch (fault) {
                case KILL_PRODUCER -> "SIGKILL " + (household ? "household" : "fund") + "-service, restart after " + holdMillis + " ms";
                case KILL_REPORTING -> "SIGKILL reporting-service, restart after " + holdMillis + " ms";
                case PAUSE -> "SIGSTOP " + target + "-service for " + holdMillis + " ms, then SIGCONT";
                case KILL_KAFKA -> "SIGKILL Kafka, restart after " + holdMillis + " ms";
                case KILL_POSTGRES -> "SIGKILL PostgreSQL, restart after " + holdMillis + " ms";
                case REFUSE_DB -> "database " + target + " refuses connections for " + holdMillis + " ms";
            };
        }
    }

    /** The plan for a seed: enough faults for the run, in order. */
    static List<Planned> plan(long seed, Set<Fault> faults, int seconds) {
        List<Planned> plan = new ArrayList<>();
        if (faults.isEmpty()) {
            return plan;
        }
        List<Fault> choices = List.copyOf(faults);
        Random random = new Random(seed);
        long total = 0;
        while (total < seconds * 1000L) {
            int gap = 3000 + random.nextInt(5000);
            Fault f = choices.get(random.nextInt(choices.size()));
            boolean household = random.nextBoolean();
            int hold = switch (f) {
                case KILL_PRODUCER, KILL_REPORTING, KILL_POSTGRES -> 1000 + random.nextInt(4000);
                case PAUSE -> 3000 + random.nextInt(7000);
                case KILL_KAFKA -> 2000 + random.nextInt(6000);
                case REFUSE_DB -> 10_000 + random.nextInt(20_000);
            };
            plan.add(new Planned(gap, f, household, hold));
            total += gap + hold;
        }
        return plan;
    }

    private final ChaosStack stack;
    private final List<Planned> plan;
    private final long t0 = System.nanoTime();
    private volatile boolean stopping;
    final List<String> log = new CopyOnWriteArrayList<>();
    volatile Exception failure;

    FaultInjector(ChaosStack stack, List<Planned> plan) {
        this.stack = stack;
        this.plan = plan;
    }

    /** Lets the fault under way finish, then stops. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            for (Planned p : plan) {
                long wakeUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(p.gapMillis());
                while (System.nanoTime() < wakeUp && !stopping) {
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                if (stopping) {
                    return;
                }
                long start = System.nanoTime();
                phases.setLength(0);
                boolean rectification = p.fault() == Fault.KILL_PRODUCER && !p.household() && otherProducerKills % 2 == 1;
                inject(p);
                say(String.format("%-14s %s (over after %.1f s%s)", p.fault().cliName(),
                        rectification ? p.describe().replace("fund-service", "rectification-service") : p.describe(), (System.nanoTime() - start) / 1e9, phases));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
            say("fault injection failed: " + e);
        }
    }

    private int otherProducerKills;
    private final StringBuilder phases = new StringBuilder();
    private long phaseStart = System.nanoTime();

    /** Notes how long the step since the previous mark took (kill, restart ...). */
    private void mark(String step) {
        long now = System.nanoTime();
        phases.append(String.format("; %s %.1f s", step, (now - phaseStart) / 1e9));
        phaseStart = now;
    }

    private void say(String line) {
        String text = String.format("t+%6.1f s  %s", (System.nanoTime() - t0) / 1e9, line);
        log.add(text);
        ChaosRun.say("  " + text);
    }

    private void inject(Planned p) throws Exception {
        phaseStart = System.nanoTime();
        switch (p.fault()) {
            // the plan's coin picks the producer: household-service, or else fund-service (a retried payment must not pay
            // twice) and rectification-service (a retried step must not be taken twice) in turn
            case KILL_PRODUCER -> killAndRestart(p.household() ? stack.household()
                    : otherProducerKills++ % 2 == 0 ? stack.fund() : stack.rectification(), p.holdMillis());
            case KILL_REPORTING -> killAndRestart(stack.reporting(), p.holdMillis());
            case PAUSE -> {
                ServiceProcess s = p.household() ? stack.household() : stack.reporting();
                s.pause();
                try {
                    TimeUnit.MILLISECONDS.sleep(p.holdMillis());
                } finally {
                    s.resume();
                }
            }
            case KILL_KAFKA -> {
                stack.kafka().kill();
                mark("kill");
                TimeUnit.MILLISECONDS.sleep(p.holdMillis());
                phaseStart = System.nanoTime();
                stack.kafka().start();
                mark("restart");
            }
            case KILL_POSTGRES -> {
                stack.postgres().kill();
                mark("kill");
                TimeUnit.MILLISECONDS.sleep(p.holdMillis());
                phaseStart = System.nanoTime();
                stack.postgres().start();
                mark("restart");
            }
            case REFUSE_DB -> {
                String db = p.household() ? ChaosStack.HOUSEHOLD_DB : ChaosStack.REPORTING_DB;
                refuse(db, true);
                try {
                    TimeUnit.MILLISECONDS.sleep(p.holdMillis());
                } finally {
                    refuse(db, false);
                }
            }
        }
    }

    private void killAndRestart(ServiceProcess s, int downMillis) throws InterruptedException {
        s.kill();
        mark("kill");
        TimeUnit.MILLISECONDS.sleep(downMillis);
        phaseStart = System.nanoTime();
        s.start();
        s.awaitReady(ChaosStack.READY);
        mark("restart to ready");
    }

    private void refuse(String database, boolean refuse) throws SQLException {
        try (Connection c = stack.connect("postgres")) {
            c.createStatement().execute("alter database " + database + " allow_connections " + !refuse);
            if (refuse) {
                c.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database
                        + "' and pid <> pg_backend_pid()");
            }
        }
    }
}
