package org.fupin.fund.domain;

import org.fupin.platform.money.Money;

import java.util.Objects;

/**
 * The figures of one project × source (资金台账): its budget (from the project replica), and what was allocated (下达),
 * disbursed (拨付) and reimbursed (报账). Always {@code 0 ≤ reimbursed ≤ disbursed ≤ allocated}: no instance breaks it
 * (stored rows get the same check constraint). {@code allocated ≤ budget} is checked when money arrives; when the project's
 * budget is later adjusted below what is allocated the account is in overrun ({@link #overrun()}): visible, and no more
 * money may arrive, but nothing already recorded is undone.
 */
public record Account(String projectId, FundSource source, Money budget, Money allocated, Money disbursed, Money reimbursed) {

    public Account {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(source, "source");
        budget = budget == null ? Money.ZERO : budget;
        allocated = allocated == null ? Money.ZERO : allocated;
        disbursed = disbursed == null ? Money.ZERO : disbursed;
        reimbursed = reimbursed == null ? Money.ZERO : reimbursed;
        if (budget.isNegative() || reimbursed.isNegative() || reimbursed.compareTo(disbursed) > 0
                || disbursed.compareTo(allocated) > 0) {
            throw new IllegalStateException("account " + projectId + "/" + source.code() + " breaks 0 ≤ reimbursed ("
                    + reimbursed + ") ≤ disbursed (" + disbursed + ") ≤ allocated (" + allocated + ")");
        }
    }

    /** A new, empty account with the project's budget for the source. */
    public static Account open(FundProject project, FundSource source) {
        return new Account(project.id(), source, project.budget(source), Money.ZERO, Money.ZERO, Money.ZERO);
    }

    public LedgerEntry.AccountKey key() {
        return new LedgerEntry.AccountKey(projectId, source);
    }

    /** 结余: allocated money not (yet) spent, i.e. allocated − reimbursed. */
    public Money balance() {
        return allocated.minus(reimbursed);
    }

    /** 未拨付: allocated − disbursed, what may still be disbursed, adjusted away or recalled without the unit paying back. */
    public Money undisbursed() {
        return allocated.minus(disbursed);
    }

    /** 已拨未报: disbursed − reimbursed, what the unit holds without vouchers yet. */
    public Money unreimbursed() {
        return disbursed.minus(reimbursed);
    }

    /** How far allocated exceeds the budget (after the budget was adjusted down), else zero. */
    public Money overrun() {
        return Amounts.max(Money.ZERO, allocated.minus(budget));
    }

    public boolean inOverrun() {
        return allocated.compareTo(budget) > 0;
    }

    /** What may still be allocated: budget − allocated, never negative. */
    public Money headroom() {
        return Amounts.max(Money.ZERO, budget.minus(allocated));
    }

    /** The same account with the replica's current budget (a project adjustment may lower it below allocated). */
    public Account withBudget(Money newBudget) {
        return new Account(projectId, source, newBudget, allocated, disbursed, reimbursed);
    }

    /** The account after an entry (the entry was decided by {@link FundLedger}, which checked the rules). */
    public Account apply(LedgerEntry e) {
        if (!e.key().equals(key())) {
            throw new IllegalArgumentException("entry of " + e.key() + " applied to " + key());
        }
        return new Account(projectId, source, budget, allocated.plus(e.allocatedDelta()), disbursed.plus(e.disbursedDelta()),
                reimbursed.plus(e.reimbursedDelta()));
    }

    /** Money arriving (a line or the receiving side of an adjustment) must stay within the budget (422). */
    void checkArrival(FundProject project, Money amount, String field) {
        if (allocated.plus(amount).compareTo(budget) > 0) {
            throw Refusal.exceeds("exceeds-budget", "Allocation above the project's budget", field, project, source,
                    headroom(), amount, allocated.plus(amount).minus(budget)).with("budget", budget.toString()).with("allocated", allocated.toString())
                    .with("overrun", overrun().toString());
        }
    }
}
