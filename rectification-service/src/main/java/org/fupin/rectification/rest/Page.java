package org.fupin.rectification.rest;

import org.fupin.rectification.service.ResultPage;

import java.util.List;

/** One page of a list: the items, the page number (from 0), the page size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(ResultPage<T> p) {
        return new Page<>(p.items(), p.page(), p.size(), p.total());
    }
}
