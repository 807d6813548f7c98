package org.fupin.project.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fupin.project.domain.BeneficiaryRules;
import org.fupin.project.domain.Change;
import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.ProjectLifecycle;
import org.fupin.project.domain.ProjectStage;
import org.fupin.project.domain.StageStep;
import org.fupin.project.repository.HouseholdReplicaRepository;
import org.fupin.project.repository.Project;
import org.fupin.project.repository.ProjectBeneficiaryLink;
import org.fupin.project.repository.ProjectHistory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds what the API answers from stored projects. */
@ApplicationScoped
public class ProjectViews {

    @Inject
    ProjectRulesProvider rules;
    @Inject
    HouseholdReplicaRepository replica;
    @Inject
    ObjectMapper json;

    public ProjectDetails details(Project p) {
        ProjectLifecycle lifecycle = p.lifecycle(rules.rules());
        ProjectData d = lifecycle.data();
        Map<String, java.time.LocalDate> stageDates = new LinkedHashMap<>();
        for (ProjectStage s : ProjectStage.values()) {
            if (p.stageDates.containsKey(s)) {
                stageDates.put(s.name(), p.stageDates.get(s));
            }
        }
        List<String> ids = p.beneficiaries.stream().map(b -> b.householdId.toString()).toList();
        Map<String, String> flags = new HashMap<>();
        if (!ids.isEmpty()) {
            BeneficiaryRules.flags(ids, replica.byIds(ids)).forEach(f -> flags.put(f.householdId(), f.reason().name()));
        }
        List<ProjectDetails.Beneficiary> beneficiaries = p.beneficiaries.stream().map((ProjectBeneficiaryLink b) ->
                new ProjectDetails.Beneficiary(b.householdId.toString(), b.householdCode, flags.get(b.householdId.toString())))
                .toList();
        return new ProjectDetails(p.id.toString(), p.projectCode, p.name, p.projectYear, p.category, p.regionCode, p.batch,
                d.unit() == null ? null : new ProjectDetails.Unit(d.unit().name(), d.unit().creditCode()),
                p.constructionContent, p.constructionScale, p.plannedStartDate, p.plannedEndDate,
                d.targets() == null ? null : new ProjectDetails.Targets(d.targets().beneficiaryHouseholds(),
                        d.targets().beneficiaryPersons(), d.targets().poorHouseholds(), d.targets().poorPersons(), d.targets().text()),
                d.budget().byCode(), d.budget().total().toString(), p.stage.name(), p.stageDate, stageDates,
                lifecycle.allowedSteps().stream().map(StageStep::name).toList(), p.approvalDocument, p.acceptanceDocument,
                p.cancelledFrom == null ? null : p.cancelledFrom.name(), p.cancellationReason,
                p.progressDate == null ? null : new ProjectDetails.ProgressView(p.progressDate, text(p.physicalProgress),
                        text(p.investmentCompleted)),
                beneficiaries, p.missingFieldList(), p.version);
    }

    public ProjectDetails.Summary summary(Project p) {
        return new ProjectDetails.Summary(p.id.toString(), p.projectCode, p.name, p.projectYear, p.category, p.regionCode,
                p.batch, p.unitName, p.stage.name(), p.stageDate, text(p.budgetTotal), text(p.physicalProgress),
                p.investmentCompleted == null ? "0.00" : text(p.investmentCompleted), p.beneficiaryCount,
                p.missingFieldList(), p.version);
    }

    public HistoryLine historyLine(ProjectHistory h) {
        List<Change.FieldChange> changes = List.of();
        if (h.changes != null) {
            try {
                changes = json.readValue(h.changes, new TypeReference<List<Change.FieldChange>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("history line " + h.seq + " is not readable", e);
            }
        }
        return new HistoryLine(h.seq, h.at, h.actor, h.action, h.fromStage, h.toStage, h.effectiveDate, h.remarks, changes);
    }

    private static String text(BigDecimal v) {
        return v == null ? null : v.setScale(2).toPlainString();
    }
}
