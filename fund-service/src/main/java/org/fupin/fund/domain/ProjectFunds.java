package org.fupin.fund.domain;

import org.fupin.platform.money.Money;
import org.fupin.platform.money.Rate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A project's fund view (项目资金台账): per source its budget, allocated, disbursed, reimbursed, balance (结余 = allocated −
 * reimbursed), undisbursed, and the overrun when the budget was adjusted below the allocated money; the totals; the
 * disbursement rate (拨付率 = disbursed ÷ allocated) and the fund utilisation rate (资金使用率 = reimbursed ÷ allocated),
 * undefined when nothing was allocated. Sources with a budget but no account yet show zeros.
 */
public record ProjectFunds(String projectId, List<Line> sources, Line total, boolean inOverrun) {

    public record Line(String source, Money budget, Money allocated, Money disbursed, Money reimbursed, Money balance,
                       Money undisbursed, Money overrun, Rate disbursementRate, Rate utilisationRate) {
        static Line of(String source, Money budget, Money allocated, Money disbursed, Money reimbursed, Money overrun) {
            return new Line(source, budget, allocated, disbursed, reimbursed, allocated.minus(reimbursed),
                    allocated.minus(disbursed), overrun, Rate.of(disbursed, allocated), Rate.of(reimbursed, allocated));
        }
    }

    /** The view from the replica's project and its accounts (each account's budget is replaced by the replica's). */
    public static ProjectFunds of(FundProject project, Collection<Account> accounts) {
        List<Account> all = new ArrayList<>();
        for (Account a : accounts) {
            if (!a.projectId().equals(project.id())) {
                throw new IllegalArgumentException("account " + a.key() + " is not of project " + project.id());
            }
            all.add(a.withBudget(project.budget(a.source())));
        }
        project.budget().forEach((source, amount) -> {
            if (all.stream().noneMatch(a -> a.source() == source)) {
                all.add(Account.open(project, source));
            }
        });
        all.sort(Comparator.comparing(Account::source));
        List<Line> lines = new ArrayList<>();
        Money b = Money.ZERO;
        Money al = Money.ZERO;
        Money d = Money.ZERO;
        Money r = Money.ZERO;
        Money o = Money.ZERO;
        for (Account a : all) {
            lines.add(Line.of(a.source().code(), a.budget(), a.allocated(), a.disbursed(), a.reimbursed(), a.overrun()));
            b = b.plus(a.budget());
            al = al.plus(a.allocated());
            d = d.plus(a.disbursed());
            r = r.plus(a.reimbursed());
            o = o.plus(a.overrun());
        }
        return new ProjectFunds(project.id(), List.copyOf(lines), Line.of(null, b, al, d, r, o), o.amount().signum() > 0);
    }
}
