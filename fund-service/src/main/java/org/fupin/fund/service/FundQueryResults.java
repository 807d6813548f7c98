package org.fupin.fund.service;

import org.fupin.fund.domain.FundSource;
import org.fupin.fund.repository.FundQueryRepository;
import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the fund reads answer (amounts as decimal strings through {@link Money}, rates with numerator and denominator
 * through {@link Rate}: percent half-up to two decimals, undefined when the denominator is 0).
 */
public final class FundQueryResults {
    private FundQueryResults() {
    }

    /**
     * A project's fund ledger (项目资金台账) at the end of {@code asOf} (null = everything recorded). Budget, stage and
     * cancellation are the replica's current ones (the budget split has no history here): an allocation above a budget
     * that was later cut shows as {@code overrun} and {@code inOverrun}.
     */
    public record ProjectLedger(String projectId, String projectCode, String regionCode, String countyCode, String category,
                                int year, String batch, String stage, boolean cancelled, boolean inOverrun, LocalDate asOf,
                                List<SourceLine> sources, SourceLine total, List<Entry> entries) {
    }

    /**
     * One source's figures (the total line has {@code source} null): 结余 balance = allocated − reimbursed, undisbursed =
     * allocated − disbursed, unreimbursed = disbursed − reimbursed, overrun = allocated above budget; 拨付率 = disbursed ÷
     * allocated, 资金使用率 = reimbursed ÷ allocated.
     */
    public record SourceLine(String source, String governmentLevel, Money budget, Money allocated, Money disbursed,
                             Money reimbursed, Money balance, Money undisbursed, Money unreimbursed, Money overrun,
                             Rate disbursementRate, Rate utilisationRate) {
    }

    /**
     * One ledger entry, as fundcore's EntryView plus the number of its document: an allocation's document number, or
     * the approving document of an adjustment or recall (null for payment orders and vouchers, whose {@code number} is
     * their own). {@code reversedBy}: for a voucher, the reversal (红字冲销) counted by then, else null.
     */
    public record Entry(String id, String kind, String projectId, String projectCode, String source, String countyCode,
                        String regionCode, Money amount, LocalDate date, String number, String documentId,
                        String documentNumber, String referenceId, String counterpartProjectId, String reason,
                        String expenseKind, Money allocatedDelta, Money disbursedDelta, Money reimbursedDelta,
                        long ledgerVersion, Instant recordedAt, String recordedBy, String reversedBy) {

        static Entry of(FundQueryRepository.EntryRow r, String reversedBy) {
            String documentNumber = switch (r.kind()) {
                case "ALLOCATION" -> r.documentNumber() != null ? r.documentNumber() : r.number();
                case "ADJUSTMENT_OUT", "ADJUSTMENT_IN", "RECALL" -> r.number();
                default -> null;
            };
            return new Entry(s(r.id()), r.kind(), s(r.projectId()), r.projectCode(), r.source(), r.countyCode(),
                    r.regionCode(), new Money(r.amount()), r.date(), r.number(), s(r.documentId()), documentNumber,
                    s(r.referenceId()), s(r.counterpartProjectId()), r.reason(), r.expenseKind(), new Money(r.allocatedDelta()),
                    new Money(r.disbursedDelta()), new Money(r.reimbursedDelta()), r.ledgerVersion(), r.recordedAt(),
                    r.recordedBy(), reversedBy);
        }
    }

    /**
     * An allocation document (资金下达文件) at the end of {@code asOf}: {@code amount} is the document's own;
     * {@code issued} whether it was dated by then (before its date nothing of it counts: lined, unlined, lines and use are
     * empty); {@code lined}/{@code unlined} what its lines took / left by then.
     */
    public record Document(String id, String documentNumber, LocalDate date, String source, String governmentLevel,
                           int year, String issuingRegion, String receivingCounty, Money amount, LocalDate asOf,
                           boolean issued, Money lined, Money unlined, List<DocumentLine> lines, List<DocumentUse> use,
                           Instant recordedAt, String recordedBy) {
    }

    /** One line of a document (资金安排到项目). */
    public record DocumentLine(String entryId, String projectId, String projectCode, Money amount) {
    }

    /**
     * The use of a document by one project it reached: {@code allocated} = what this document's lines gave the project;
     * {@code accountAllocated}, {@code disbursed}, {@code reimbursed} = the project's account of the document's source
     * (money is not traced to the document it came from once in the account, which several documents may feed).
     */
    public record DocumentUse(String projectId, String projectCode, Money allocated, Money accountAllocated,
                              Money disbursed, Money reimbursed) {
    }

    /** A document in a list (without its lines); {@code lined}/{@code unlined} as recorded now. */
    public record DocumentSummary(String id, String documentNumber, LocalDate date, String source, String governmentLevel,
                                  int year, String issuingRegion, String receivingCounty, Money amount, Money lined,
                                  Money unlined) {

        static DocumentSummary of(FundQueryRepository.DocumentRow d) {
            Money amount = new Money(d.amount());
            Money lined = new Money(d.lined());
            return new DocumentSummary(d.id().toString(), d.documentNumber(), d.date(), d.source(), level(d.source()),
                    d.year(), d.issuingRegion(), d.receivingCounty(), amount, lined, amount.minus(lined));
        }
    }

    /** One page of a list: the items, the page number (from 0), the page size and the total count. */
    public record ResultPage<T>(List<T> items, int page, int size, long total) {
    }

    static String level(String source) {
        return FundSource.ofCode(source).map(FundSource::governmentLevel).orElse(null);
    }

    private static String s(Object o) {
        return o == null ? null : o.toString();
    }
}
