package org.fupin.household.service;

import java.util.List;
import java.util.function.Function;

/** One page of a query's results and the total count. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public <R> ResultPage<R> map(Function<T, R> f) {
        return new ResultPage<>(items.stream().map(f).toList(), page, size, total);
    }
}
