package org.fupin.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.fund.domain.Account;
import org.fupin.fund.domain.AllocationDocument;
import org.fupin.fund.domain.EntryKind;
import org.fupin.fund.domain.FundProject;
import org.fupin.fund.domain.FundSource;
import org.fupin.fund.domain.LedgerAsOf;
import org.fupin.fund.domain.LedgerEntry;
import org.fupin.fund.domain.ProjectFunds;
import org.fupin.fund.repository.FundQueryRepository;
import org.fupin.fund.repository.FundQueryRepository.AccountSums;
import org.fupin.fund.repository.FundQueryRepository.DocumentRow;
import org.fupin.fund.repository.FundQueryRepository.EntryRow;
import org.fupin.fund.repository.ProjectReplicaRecord;
import org.fupin.fund.repository.ProjectReplicaRepository;
import org.fupin.fund.service.FundQueryResults.Document;
import org.fupin.fund.service.FundQueryResults.DocumentLine;
import org.fupin.fund.service.FundQueryResults.DocumentSummary;
import org.fupin.fund.service.FundQueryResults.DocumentUse;
import org.fupin.fund.service.FundQueryResults.Entry;
import org.fupin.fund.service.FundQueryResults.ProjectLedger;
import org.fupin.fund.service.FundQueryResults.ResultPage;
import org.fupin.fund.service.FundQueryResults.SourceLine;
import org.fupin.platform.money.Money;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionCode;
import org.fupin.platform.region.RegionScope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read side of the fund ledger: a project's fund ledger, a document's lines and use, and the lists. The figures are
 * the domain's: {@link LedgerAsOf} over the entries counted at the end of the day (by business date), then
 * {@link ProjectFunds} with the replica's budget. Region scope on every object: a project or document outside the
 * caller's prefix does not exist (404); lists run inside the prefix (a requested one outside it is 403).
 */
@ApplicationScoped
public class FundQueryService {

    @Inject
    FundQueryRepository queries;
    @Inject
    ProjectReplicaRepository replica;
    @Inject
    RegionScope region;

    /** The project's fund ledger at the end of the day ({@code asOf} blank = everything recorded). */
    @Transactional
    public ProjectLedger project(UUID projectId, String asOfParam) {
        FundQueryParams params = new FundQueryParams();
        LocalDate asOf = params.date(asOfParam, "asOf");
        params.check();
        ProjectReplicaRecord record = replica.snapshot(projectId).orElseThrow(() -> ApiProblem.notFound("project", projectId));
        region.requireReadable(record.regionCode(), "project", projectId);
        FundProject project = record.toDomain();

        List<EntryRow> rows = queries.projectEntries(projectId, asOf);
        List<LedgerEntry> entries = rows.stream().map(FundQueryService::toDomain).toList();
        List<Account> accounts = new ArrayList<>();
        LedgerAsOf.project(entries, project.id(), asOf).forEach((source, f) ->
                accounts.add(new Account(project.id(), source, project.budget(source), f.allocated(), f.disbursed(), f.reimbursed())));
        ProjectFunds funds = ProjectFunds.of(project, accounts);

        Map<String, String> reversalOf = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.REVERSAL && LedgerAsOf.counts(e, asOf)) {
                reversalOf.put(e.referenceId(), e.id());
            }
        }
        List<Entry> lines = rows.stream().map(r -> Entry.of(r, reversalOf.get(r.id().toString()))).toList();
        return new ProjectLedger(project.id(), project.code(), project.regionCode(), project.countyCode(), project.category(),
                project.year(), record.batch(), record.stage(), project.cancelled(), funds.inOverrun(), asOf,
                funds.sources().stream().map(FundQueryService::line).toList(), line(funds.total()), lines);
    }

    /** The document, its lines and their use at the end of the day ({@code asOf} blank = everything recorded). */
    @Transactional
    public Document document(UUID documentId, String asOfParam) {
        FundQueryParams params = new FundQueryParams();
        LocalDate asOf = params.date(asOfParam, "asOf");
        params.check();
        DocumentRow d = queries.document(documentId).orElseThrow(() -> ApiProblem.notFound("allocation document", documentId));
        region.requireReadable(d.receivingCounty(), "allocation document", documentId);
        FundSource source = source(d.source());
        AllocationDocument doc = new AllocationDocument(d.id().toString(), d.documentNumber(), d.date(), source, d.year(),
                d.issuingRegion(), d.receivingCounty(), new Money(d.amount()), new Money(d.lined()));

        List<EntryRow> lineRows = queries.documentLines(documentId);
        List<LedgerEntry> lineEntries = lineRows.stream().map(FundQueryService::toDomain).toList();
        LedgerAsOf.DocumentUse use = LedgerAsOf.document(doc, lineEntries, asOf);
        boolean issued = asOf == null || !doc.date().isAfter(asOf);

        List<DocumentLine> lines = new ArrayList<>();
        Map<UUID, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < lineRows.size(); i++) {
            EntryRow r = lineRows.get(i);
            if (issued && LedgerAsOf.counts(lineEntries.get(i), asOf)) {
                lines.add(new DocumentLine(r.id().toString(), r.projectId().toString(), r.projectCode(), new Money(r.amount())));
                codes.putIfAbsent(r.projectId(), r.projectCode());
            }
        }
        Map<UUID, AccountSums> sums = queries.accountSums(codes.keySet(), d.source(), asOf);
        List<DocumentUse> uses = new ArrayList<>();
        codes.forEach((projectId, code) -> {
            AccountSums s = sums.get(projectId);
            uses.add(new DocumentUse(projectId.toString(), code,
                    use.linedByProject().getOrDefault(projectId.toString(), Money.ZERO),
                    s == null ? Money.ZERO : new Money(s.allocated()), s == null ? Money.ZERO : new Money(s.disbursed()),
                    s == null ? Money.ZERO : new Money(s.reimbursed())));
        });
        return new Document(doc.id(), doc.documentNumber(), doc.date(), source.code(), source.governmentLevel(), doc.year(),
                doc.issuingRegion(), doc.receivingCounty(), doc.amount(), asOf, issued, use.lined(), use.unlined(), lines,
                uses, d.createdAt(), d.createdBy());
    }

    /** Documents received inside the region prefix (default: the caller's), filtered, newest document date first. */
    @Transactional
    public ResultPage<DocumentSummary> documents(String regionParam, String yearParam, String sourceParam, String numberParam,
                                                 String fromParam, String toParam, String pageParam, String sizeParam) {
        FundQueryParams params = new FundQueryParams();
        regionFormat(params, regionParam);
        Integer year = params.year(yearParam, "year");
        String source = params.source(sourceParam, "source");
        String number = params.text(numberParam, "number", 100);
        LocalDate from = params.date(fromParam, "from");
        LocalDate to = params.date(toParam, "to");
        params.range(from, to);
        int page = params.page(pageParam);
        int size = params.size(sizeParam);
        params.check();
        String prefix = region.queryPrefix(regionParam, "region");
        FundQueryRepository.Rows<DocumentRow> rows = queries.documents(
                new FundQueryRepository.DocumentFilter(prefix, year, source, number, from, to), page, size);
        return new ResultPage<>(rows.items().stream().map(DocumentSummary::of).toList(), page, size, rows.total());
    }

    /** Ledger entries inside the region prefix (default: the caller's), filtered, newest business date first. */
    @Transactional
    public ResultPage<Entry> entries(String regionParam, String yearParam, String sourceParam, String projectParam,
                                     String documentParam, String kindParam, String fromParam, String toParam,
                                     String pageParam, String sizeParam) {
        FundQueryParams params = new FundQueryParams();
        regionFormat(params, regionParam);
        Integer year = params.year(yearParam, "year");
        String source = params.source(sourceParam, "source");
        UUID projectId = params.uuid(projectParam, "projectId");
        UUID documentId = params.uuid(documentParam, "documentId");
        String kind = params.kind(kindParam, "kind");
        LocalDate from = params.date(fromParam, "from");
        LocalDate to = params.date(toParam, "to");
        params.range(from, to);
        int page = params.page(pageParam);
        int size = params.size(sizeParam);
        params.check();
        String prefix = region.queryPrefix(regionParam, "region");
        FundQueryRepository.Rows<EntryRow> rows = queries.entries(
                new FundQueryRepository.EntryFilter(prefix, year, source, projectId, documentId, kind, from, to), page, size);
        // a voucher on this page shows its reversal (now: the list has no asOf)
        List<UUID> vouchers = rows.items().stream().filter(r -> EntryKind.REIMBURSEMENT.name().equals(r.kind()))
                .map(EntryRow::id).toList();
        Map<UUID, UUID> reversals = queries.reversalsOf(vouchers, null);
        return new ResultPage<>(rows.items().stream().map(r -> {
            UUID reversal = reversals.get(r.id());
            return Entry.of(r, reversal == null ? null : reversal.toString());
        }).toList(), page, size, rows.total());
    }

    /** A malformed region is named with the other parameters (400); one outside the caller's is 403 afterwards. */
    private static void regionFormat(FundQueryParams params, String regionParam) {
        String r = FundQueryParams.blank(regionParam);
        if (r != null && !RegionCode.isValidPrefix(r)) {
            params.error("region", "must be a region code or prefix of 2, 4, 6, 9 or 12 digits");
        }
    }

    private static SourceLine line(ProjectFunds.Line l) {
        return new SourceLine(l.source(), l.source() == null ? null : FundQueryResults.level(l.source()), l.budget(),
                l.allocated(), l.disbursed(), l.reimbursed(), l.balance(), l.undisbursed(), l.disbursed().minus(l.reimbursed()),
                l.overrun(), l.disbursementRate(), l.utilisationRate());
    }

    private static FundSource source(String code) {
        return FundSource.ofCode(code).orElseThrow(() -> new IllegalStateException("fund source unknown to the domain: " + code));
    }

    /** A stored entry as the domain's {@link LedgerEntry} (what {@link LedgerAsOf} sums). */
    static LedgerEntry toDomain(EntryRow r) {
        return new LedgerEntry(r.id().toString(), EntryKind.valueOf(r.kind()), r.projectId().toString(), source(r.source()),
                r.countyCode(), new Money(r.amount()), r.date(), r.number(), str(r.documentId()), str(r.referenceId()),
                str(r.counterpartProjectId()), r.reason(), r.expenseKind(), new Money(r.allocatedDelta()),
                new Money(r.disbursedDelta()), new Money(r.reimbursedDelta()));
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
