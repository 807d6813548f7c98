package org.fupin.fund.domain;

import org.fupin.contracts.fund.FundAllocatedV1;
import org.fupin.contracts.fund.FundAllocationAdjustedV1;
import org.fupin.contracts.fund.FundDisbursedV1;
import org.fupin.contracts.fund.FundRecalledV1;
import org.fupin.contracts.fund.FundReimbursedV1;
import org.fupin.contracts.fund.FundReimbursementReversedV1;
import org.fupin.platform.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The decisions of the fund ledger (资金台账), plain Java: each method takes what the use case loaded (locked account
 * rows, the project replica, the document) and either returns a {@link Posting} or throws a {@link Refusal} having
 * changed nothing. There is no other way money moves (专款专用):
 * <ul>
 *   <li>{@link #allocate}: lines of an allocation document (lines ≤ document amount; allocated ≤ budget);</li>
 *   <li>{@link #disburse}: to the implementing unit (disbursed ≤ allocated);</li>
 *   <li>{@link #reimburse}: a settled voucher, unique per county (reimbursed ≤ disbursed);</li>
 *   <li>{@link #reverse}: 红字冲销 of a voucher, its whole amount, at most once;</li>
 *   <li>{@link #adjust}: allocated-not-disbursed money from one project to another of the same county and source;</li>
 *   <li>{@link #recall}: the unspent balance of a completed, accepted or cancelled project.</li>
 * </ul>
 * Back-dated entries: an entry that takes money (disbursement, reimbursement, adjustment out, recall) must find it on its
 * own date too, so the figures "as of" any day keep {@code reimbursed ≤ disbursed ≤ allocated}; the use case passes the
 * account's entries dated after the new entry's date ({@code later}; usually none).
 */
public final class FundLedger {

    private final LocalDate today;
    private final Supplier<String> ids;

    /**
     * @param today the business day today (no money moves on a future date)
     * @param ids   new entry and adjustment ids (UUIDs in the service; predictable in tests)
     */
    public FundLedger(LocalDate today, Supplier<String> ids) {
        this.today = today;
        this.ids = ids;
    }

    public static FundLedger now() {
        return new FundLedger(BusinessDate.today(), () -> UUID.randomUUID().toString());
    }

    // ---------------------------------------------------------------------------------------------- allocation

    /** A line of an allocation document as entered: project, source (default: the document's), amount. */
    public record LineInput(String projectId, String source, String amount) {
    }

    /**
     * Spreads an allocation document over projects (资金安排到项目), all lines or none.
     *
     * @param projects the replica's projects by id (a line naming an id not in it is an unknown project, 422)
     * @param accounts the locked accounts of the lines' project × source (absent: opened here with the project's budget)
     * @throws Refusal 400 naming {@code lines[i].field}; 422 {@code unknown-project}, {@code project-cancelled},
     *                 {@code project-outside-county}, {@code exceeds-budget} (naming project, source, excess),
     *                 {@code exceeds-document} (naming the document and the excess); several line refusals at once are
     *                 one 422 {@code lines-refused} listing each
     */
    public Posting allocate(AllocationDocument doc, List<LineInput> lines, Map<String, FundProject> projects,
                            Map<LedgerEntry.AccountKey, Account> accounts) {
        if (lines == null || lines.isEmpty()) {
            throw Refusal.invalid("lines", "at least one line is required");
        }
        List<Refusal.FieldError> invalid = new ArrayList<>();
        List<Money> amounts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            LineInput line = lines.get(i);
            String f = "lines[" + i + "].";
            if (line.projectId() == null || line.projectId().isBlank()) {
                invalid.add(new Refusal.FieldError(f + "projectId", "is required"));
            } else if (!seen.add(line.projectId())) {
                invalid.add(new Refusal.FieldError(f + "projectId", "appears twice in the lines; give one line per project"));
            }
            if (line.source() != null) {
                try {
                    if (FundSource.parse(line.source(), f + "source") != doc.source()) {
                        invalid.add(new Refusal.FieldError(f + "source", "must be the document's source " + doc.source().code()));
                    }
                } catch (Refusal r) {
                    invalid.addAll(r.errors());
                }
            }
            try {
                amounts.add(Amounts.parse(line.amount(), f + "amount"));
            } catch (Refusal r) {
                invalid.addAll(r.errors());
                amounts.add(null);
            }
        }
        if (!invalid.isEmpty()) {
            throw Refusal.invalid(invalid);
        }
        List<Refusal> refused = new ArrayList<>();
        Map<LedgerEntry.AccountKey, Account> after = new LinkedHashMap<>();
        List<LedgerEntry> entries = new ArrayList<>();
        List<Posting.ProjectEvent> events = new ArrayList<>();
        Money total = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            String f = "lines[" + i + "].";
            Money amount = amounts.get(i);
            total = total.plus(amount);
            FundProject p = projects.get(lines.get(i).projectId());
            try {
                checkReceiving(p, lines.get(i).projectId(), f + "projectId");
                if (!p.regionCode().startsWith(doc.receivingCounty().substring(0, 6))) {
                    throw Refusal.unprocessable("project-outside-county", "Project outside the receiving county",
                            "Project " + p.code() + " lies in " + p.regionCode() + ", outside county "
                                    + doc.receivingCounty() + " that receives document " + doc.documentNumber() + ".",
                            f + "projectId").with("projectId", p.id()).with("projectCode", p.code());
                }
                Account acc = account(accounts, p, doc.source());
                acc.checkArrival(p, amount, f + "amount");
                LedgerEntry e = new LedgerEntry(ids.get(), EntryKind.ALLOCATION, p.id(), doc.source(), doc.receivingCounty(),
                        amount, doc.date(), doc.documentNumber(), doc.id(), null, null, null, null, amount, null, null);
                after.put(acc.key(), acc.apply(e));
                entries.add(e);
                events.add(new Posting.ProjectEvent(p.id(), p.regionCode(), new FundAllocatedV1(e.id(), p.id(),
                        p.regionCode(), doc.receivingCounty(), doc.source().code(), amount.toString(), doc.id(),
                        doc.documentNumber(), doc.date(), doc.year(), doc.issuingRegion(), doc.date())));
            } catch (Refusal r) {
                refused.add(r);
            }
        }
        if (total.compareTo(doc.unlined()) > 0) {
            Money excess = total.minus(doc.unlined());
            refused.add(Refusal.unprocessable("exceeds-document", "Lines above the document's amount",
                    "The lines of document " + doc.documentNumber() + " would total " + doc.lined().plus(total)
                            + ", above its amount " + doc.amount() + " by " + excess + ".", "lines")
                    .with("documentId", doc.id()).with("documentNumber", doc.documentNumber())
                    .with("amount", doc.amount().toString()).with("lined", doc.lined().toString())
                    .with("requested", total.toString()).with("excess", excess.toString()));
        }
        if (refused.size() == 1) {
            throw refused.get(0);
        }
        if (!refused.isEmpty()) {
            List<Refusal.FieldError> errors = new ArrayList<>();
            List<Map<String, Object>> each = new ArrayList<>();
            for (Refusal r : refused) {
                errors.addAll(r.errors());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("code", r.code());
                d.put("field", r.field());
                d.putAll(r.details());
                each.add(d);
            }
            throw Refusal.unprocessable("lines-refused", "Allocation refused", refused.size()
                    + " lines of document " + doc.documentNumber() + " were refused.", errors).with("refusals", each);
        }
        return new Posting("fund.allocated", doc.date(), List.copyOf(after.values()), entries,
                doc.withLined(doc.lined().plus(total)), events);
    }

    // ---------------------------------------------------------------------------------------------- disbursement

    /** 拨付: project's source, amount, payment order number and date. */
    public record DisbursementInput(String source, String amount, String paymentOrderNumber, LocalDate date) {
    }

    /**
     * @throws Refusal 400 naming the field; 422 {@code project-cancelled}; 422 {@code exceeds-allocation} naming project,
     *                 source and excess (also {@code not-covered-on-date} for a back-dated payment the money did not yet
     *                 cover)
     */
    public Posting disburse(FundProject p, Account account, DisbursementInput in, Collection<LedgerEntry> later) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        FundSource source = collect(errors, () -> FundSource.parse(in.source(), "source"));
        Money amount = collect(errors, () -> Amounts.parse(in.amount(), "amount"));
        String number = collect(errors, () -> Texts.required(in.paymentOrderNumber(), "paymentOrderNumber", Texts.NUMBER_MAX));
        LocalDate date = collect(errors, () -> BusinessDate.required(in.date(), today, "date"));
        throwIfAny(errors);
        Account acc = current(p, account, source);
        if (p.cancelled()) {
            throw cancelled(p, "projectId", "disburse to");
        }
        if (amount.compareTo(acc.undisbursed()) > 0) {
            throw Refusal.exceeds("exceeds-allocation", "Disbursement above the allocated money", "amount", p, source,
                    acc.undisbursed(), amount).with("allocated", acc.allocated().toString())
                    .with("disbursed", acc.disbursed().toString());
        }
        LedgerEntry e = new LedgerEntry(ids.get(), EntryKind.DISBURSEMENT, p.id(), source, p.countyCode(), amount, date,
                number, null, null, null, null, null, null, amount, null);
        checkEveryDay(p, acc, later, e, "date");
        return single("fund.disbursed", acc, e, p, new FundDisbursedV1(e.id(), p.id(), p.regionCode(), p.countyCode(),
                source.code(), amount.toString(), number, date, date));
    }

    // ---------------------------------------------------------------------------------------------- reimbursement

    /** 报账: a settled voucher. */
    public record ReimbursementInput(String source, String amount, String voucherNumber, LocalDate date, String expenseKind) {
    }

    /**
     * @param voucherNumberTaken whether the county already has a voucher (reversed or not) with this number
     * @throws Refusal 400 naming the field; 409 {@code duplicate-voucher}; 422 {@code exceeds-disbursement} naming project,
     *                 source and excess (or {@code not-covered-on-date})
     */
    public Posting reimburse(FundProject p, Account account, ReimbursementInput in, boolean voucherNumberTaken,
                             Collection<LedgerEntry> later) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        FundSource source = collect(errors, () -> FundSource.parse(in.source(), "source"));
        Money amount = collect(errors, () -> Amounts.parse(in.amount(), "amount"));
        String number = collect(errors, () -> Texts.required(in.voucherNumber(), "voucherNumber", Texts.NUMBER_MAX));
        LocalDate date = collect(errors, () -> BusinessDate.required(in.date(), today, "date"));
        String kind = collect(errors, () -> Texts.required(in.expenseKind(), "expenseKind", Texts.TEXT_MAX));
        throwIfAny(errors);
        if (voucherNumberTaken) {
            throw Refusal.conflict("duplicate-voucher", "Voucher " + number + " is already recorded in county "
                    + p.countyCode() + "; a voucher number is used once (a reversed voucher keeps its number).",
                    "voucherNumber").with("voucherNumber", number).with("countyCode", p.countyCode());
        }
        Account acc = current(p, account, source);
        if (amount.compareTo(acc.unreimbursed()) > 0) {
            throw Refusal.exceeds("exceeds-disbursement", "Reimbursement above the disbursed money", "amount", p, source,
                    acc.unreimbursed(), amount).with("disbursed", acc.disbursed().toString())
                    .with("reimbursed", acc.reimbursed().toString());
        }
        LedgerEntry e = new LedgerEntry(ids.get(), EntryKind.REIMBURSEMENT, p.id(), source, p.countyCode(), amount, date,
                number, null, null, null, null, kind, null, null, amount);
        checkEveryDay(p, acc, later, e, "date");
        return single("fund.reimbursed", acc, e, p, new FundReimbursedV1(e.id(), p.id(), p.regionCode(), p.countyCode(),
                source.code(), amount.toString(), number, date, kind, date));
    }

    // ---------------------------------------------------------------------------------------------- reversal

    /** 红字冲销: why and when; {@code amount} optional, and if given it must be the voucher's. */
    public record ReversalInput(String reason, LocalDate date, String amount) {
    }

    /**
     * Reverses a voucher by a new entry referencing it. Nothing is edited or deleted; the voucher stays, marked reversed by
     * the reversal's existence.
     *
     * @param voucher       the entry to reverse (must be a {@link EntryKind#REIMBURSEMENT})
     * @param alreadyReversed whether a reversal referencing it exists (the store also keeps a unique index on it)
     * @throws Refusal 400 naming the field; 409 {@code already-reversed}; 422 {@code not-a-voucher},
     *                 {@code reversal-amount}
     */
    public Posting reverse(FundProject p, Account account, LedgerEntry voucher, boolean alreadyReversed, ReversalInput in) {
        if (voucher.kind() != EntryKind.REIMBURSEMENT) {
            throw Refusal.unprocessable("not-a-voucher", "Not a voucher", "Only a reimbursement voucher can be reversed; entry "
                    + voucher.id() + " is " + voucher.kind() + ".", "voucherId").with("kind", voucher.kind().name());
        }
        if (!voucher.projectId().equals(p.id())) {
            throw new IllegalArgumentException("voucher " + voucher.id() + " is not of project " + p.id());
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        String reason = collect(errors, () -> Texts.required(in.reason(), "reason", Texts.TEXT_MAX));
        LocalDate date = collect(errors, () -> BusinessDate.required(in.date(), today, "date"));
        Money given = collect(errors, () -> Amounts.optional(in.amount(), "amount"));
        if (date != null && date.isBefore(voucher.date())) {
            errors.add(new Refusal.FieldError("date", "must not be before the voucher's date " + voucher.date()));
        }
        throwIfAny(errors);
        if (alreadyReversed) {
            throw Refusal.conflict("already-reversed", "Voucher " + voucher.number() + " was already reversed; a voucher is "
                    + "reversed once.", "voucherId").with("voucherNumber", voucher.number()).with("voucherId", voucher.id());
        }
        if (given != null && given.compareTo(voucher.amount()) != 0) {
            throw Refusal.unprocessable("reversal-amount", "A reversal is for the voucher's whole amount", "Voucher "
                    + voucher.number() + " is of " + voucher.amount() + "; a reversal is for that amount, not " + given
                    + ". Reverse it and record the right voucher.", "amount").with("voucherAmount", voucher.amount().toString());
        }
        Account acc = current(p, account, voucher.source());
        Money amount = voucher.amount();
        LedgerEntry e = new LedgerEntry(ids.get(), EntryKind.REVERSAL, p.id(), voucher.source(), voucher.countyCode(), amount,
                date, voucher.number(), null, voucher.id(), null, reason, null, null, null, Money.ZERO.minus(amount));
        return single("fund.reimbursement-reversed", acc, e, p, new FundReimbursementReversedV1(e.id(), voucher.id(), p.id(),
                p.regionCode(), voucher.countyCode(), voucher.source().code(), amount.toString(), voucher.number(),
                voucher.date(), reason, date));
    }

    // ---------------------------------------------------------------------------------------------- adjustment

    /** 资金调整: source, amount, the approving document and the reason. */
    public record AdjustmentInput(String source, String amount, String documentNumber, LocalDate documentDate, String reason) {
    }

    /**
     * Moves allocated-not-disbursed money of one source from project {@code from} to project {@code to} of the same
     * county; both sides are recorded (two entries sharing one adjustment id, one event per side). Lock the two accounts
     * in {@link LedgerEntry.AccountKey} order.
     *
     * @param laterFrom the giving account's entries dated after the document's date
     * @throws Refusal 400 naming the field (also {@code toProjectId} for the same project); 422 {@code different-county},
     *                 {@code project-cancelled} (receiving side), {@code exceeds-undisbursed} (giving side) or
     *                 {@code exceeds-budget} (receiving side), each naming the project, the source and the excess
     */
    public Posting adjust(FundProject from, FundProject to, Account fromAccount, Account toAccount, AdjustmentInput in,
                          Collection<LedgerEntry> laterFrom) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        FundSource source = collect(errors, () -> FundSource.parse(in.source(), "source"));
        Money amount = collect(errors, () -> Amounts.parse(in.amount(), "amount"));
        String number = collect(errors, () -> Texts.required(in.documentNumber(), "documentNumber", Texts.NUMBER_MAX));
        LocalDate date = collect(errors, () -> BusinessDate.required(in.documentDate(), today, "documentDate"));
        String reason = collect(errors, () -> Texts.required(in.reason(), "reason", Texts.TEXT_MAX));
        if (from.id().equals(to.id())) {
            errors.add(new Refusal.FieldError("toProjectId", "must be another project than the one the money leaves"));
        }
        throwIfAny(errors);
        if (!from.countyCode().equals(to.countyCode())) {
            throw Refusal.unprocessable("different-county", "Adjustment across counties", "Money moves only between projects "
                    + "of one county: " + from.code() + " is in " + from.countyCode() + ", " + to.code() + " in "
                    + to.countyCode() + ".", "toProjectId").with("fromCounty", from.countyCode()).with("toCounty", to.countyCode());
        }
        if (to.cancelled()) {
            throw cancelled(to, "toProjectId", "move money to");
        }
        Account out = current(from, fromAccount, source);
        Account in2 = current(to, toAccount, source);
        if (amount.compareTo(out.undisbursed()) > 0) {
            throw Refusal.exceeds("exceeds-undisbursed", "Adjustment above the allocated, not disbursed money", "amount",
                    from, source, out.undisbursed(), amount).with("allocated", out.allocated().toString())
                    .with("disbursed", out.disbursed().toString());
        }
        in2.checkArrival(to, amount, "amount");
        String adjustmentId = ids.get();
        LedgerEntry o = new LedgerEntry(ids.get(), EntryKind.ADJUSTMENT_OUT, from.id(), source, from.countyCode(), amount,
                date, number, null, adjustmentId, to.id(), reason, null, Money.ZERO.minus(amount), null, null);
        LedgerEntry i = new LedgerEntry(ids.get(), EntryKind.ADJUSTMENT_IN, to.id(), source, to.countyCode(), amount, date,
                number, null, adjustmentId, from.id(), reason, null, amount, null, null);
        checkEveryDay(from, out, laterFrom, o, "documentDate");
        List<Posting.ProjectEvent> events = List.of(
                new Posting.ProjectEvent(from.id(), from.regionCode(), new FundAllocationAdjustedV1(o.id(), adjustmentId,
                        from.id(), from.regionCode(), from.countyCode(), source.code(), "OUT", amount.toString(), to.id(),
                        number, date, reason, date)),
                new Posting.ProjectEvent(to.id(), to.regionCode(), new FundAllocationAdjustedV1(i.id(), adjustmentId,
                        to.id(), to.regionCode(), to.countyCode(), source.code(), "IN", amount.toString(), from.id(),
                        number, date, reason, date)));
        return new Posting("fund.allocation-adjusted", date, List.of(out.apply(o), in2.apply(i)), List.of(o, i), null, events);
    }

    // ---------------------------------------------------------------------------------------------- recall

    /** 结余资金收回: source, amount (default: the whole balance), the document, remarks. */
    public record RecallInput(String source, String amount, String documentNumber, LocalDate documentDate, String remarks) {
    }

    /**
     * Recalls unspent money (allocated − reimbursed) of a completed, accepted or cancelled project: the part not disbursed
     * first, then the part the unit pays back (缴回).
     *
     * @param later the account's entries dated after the document's date: a recall settles the account as it stands, so
     *              any such entry refuses it (422 {@code recall-backdated})
     * @throws Refusal 400 naming the field; 409 {@code project-not-closed}; 422 {@code nothing-to-recall},
     *                 {@code recall-backdated}, {@code exceeds-balance} naming project, source and excess
     */
    public Posting recall(FundProject p, Account account, RecallInput in, Collection<LedgerEntry> later) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        FundSource source = collect(errors, () -> FundSource.parse(in.source(), "source"));
        Money given = collect(errors, () -> Amounts.optional(in.amount(), "amount"));
        String number = collect(errors, () -> Texts.required(in.documentNumber(), "documentNumber", Texts.NUMBER_MAX));
        LocalDate date = collect(errors, () -> BusinessDate.required(in.documentDate(), today, "documentDate"));
        String remarks = collect(errors, () -> Texts.optional(in.remarks(), "remarks", Texts.TEXT_MAX));
        throwIfAny(errors);
        if (!p.stage().isClosed()) {
            throw Refusal.conflict("project-not-closed", "Project " + p.code() + " is " + p.stage() + "; unspent money is "
                    + "recalled from a completed, accepted or cancelled project.", "projectId")
                    .with("projectId", p.id()).with("stage", p.stage().name());
        }
        LocalDate latest = later.stream().map(LedgerEntry::date).filter(x -> x.isAfter(date)).max(LocalDate::compareTo)
                .orElse(null);
        if (latest != null) {
            // the split into undisbursed and paid-back money is the account's as it stands: a recall closes the account
            throw Refusal.unprocessable("recall-backdated", "Recall dated before the account's latest entry", "A recall "
                    + "settles the account as it stands; its date must not be before the latest entry of project "
                    + p.code() + ", source " + source.code() + " (" + latest + ").", "documentDate")
                    .with("projectId", p.id()).with("source", source.code()).with("latestEntryDate", latest.toString());
        }
        Account acc = current(p, account, source);
        if (acc.balance().amount().signum() == 0) {
            throw Refusal.unprocessable("nothing-to-recall", "Nothing to recall", "Project " + p.code() + " has no unspent "
                    + source.code() + " money.", "source").with("projectId", p.id()).with("source", source.code());
        }
        Money amount = given == null ? acc.balance() : given;
        if (amount.compareTo(acc.balance()) > 0) {
            throw Refusal.exceeds("exceeds-balance", "Recall above the unspent balance", "amount", p, source, acc.balance(),
                    amount).with("allocated", acc.allocated().toString()).with("reimbursed", acc.reimbursed().toString());
        }
        Money undisbursed = Amounts.min(amount, acc.undisbursed());
        Money returned = amount.minus(undisbursed);
        LedgerEntry e = new LedgerEntry(ids.get(), EntryKind.RECALL, p.id(), source, p.countyCode(), amount, date, number,
                null, null, null, remarks, null, Money.ZERO.minus(amount), Money.ZERO.minus(returned), null);
        return single("fund.recalled", acc, e, p, new FundRecalledV1(e.id(), p.id(), p.regionCode(), p.countyCode(),
                source.code(), amount.toString(), undisbursed.toString(), returned.toString(), p.stage().name(), number,
                date, date));
    }

    // ---------------------------------------------------------------------------------------------- shared

    private static void checkReceiving(FundProject p, String id, String field) {
        if (p == null) {
            throw Refusal.unprocessable("unknown-project", "Unknown project", "No project " + id + " in the library.", field)
                    .with("projectId", id);
        }
        if (p.cancelled()) {
            throw cancelled(p, field, "allocate to");
        }
    }

    private static Refusal cancelled(FundProject p, String field, String action) {
        return Refusal.unprocessable("project-cancelled", "Project cancelled", "Project " + p.code() + " is cancelled; "
                + "cannot " + action + " it.", field).with("projectId", p.id()).with("projectCode", p.code());
    }

    /** The account with the replica's current budget; opened when the project × source has none yet. */
    private static Account current(FundProject p, Account account, FundSource source) {
        Account a = account == null ? Account.open(p, source) : account;
        if (!a.projectId().equals(p.id()) || a.source() != source) {
            throw new IllegalArgumentException("account " + a.key() + " is not " + p.id() + "/" + source.code());
        }
        return a.withBudget(p.budget(source));
    }

    private static Account account(Map<LedgerEntry.AccountKey, Account> accounts, FundProject p, FundSource source) {
        return current(p, accounts.get(new LedgerEntry.AccountKey(p.id(), source)), source);
    }

    private static Posting single(String action, Account acc, LedgerEntry e, FundProject p, Object event) {
        return new Posting(action, e.date(), List.of(acc.apply(e)), List.of(e), null,
                List.of(new Posting.ProjectEvent(p.id(), p.regionCode(), event)));
    }

    /**
     * The figures at the end of every day from the entry's date on, with the entry, keep 0 ≤ reimbursed ≤ disbursed ≤
     * allocated: now − Σ(entries dated after that day) + the entry.
     */
    static void checkEveryDay(FundProject p, Account now, Collection<LedgerEntry> later, LedgerEntry candidate, String field) {
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(candidate.date());
        for (LedgerEntry e : later) {
            if (e.date().isAfter(candidate.date())) {
                days.add(e.date());
            }
        }
        for (LocalDate day : days) {
            Money a = now.allocated().plus(candidate.allocatedDelta());
            Money d = now.disbursed().plus(candidate.disbursedDelta());
            Money r = now.reimbursed().plus(candidate.reimbursedDelta());
            for (LedgerEntry e : later) {
                if (e.date().isAfter(day)) {
                    a = a.minus(e.allocatedDelta());
                    d = d.minus(e.disbursedDelta());
                    r = r.minus(e.reimbursedDelta());
                }
            }
            Money excess = null;
            String what = null;
            if (d.compareTo(a) > 0) {
                excess = d.minus(a);
                what = "disbursed above allocated";
            } else if (r.compareTo(d) > 0) {
                excess = r.minus(d);
                what = "reimbursed above disbursed";
            } else if (r.isNegative()) {
                excess = Money.ZERO.minus(r);
                what = "reimbursed below zero";
            }
            if (excess != null) {
                String message = "On " + day + " project " + p.code() + ", source " + candidate.source().code() + " would have "
                        + what + " by " + excess + " (allocated " + a + ", disbursed " + d + ", reimbursed " + r
                        + "): the money was not there on " + candidate.date() + ".";
                throw Refusal.unprocessable("not-covered-on-date", "Not covered on that date", message, field)
                        .with("projectId", p.id()).with("projectCode", p.code()).with("source", candidate.source().code())
                        .with("day", day.toString()).with("excess", excess.toString());
            }
        }
    }

    private static <T> T collect(List<Refusal.FieldError> errors, Supplier<T> check) {
        try {
            return check.get();
        } catch (Refusal r) {
            errors.addAll(r.errors());
            return null;
        }
    }

    private static void throwIfAny(List<Refusal.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }
}
