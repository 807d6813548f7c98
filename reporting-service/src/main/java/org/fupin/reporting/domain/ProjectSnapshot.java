package org.fupin.reporting.domain;

import org.fupin.platform.region.RegionCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A project as the report keeps it (a row of {@code project_fact} with its budget split and beneficiary households):
 * the snapshot every project event carries, and the version guard that keeps the newest.
 * <ul>
 *   <li>Any event creates the project (each carries the full snapshot); the snapshot is replaced by an event whose
 *   version is not older than the stored one. An older one is a late replay or arrived out of order: it changes
 *   nothing. Equal versions apply, as for the household facts: the effect is idempotent, and a producer that emits two
 *   events under one version emits them in order on one partition.</li>
 *   <li>The beneficiary list travels only in {@code project.beneficiaries-changed.v1}, so it has a version of its own:
 *   a list replaces the stored one when its event is not older than the list held, whatever the snapshot's version
 *   (a progress report of version 5 arriving before the list of version 4 keeps both).</li>
 * </ul>
 *
 * @param budget               fund-source code → amount (yuan, two decimals), sources without money absent
 * @param physicalProgress     形象进度 in percent, null before the first report
 * @param missingFields        项目信息不完整: the required fields the record lacks
 * @param householdIds         the beneficiary households; null when the event carries no list (the stored one stays)
 * @param beneficiariesVersion the version of the event the list came from (0 = no list received)
 */
public record ProjectSnapshot(UUID projectId, String projectCode, String regionCode, String category, int projectYear,
                              String batch, String stage, LocalDate stageDate, Map<String, BigDecimal> budget,
                              BigDecimal physicalProgress, BigDecimal investmentCompleted, List<String> missingFields,
                              LocalDate effectiveDate, long version, Set<UUID> householdIds, long beneficiariesVersion) {

    /** The stages of the lifecycle, in order, CANCELLED last. */
    public static final List<String> STAGES = List.of("PLANNED", "PRE_APPROVAL_DONE", "TENDERING", "UNDER_CONSTRUCTION",
            "COMPLETED", "ACCEPTED", "CANCELLED");

    public ProjectSnapshot {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectCode, "projectCode");
        if (!RegionCode.isValidCode(regionCode)) {
            throw new IllegalArgumentException("regionCode must be 12 digits: " + regionCode);
        }
        if (!STAGES.contains(stage)) {
            throw new IllegalArgumentException("unknown stage: " + stage);
        }
        budget = budget == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(budget));
        budget.forEach((source, amount) -> {
            if (amount == null || amount.signum() < 0) {
                throw new IllegalArgumentException("budget of " + source + " must be an amount ≥ 0: " + amount);
            }
        });
        if (physicalProgress != null && (physicalProgress.signum() < 0 || physicalProgress.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("physicalProgress must be 0–100: " + physicalProgress);
        }
        investmentCompleted = investmentCompleted == null ? BigDecimal.ZERO : investmentCompleted;
        missingFields = missingFields == null ? List.of() : List.copyOf(missingFields);
        householdIds = householdIds == null ? null : Set.copyOf(householdIds);
    }

    public BigDecimal budgetTotal() {
        return budget.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean incomplete() {
        return !missingFields.isEmpty();
    }

    /** The same snapshot holding the given beneficiary list. */
    public ProjectSnapshot withBeneficiaries(Set<UUID> households, long listVersion) {
        return new ProjectSnapshot(projectId, projectCode, regionCode, category, projectYear, batch, stage, stageDate, budget,
                physicalProgress, investmentCompleted, missingFields, effectiveDate, version, households, listVersion);
    }

    /**
     * The project after an event.
     *
     * @param stored   what is held, null when nothing is
     * @param incoming the event's snapshot ({@code householdIds} null unless it carries the list;
     *                 {@code beneficiariesVersion} = its version when it does)
     * @return the project to hold: {@code stored} itself when the event changes nothing
     */
    public static ProjectSnapshot merge(ProjectSnapshot stored, ProjectSnapshot incoming) {
        if (stored == null) {
            return incoming.householdIds() == null ? incoming.withBeneficiaries(Set.of(), 0) : incoming;
        }
        if (!stored.projectId.equals(incoming.projectId)) {
            throw new IllegalArgumentException("not the same project: " + stored.projectId + ", " + incoming.projectId);
        }
        ProjectSnapshot out = incoming.version >= stored.version ? incoming : stored;
        boolean newerList = incoming.householdIds != null && incoming.version >= stored.beneficiariesVersion;
        return newerList ? out.withBeneficiaries(incoming.householdIds, incoming.version)
                : out.withBeneficiaries(stored.householdIds, stored.beneficiariesVersion);
    }
}
