package org.fupin.project.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.fupin.platform.imports.BatchReader;
import org.fupin.platform.imports.ImportFormat;
import org.fupin.platform.imports.ImportKind;
import org.fupin.platform.imports.RowErrors;
import org.fupin.platform.money.Money;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.security.Roles;
import org.fupin.project.domain.BudgetSplit;
import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.ProjectLifecycle;
import org.fupin.project.domain.Progress;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Projects as a kind of the platform's bulk import (POST /api/v1/project-imports): a batch is NDJSON (one
 * {@link ProjectImportLine} per line), CSV or xlsx (the template's columns, one project per row, see
 * {@link ProjectImportTable}); a row becomes an {@link ImportedProject} stored by {@link ProjectService#importProject},
 * with the same rules as the API. Rows run as the submitter (a project clerk, in their region). Rows hold no resident ID
 * numbers, but the machinery seals every staged payload anyway.
 */
@ApplicationScoped
public class ProjectImportKind implements ImportKind<ImportedProject> {

    public static final String NAME = "project";

    @Inject
    ObjectMapper mapper;
    @Inject
    ProjectService projects;
    @Inject
    TransactionManager transactions;

    private ObjectReader lines;

    @PostConstruct
    void init() {
        lines = mapper.readerFor(ProjectImportLine.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String role() {
        return Roles.PROJECT_CLERK;
    }

    @Override
    public String noRows() {
        return "the batch holds no project";
    }

    @Override
    public void parse(ImportFormat format, InputStream in, Path file, RowSink sink) throws IOException {
        ProjectImportTable table = new ProjectImportTable(mapper);
        switch (format) {
            case NDJSON -> BatchReader.ndjson(in, sink::row);
            case CSV -> BatchReader.csv(in, (n, values) -> sink.row(n, table.line(values)));
            case XLSX -> BatchReader.xlsx(file, values -> true, (n, values) -> sink.row(n, table.line(values)));
        }
    }

    @Override
    public ImportedProject read(String payload, List<ApiProblem.FieldError> errors) {
        ProjectImportLine l;
        try {
            l = lines.readValue(payload);
        } catch (JsonProcessingException e) {
            errors.add(RowErrors.unreadable(e));
            return null;
        }
        if (l == null) {
            errors.add(new ApiProblem.FieldError("row", "is empty"));
            return null;
        }
        BudgetSplit budget = null;
        try {
            budget = ProjectCommands.budget(l.budget(), "budget");
        } catch (ApiProblem p) {
            add(errors, p, "");
        }
        Progress progress = null;
        if (l.progress() != null) {
            try {
                ProjectImportLine.ProgressLine p = l.progress();
                progress = Refusals.decide(() -> Progress.of(p.reportDate(), p.physicalProgress(),
                        p.investmentCompleted() == null ? null : Money.of(p.investmentCompleted())));
            } catch (ApiProblem p) {
                add(errors, p, "progress.");
            } catch (IllegalArgumentException e) {
                errors.add(new ApiProblem.FieldError("progress.investmentCompleted", RowErrors.scrub(e.getMessage())));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        ProjectData.ImplementingUnit unit = l.unit() == null || (l.unit().name() == null && l.unit().creditCode() == null) ? null
                : new ProjectData.ImplementingUnit(l.unit().name(),
                l.unit().creditCode() == null ? null : l.unit().creditCode().toUpperCase(Locale.ROOT));
        ProjectData.PerformanceTargets targets = l.targets() == null || l.targets().isEmpty() ? null : l.targets();
        ProjectData data = new ProjectData(l.projectCode(), l.name(), l.projectYear(), blankToNull(l.category()), l.regionCode(),
                l.batch(), unit, l.constructionContent(), l.constructionScale(), l.plannedStartDate(), l.plannedEndDate(), targets,
                budget);
        boolean staged = l.stage() != null || (l.stageDates() != null && !l.stageDates().isEmpty()) || progress != null
                || l.approvalDocument() != null || l.acceptanceDocument() != null || l.cancellationReason() != null;
        ProjectLifecycle.ImportedState state = staged ? new ProjectLifecycle.ImportedState(l.stage(), l.stageDates(),
                l.approvalDocument(), l.acceptanceDocument(), l.cancellationReason(), progress) : null;
        return new ImportedProject(data, state, l.beneficiaryCodes());
    }

    private static void add(List<ApiProblem.FieldError> errors, ApiProblem p, String prefix) {
        if (p.errors().isEmpty()) {
            errors.add(new ApiProblem.FieldError(prefix.isEmpty() ? "row" : prefix.substring(0, prefix.length() - 1),
                    RowErrors.scrub(p.getMessage())));
        }
        p.errors().forEach(e -> errors.add(new ApiProblem.FieldError(prefix + e.field(), RowErrors.scrub(e.message()))));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public UUID importOne(ImportedProject row) {
        return projects.importProject(row);
    }

    /**
     * importProject decides everything before it writes and does not mark the transaction on a refusal, so the rows of
     * a chunk share one transaction; should a refusal ever leave it marked for rollback, the chunk is given up and the
     * machinery imports its rows one at a time.
     */
    @Override
    public boolean chunked() {
        return true;
    }

    @Override
    public void importChunk(List<Chunk<ImportedProject>> rows) {
        for (Chunk<ImportedProject> c : rows) {
            try {
                c.accept(projects.importProject(c.row()));
            } catch (ApiProblem p) {
                c.refuse(p);
                if (markedForRollback()) {
                    throw new IllegalStateException("a refused project row marked the chunk's transaction for rollback");
                }
            }
        }
    }

    private boolean markedForRollback() {
        try {
            return transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            return true;
        }
    }
}
