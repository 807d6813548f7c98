package org.fupin.rectification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.rectification.repository.FindingSourceTypeRepository;

import java.util.List;

@ApplicationScoped
public class FindingSourceTypeService {

    @Inject
    FindingSourceTypeRepository types;

    /** All finding source types in display order; the same for every region. */
    @Transactional
    public List<FindingSourceTypeEntry> list() {
        return types.listInOrder().stream()
                .map(t -> new FindingSourceTypeEntry(t.code, t.nameZh, t.nameEn, t.sortOrder))
                .toList();
    }
}
