package org.fupin.project.domain;

import org.fupin.platform.money.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A project's budget (预算总投资) split by fund source: yuan with two decimals, each amount ≥ 0, at most
 * {@value Money#MAX_INTEGER_DIGITS} digits before the point (platform {@link Money}). The total is the sum of the split
 * and is never entered separately. Sources without money are left out, so two splits with the same money are equal.
 */
public final class BudgetSplit {

    private static final BudgetSplit EMPTY = new BudgetSplit(new EnumMap<>(FundSource.class));

    private final Map<FundSource, Money> amounts;
    private final Money total;

    private BudgetSplit(EnumMap<FundSource, Money> amounts) {
        this.amounts = Collections.unmodifiableMap(amounts);
        Money sum = Money.ZERO;
        for (Money m : amounts.values()) {
            sum = sum.plus(m);
        }
        this.total = sum;
    }

    public static BudgetSplit empty() {
        return EMPTY;
    }

    /**
     * A split from amounts already parsed (stored values, tests).
     *
     * @throws Refusal (400) naming {@code budget.<source>} for a negative amount, or {@code budget} when the total is
     *                 larger than an amount may be
     */
    public static BudgetSplit of(Map<FundSource, Money> amounts) {
        EnumMap<FundSource, Money> m = new EnumMap<>(FundSource.class);
        List<Refusal.FieldError> errors = new ArrayList<>();
        amounts.forEach((source, amount) -> {
            Objects.requireNonNull(source, "source");
            if (amount == null) {
                errors.add(new Refusal.FieldError("budget." + source.code(), "must be an amount"));
            } else if (amount.isNegative()) {
                errors.add(new Refusal.FieldError("budget." + source.code(), "must not be negative"));
            } else if (amount.amount().signum() > 0) {
                m.put(source, amount);
            }
        });
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        BudgetSplit split = new BudgetSplit(m);
        if (split.total.compareTo(Money.MAX) > 0) {
            throw Refusal.invalid("budget", "the total of the split must not exceed " + Money.MAX + " yuan");
        }
        return split;
    }

    /**
     * The split as the API takes it: fund-source code → decimal string ("1234.50"). A null map is an empty split.
     *
     * @throws Refusal (400) naming each wrong entry ({@code <field>.<code>}): unknown source, not an amount, negative
     */
    public static BudgetSplit parse(Map<String, String> input, String field) {
        if (input == null || input.isEmpty()) {
            return EMPTY;
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        EnumMap<FundSource, Money> m = new EnumMap<>(FundSource.class);
        input.forEach((code, text) -> {
            String name = field + "." + code;
            var source = FundSource.ofCode(code);
            if (source.isEmpty()) {
                errors.add(new Refusal.FieldError(name, "total".equalsIgnoreCase(code)
                        ? "the total is the sum of the split and is never entered"
                        : "unknown fund source; one of " + codes()));
                return;
            }
            try {
                Money amount = Money.of(text);
                if (amount.isNegative()) {
                    errors.add(new Refusal.FieldError(name, "must not be negative"));
                } else {
                    m.put(source.get(), amount);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new Refusal.FieldError(name, e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        try {
            return of(m);
        } catch (Refusal r) {
            throw Refusal.invalid(field, r.errors().get(0).message());
        }
    }

    private static List<String> codes() {
        List<String> l = new ArrayList<>();
        for (FundSource s : FundSource.values()) {
            l.add(s.code());
        }
        return l;
    }

    /** The sum of the split. */
    public Money total() {
        return total;
    }

    /** The amount of one source (zero when absent). */
    public Money amount(FundSource source) {
        return amounts.getOrDefault(source, Money.ZERO);
    }

    /** The sources with money, in fund-service's order. */
    public Map<FundSource, Money> amounts() {
        return amounts;
    }

    public boolean isEmpty() {
        return amounts.isEmpty();
    }

    /** For events and views: fund-source code → decimal string, in fund-service's order. */
    public Map<String, String> byCode() {
        Map<String, String> m = new LinkedHashMap<>();
        amounts.forEach((s, a) -> m.put(s.code(), a.toString()));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BudgetSplit b && b.amounts.equals(amounts);
    }

    @Override
    public int hashCode() {
        return amounts.hashCode();
    }

    @Override
    public String toString() {
        return byCode() + " = " + total;
    }
}
