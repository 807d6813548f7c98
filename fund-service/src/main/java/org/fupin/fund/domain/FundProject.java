package org.fupin.fund.domain;

import org.fupin.platform.money.Money;
import org.fupin.platform.region.RegionCode;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A library project as fund-service's replica knows it (from {@code fupin.project.v1}, newest version wins): id, code,
 * region, category, year, budget split by source, stage. fund-service never calls project-service.
 *
 * @param regionCode 12-digit code of the county, township or village it is built in
 * @param budget     预算 by source; a source absent has budget 0, so no money of that source can be allocated to it
 */
public record FundProject(String id, String code, String regionCode, String category, int year,
                          Map<FundSource, Money> budget, ProjectStage stage) {

    public FundProject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stage, "stage");
        if (!RegionCode.isValidCode(regionCode)) {
            throw new IllegalArgumentException("not a region code: " + regionCode);
        }
        EnumMap<FundSource, Money> b = new EnumMap<>(FundSource.class);
        if (budget != null) {
            b.putAll(budget);
        }
        budget = Map.copyOf(b);
        code = code == null ? id : code;
    }

    public Money budget(FundSource source) {
        return budget.getOrDefault(source, Money.ZERO);
    }

    public boolean cancelled() {
        return stage == ProjectStage.CANCELLED;
    }

    /** The 12-digit code of the county the project lies in (its first six digits, then zeros). */
    public String countyCode() {
        return Counties.countyOf(regionCode);
    }
}
