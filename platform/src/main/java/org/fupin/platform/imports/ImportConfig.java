package org.fupin.platform.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The bulk-import machinery's limits and housekeeping ({@code fupin.import.*}), shared by every import kind of a
 * service. household-service's keys of these were {@code fupin.household.import.*} before issue 8.
 */
@ConfigMapping(prefix = "fupin.import")
public interface ImportConfig {

    /** Worker threads of each replica working on import jobs. */
    @WithDefault("4")
    int workers();

    /**
     * Rows one worker claims and imports in one transaction. A chunk decides every row first; refused rows get their
     * errors, the others are stored together (when the kind stores chunks in batches).
     */
    @WithDefault("500")
    int chunkSize();

    /**
     * Attempts at a chunk that lost a race at a unique index (a row committed meanwhile by another job) before its rows
     * are imported one at a time, each in its own transaction.
     */
    @WithDefault("3")
    int chunkAttempts();

    /** Largest batch one request may carry (checked while the body is read; 413 beyond). */
    @WithDefault("256M")
    MemorySize maxBodySize();

    /** Jobs one caller may have queued or running at once; one more is refused with 429 (OWASP API4). */
    @WithDefault("2")
    int maxJobsPerCaller();

    /** The Retry-After of that 429. */
    @WithDefault("30S")
    Duration retryAfter();

    /** How long the error report of a finished job is kept; the job's counters stay. */
    @WithDefault("P30D")
    Duration errorRetention();

    /** How often each replica looks for running jobs nobody works on (e.g. after a replica died). */
    @WithDefault("60S")
    Duration resumeInterval();

    /** Largest page of an error report. */
    @WithDefault("1000")
    int maxPageSize();
}
