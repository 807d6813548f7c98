package org.fupin.fund.domain;

import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Figures as they stood at the end of a day (截至某日): a plain function over ledger entries, counting each entry dated
 * on or before the day by its business date (document, payment order, voucher or reversal date), whenever it was
 * recorded. {@code day == null} means everything recorded. The stored account totals must equal
 * {@code asOf(entries, null)} (a consistency check the storage can run).
 */
public final class LedgerAsOf {
    private LedgerAsOf() {
    }

    /** One account's figures at a day. */
    public record Figures(Money allocated, Money disbursed, Money reimbursed) {
        public static final Figures ZERO = new Figures(Money.ZERO, Money.ZERO, Money.ZERO);

        Figures plus(LedgerEntry e) {
            return new Figures(allocated.plus(e.allocatedDelta()), disbursed.plus(e.disbursedDelta()),
                    reimbursed.plus(e.reimbursedDelta()));
        }

        /** 结余 = allocated − reimbursed. */
        public Money balance() {
            return allocated.minus(reimbursed);
        }

        public Money undisbursed() {
            return allocated.minus(disbursed);
        }

        public Money unreimbursed() {
            return disbursed.minus(reimbursed);
        }
    }

    /** Whether the entry counts at the end of the day (null = every entry). */
    public static boolean counts(LedgerEntry e, LocalDate day) {
        return day == null || !e.date().isAfter(day);
    }

    /** Every account's figures at the end of the day, by key (accounts without a counted entry are absent). */
    public static Map<LedgerEntry.AccountKey, Figures> accounts(Collection<LedgerEntry> entries, LocalDate day) {
        Map<LedgerEntry.AccountKey, Figures> m = new TreeMap<>();
        for (LedgerEntry e : entries) {
            if (counts(e, day)) {
                m.merge(e.key(), Figures.ZERO.plus(e), (a, b) -> new Figures(a.allocated().plus(b.allocated()),
                        a.disbursed().plus(b.disbursed()), a.reimbursed().plus(b.reimbursed())));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** One account's figures at the end of the day (zero when it had no entry yet). */
    public static Figures account(Collection<LedgerEntry> entries, LedgerEntry.AccountKey key, LocalDate day) {
        Figures f = Figures.ZERO;
        for (LedgerEntry e : entries) {
            if (e.key().equals(key) && counts(e, day)) {
                f = f.plus(e);
            }
        }
        return f;
    }

    /** A project's figures per source at the end of the day. */
    public static Map<FundSource, Figures> project(Collection<LedgerEntry> entries, String projectId, LocalDate day) {
        Map<FundSource, Figures> m = new TreeMap<>();
        accounts(entries, day).forEach((k, f) -> {
            if (k.projectId().equals(projectId)) {
                m.put(k.source(), f);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /**
     * A document's use at the end of the day: what its lines took ({@code lined}) and, of the projects it reached, what
     * was disbursed and reimbursed of the same source (a project's money of one source is not traced to the document it
     * came from once it is in the account: an account may have several documents).
     */
    public record DocumentUse(Money amount, Money lined, Money unlined, Map<String, Money> linedByProject) {
    }

    public static DocumentUse document(AllocationDocument doc, Collection<LedgerEntry> entries, LocalDate day) {
        Map<String, Money> byProject = new TreeMap<>();
        Money lined = Money.ZERO;
        if (day == null || !doc.date().isAfter(day)) {
            for (LedgerEntry e : entries) {
                if (e.kind() == EntryKind.ALLOCATION && doc.id().equals(e.documentId()) && counts(e, day)) {
                    lined = lined.plus(e.amount());
                    byProject.merge(e.projectId(), e.amount(), Money::plus);
                }
            }
        }
        Money amount = day == null || !doc.date().isAfter(day) ? doc.amount() : Money.ZERO;
        return new DocumentUse(amount, lined, amount.minus(lined), Collections.unmodifiableMap(byProject));
    }

    /** The vouchers reversed at the end of the day (ids of the reversed entries). */
    public static Set<String> reversedVouchers(Collection<LedgerEntry> entries, LocalDate day) {
        Set<String> s = new HashSet<>();
        for (LedgerEntry e : entries) {
            if (e.kind() == EntryKind.REVERSAL && counts(e, day)) {
                s.add(e.referenceId());
            }
        }
        return s;
    }
}
