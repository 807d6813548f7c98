package org.fupin.fund.repository;

import org.fupin.fund.domain.FundProject;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.ProjectStage;
import org.fupin.platform.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One project as fund-service's replica of the library stores it: the snapshot of the newest project event
 * ({@code fupin.project.v1}), by aggregate version, with what the domain's {@link FundProject} leaves out (batch, stage
 * date, business date, version). What the consumer hands the repository to store; the allocation checks read
 * {@link #toDomain()}.
 *
 * @param id            project-service's project id
 * @param projectCode   项目编号
 * @param regionCode    where the project is built, 12 digits
 * @param category      category code, null while not given
 * @param projectYear   项目年度
 * @param batch         批次, null when none
 * @param stage         project-service's stage name (PLANNED, PRE_APPROVAL_DONE, TENDERING, UNDER_CONSTRUCTION,
 *                      COMPLETED, ACCEPTED, CANCELLED)
 * @param stageDate     the date the current stage was reached
 * @param budget        预算 by fund-source code (yuan, two decimals); sources without money absent
 * @param effectiveDate business date of the snapshot's change
 * @param version       the aggregate version of the snapshot
 */
public record ProjectReplicaRecord(UUID id, String projectCode, String regionCode, String category, int projectYear,
                                   String batch, String stage, LocalDate stageDate, Map<String, BigDecimal> budget,
                                   LocalDate effectiveDate, long version) {

    public static final String CANCELLED = "CANCELLED";

    public ProjectReplicaRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectCode, "projectCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(stage, "stage");
        budget = budget == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(budget));
    }

    /** 终止: kept in the replica, but no money may be allocated to it. */
    public boolean cancelled() {
        return CANCELLED.equals(stage);
    }

    /** 预算总投资: the sum of the split. */
    public BigDecimal budgetTotal() {
        return budget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The budget for one fund source (code), zero when the split has none. */
    public BigDecimal budgetOf(String fundSource) {
        return budget.getOrDefault(fundSource, BigDecimal.ZERO);
    }

    /**
     * The project as the fund domain sees it. Every stored source is a fund-service source (the consumer refuses others
     * as poison, and {@code project_replica_budget.fund_source} references {@code fund_source}).
     */
    public FundProject toDomain() {
        Map<FundSource, Money> split = new EnumMap<>(FundSource.class);
        budget.forEach((code, amount) -> split.put(FundSource.ofCode(code)
                .orElseThrow(() -> new IllegalStateException("fund source unknown to the domain: " + code)), new Money(amount)));
        return new FundProject(id.toString(), projectCode, regionCode, category, projectYear, split, ProjectStage.valueOf(stage));
    }
}
