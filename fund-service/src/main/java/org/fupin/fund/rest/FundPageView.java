package org.fupin.fund.rest;

import org.fupin.fund.service.FundQueryResults;

import java.util.List;

/** One page of a fund list: the items, the page number (from 0), the page size and the total count. */
public record FundPageView<T>(List<T> items, int page, int size, long total) {

    static <T> FundPageView<T> of(FundQueryResults.ResultPage<T> p) {
        return new FundPageView<>(p.items(), p.page(), p.size(), p.total());
    }
}
