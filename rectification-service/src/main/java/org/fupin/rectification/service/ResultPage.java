package org.fupin.rectification.service;

import java.util.List;

/** One page of a query's results and the total count. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
}
