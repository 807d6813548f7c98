package org.fupin.household.rest;

import org.fupin.household.service.ResultPage;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, int page, int size, long total) {

    public static <S, T> Page<T> of(ResultPage<S> p, Function<S, T> item) {
        return new Page<>(p.items().stream().map(item).toList(), p.page(), p.size(), p.total());
    }
}
