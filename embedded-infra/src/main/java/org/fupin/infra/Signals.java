package org.fupin.infra;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * POSIX signals to processes this project started (fault injection: SIGKILL, SIGSTOP, SIGCONT). Java's
 * {@link ProcessHandle} can only terminate a process, not pause it, so {@code kill -STOP/-CONT} is used for those.
 */
public final class Signals {
    private Signals() {
    }

    /** Sends {@code signal} (e.g. {@code KILL}, {@code STOP}, {@code CONT}) to the process; false when it failed. */
    public static boolean send(long pid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILLs the process and every descendant, then waits (at most 30 s) until all are gone. */
    public static void killTree(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return;
        }
        List<ProcessHandle> all = new java.util.ArrayList<>();
        all.add(root.get());
        all.addAll(root.get().descendants().toList());
        for (ProcessHandle h : all) {
            send(h.pid(), "CONT"); // a stopped process dies on SIGKILL too, but be explicit
            send(h.pid(), "KILL");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            InfraIo.sleep(50);
        }
    }
}
