package org.fupin.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Line 4: time to ready and RSS of each service started alone, then of all five started together — extra instances
 * next to the running stack — and the RSS of the running stack's own services after the benchmark.
 */
final class StartupBench {

    static final List<String> SERVICES = List.of("household-service", "project-service", "fund-service", "rectification-service",
            "reporting-service");

    record Measured(String service, Duration readyAfter, long rssMiB) {
    }

    /** @param failure why a start failed (the lines measured before it are kept); null when all went well */
    record Result(List<Measured> alone, List<Measured> together, Duration allReady, String failure) {
    }

    private final StartupHarness harness;

    StartupBench(StartupHarness harness) {
        this.harness = harness;
    }

    Result run() {
        List<Measured> alone = new ArrayList<>();
        List<Measured> together = new ArrayList<>();
        Duration all = Duration.ZERO;
        try {
            for (String s : SERVICES) {
                Bench.say("startup: " + s + " alone ...");
                for (StartupHarness.Instance i : startAndStop(List.of(s))) {
                    alone.add(new Measured(i.service(), i.readyAfter(), i.rssMiB()));
                    Bench.say(String.format(java.util.Locale.ROOT, "startup: %s ready in %.1f s, %d MiB", s,
                            i.readyAfter().toMillis() / 1000.0, i.rssMiB()));
                }
            }
            Bench.say("startup: all five together ...");
            for (StartupHarness.Instance i : startAndStop(SERVICES)) {
                together.add(new Measured(i.service(), i.readyAfter(), i.rssMiB()));
                all = all.compareTo(i.readyAfter()) < 0 ? i.readyAfter() : all;
            }
            return new Result(alone, together, all, null);
        } catch (Exception e) {
            Bench.say("startup: " + e.getMessage());
            return new Result(alone, List.of(), all, e.getMessage());
        }
    }

    private List<StartupHarness.Instance> startAndStop(List<String> services) throws Exception {
        List<StartupHarness.Instance> instances = harness.start(services);
        instances.forEach(StartupHarness.Instance::close);
        return instances;
    }

    /**
     * RSS (MiB) of the running stack's services: the processes whose command line runs this project's
     * {@code <service>/target/quarkus-app/quarkus-run.jar}, except instances a benchmark started.
     */
    static Map<String, Long> runningStackRss(Path root) throws IOException {
        Map<String, Long> rss = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        List<Long> mine = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == self || mine.contains(pid)) {
                    continue;
                }
                String cmdline;
                try {
                    cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException e) {
                    continue; // gone meanwhile
                }
                if (cmdline.contains(ProcessStartupHarness.MARKER)) {
                    continue; // an instance of a benchmark's start-up line, not the stack's
                }
                for (String s : SERVICES) {
                    if (cmdline.contains(root.resolve(s).resolve("target/quarkus-app/quarkus-run.jar").toString())) {
                        rss.merge(s, ProcessStartupHarness.rssMiB(pid), Math::max);
                    }
                }
            }
        }
        return rss;
    }
}
