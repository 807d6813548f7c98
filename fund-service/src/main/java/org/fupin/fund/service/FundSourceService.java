package org.fupin.fund.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.fund.repository.FundSourceRepository;

import java.util.List;

@ApplicationScoped
public class FundSourceService {

    @Inject
    FundSourceRepository sources;

    /** All fund sources in display order; the same for every region. */
    @Transactional
    public List<FundSourceEntry> list() {
        return sources.listInOrder().stream()
                .map(s -> new FundSourceEntry(s.code, s.nameZh, s.nameEn, s.governmentLevel, s.sortOrder))
                .toList();
    }
}
