package org.fupin.household.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits and housekeeping of bulk imports ({@code fupin.household.import.*}). */
@ConfigMapping(prefix = "fupin.household.import")
public interface ImportConfig {

    /** Rows of a bulk import processed at once on each replica. */
    @WithDefault("4")
    int workers();

    /**
     * Rows one worker claims and imports in one transaction (JDBC batches). A chunk decides every row in the domain
     * first; refused rows get their errors, the others are stored together.
     */
    @WithDefault("500")
    int chunkSize();

    /**
     * Attempts at a chunk that lost a race at a unique index (a person or household code committed meanwhile by another
     * job) before its rows are imported one at a time, each in its own transaction.
     */
    @WithDefault("3")
    int chunkAttempts();

    /** Largest batch a bulk-import request may carry (checked while the body is read). */
    @WithDefault("256M")
    MemorySize maxBodySize();

    /** Largest body of every other endpoint of the service (single JSON requests). */
    @WithDefault("2M")
    MemorySize maxJsonBodySize();

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
