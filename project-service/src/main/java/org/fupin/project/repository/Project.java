package org.fupin.project.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.fupin.platform.money.Money;
import org.fupin.project.domain.BudgetSplit;
import org.fupin.project.domain.FundSource;
import org.fupin.project.domain.Progress;
import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.ProjectLifecycle;
import org.fupin.project.domain.ProjectRules;
import org.fupin.project.domain.ProjectStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project of the library as stored. The rules live in {@link ProjectLifecycle}: {@link #lifecycle} hands them the
 * stored values, {@link #apply} copies back what they decided.
 */
@Entity
@Table(name = "project")
public class Project {
    @Id
    public UUID id;
    @Column(name = "project_code")
    public String projectCode;
    public String name;
    @Column(name = "project_year")
    public int projectYear;
    public String category;
    @Column(name = "region_code")
    public String regionCode;
    public String batch;
    @Column(name = "unit_name")
    public String unitName;
    @Column(name = "unit_credit_code")
    public String unitCreditCode;
    @Column(name = "construction_content")
    public String constructionContent;
    @Column(name = "construction_scale")
    public String constructionScale;
    @Column(name = "planned_start_date")
    public LocalDate plannedStartDate;
    @Column(name = "planned_end_date")
    public LocalDate plannedEndDate;
    @Column(name = "target_households")
    public Integer targetHouseholds;
    @Column(name = "target_persons")
    public Integer targetPersons;
    @Column(name = "target_poor_households")
    public Integer targetPoorHouseholds;
    @Column(name = "target_poor_persons")
    public Integer targetPoorPersons;
    @Column(name = "target_text")
    public String targetText;
    @Column(name = "budget_total")
    public BigDecimal budgetTotal;
    /** The sources with money as ",code,code,": what the fundSource filter looks at. */
    @Column(name = "fund_sources")
    public String fundSources;
    @Enumerated(EnumType.STRING)
    public ProjectStage stage;
    @Column(name = "stage_date")
    public LocalDate stageDate;
    @Column(name = "approval_document")
    public String approvalDocument;
    @Column(name = "acceptance_document")
    public String acceptanceDocument;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_from")
    public ProjectStage cancelledFrom;
    @Column(name = "cancellation_reason")
    public String cancellationReason;
    @Column(name = "progress_date")
    public LocalDate progressDate;
    @Column(name = "physical_progress")
    public BigDecimal physicalProgress;
    @Column(name = "investment_completed")
    public BigDecimal investmentCompleted;
    @Column(name = "beneficiary_count")
    public int beneficiaryCount;
    /** 项目信息不完整: the missing required fields, comma-separated ('' when complete). */
    @Column(name = "missing_fields")
    public String missingFields;
    /** Aggregate version: 1 at entry, +1 per change; the ETag and the events' ce_aggregateversion. */
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "project_budget", joinColumns = @JoinColumn(name = "project_id"))
    @MapKeyColumn(name = "fund_source")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "amount")
    public Map<FundSource, BigDecimal> budget = new EnumMap<>(FundSource.class);

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "project_stage_date", joinColumns = @JoinColumn(name = "project_id"))
    @MapKeyColumn(name = "stage")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "reached_on")
    public Map<ProjectStage, LocalDate> stageDates = new EnumMap<>(ProjectStage.class);

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "project_beneficiary", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    public List<ProjectBeneficiaryLink> beneficiaries = new ArrayList<>();

    /** The record as the domain sees it. */
    public ProjectData data() {
        Map<FundSource, Money> split = new EnumMap<>(FundSource.class);
        budget.forEach((s, a) -> split.put(s, new Money(a)));
        ProjectData.PerformanceTargets targets = new ProjectData.PerformanceTargets(targetHouseholds, targetPersons,
                targetPoorHouseholds, targetPoorPersons, targetText);
        return new ProjectData(projectCode, name, projectYear, category, regionCode, batch,
                unitName == null && unitCreditCode == null ? null : new ProjectData.ImplementingUnit(unitName, unitCreditCode),
                constructionContent, constructionScale, plannedStartDate, plannedEndDate, targets.isEmpty() ? null : targets,
                BudgetSplit.of(split));
    }

    /** The project as the rules see it. */
    public ProjectLifecycle lifecycle(ProjectRules rules) {
        Progress progress = progressDate == null ? null
                : new Progress(progressDate, physicalProgress, new Money(investmentCompleted));
        return new ProjectLifecycle(id.toString(), rules, data(), new ProjectLifecycle.Status(stage, new EnumMap<>(stageDates),
                approvalDocument, acceptanceDocument, cancelledFrom, cancellationReason, progress,
                beneficiaries.stream().map(b -> b.householdId.toString()).toList()));
    }

    /**
     * Stores what a domain decision left in {@code lifecycle}.
     *
     * @param codesById household codes of newly linked households (from the replica), by household id
     */
    public void apply(ProjectLifecycle lifecycle, Map<String, String> codesById) {
        ProjectData d = lifecycle.data();
        projectCode = d.projectCode();
        name = d.name();
        projectYear = d.projectYear();
        category = d.category();
        regionCode = d.regionCode();
        batch = d.batch();
        unitName = d.unit() == null ? null : d.unit().name();
        unitCreditCode = d.unit() == null ? null : d.unit().creditCode();
        constructionContent = d.constructionContent();
        constructionScale = d.constructionScale();
        plannedStartDate = d.plannedStartDate();
        plannedEndDate = d.plannedEndDate();
        ProjectData.PerformanceTargets t = d.targets();
        targetHouseholds = t == null ? null : t.beneficiaryHouseholds();
        targetPersons = t == null ? null : t.beneficiaryPersons();
        targetPoorHouseholds = t == null ? null : t.poorHouseholds();
        targetPoorPersons = t == null ? null : t.poorPersons();
        targetText = t == null ? null : t.text();
        Map<FundSource, BigDecimal> split = new EnumMap<>(FundSource.class);
        d.budget().amounts().forEach((s, a) -> split.put(s, a.amount()));
        if (!split.equals(new HashMap<>(budget))) {
            budget.clear();
            budget.putAll(split);
        }
        budgetTotal = d.budget().total().amount();
        StringBuilder sources = new StringBuilder(",");
        split.keySet().forEach(s -> sources.append(s.code()).append(','));
        fundSources = sources.toString();

        ProjectLifecycle.Status s = lifecycle.status();
        stage = s.stage();
        stageDate = lifecycle.stageDate();
        if (!s.stageDates().equals(new HashMap<>(stageDates))) {
            stageDates.clear();
            stageDates.putAll(s.stageDates());
        }
        approvalDocument = s.approvalDocument();
        acceptanceDocument = s.acceptanceDocument();
        cancelledFrom = s.cancelledFrom();
        cancellationReason = s.cancellationReason();
        progressDate = s.progress() == null ? null : s.progress().reportDate();
        physicalProgress = s.progress() == null ? null : s.progress().physicalProgress();
        investmentCompleted = s.progress() == null ? null : s.progress().investmentCompleted().amount();

        Map<String, String> known = new HashMap<>();
        beneficiaries.forEach(b -> known.put(b.householdId.toString(), b.householdCode));
        List<ProjectBeneficiaryLink> links = new ArrayList<>();
        for (String hid : s.beneficiaryIds()) {
            String code = known.containsKey(hid) ? known.get(hid) : codesById.get(hid);
            links.add(new ProjectBeneficiaryLink(UUID.fromString(hid), code));
        }
        if (!links.equals(beneficiaries)) {
            beneficiaries.clear();
            beneficiaries.addAll(links);
        }
        beneficiaryCount = links.size();
        missingFields = String.join(",", lifecycle.missingFields());
    }

    public List<String> missingFieldList() {
        return missingFields == null || missingFields.isEmpty() ? List.of() : List.of(missingFields.split(","));
    }
}
