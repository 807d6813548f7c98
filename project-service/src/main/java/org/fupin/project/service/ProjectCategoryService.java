package org.fupin.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.project.repository.ProjectCategoryRepository;

import java.util.List;

@ApplicationScoped
public class ProjectCategoryService {

    @Inject
    ProjectCategoryRepository categories;

    /** All project categories in display order; the same for every region. */
    @Transactional
    public List<ProjectCategoryEntry> list() {
        return categories.listInOrder().stream()
                .map(c -> new ProjectCategoryEntry(c.code, c.nameZh, c.nameEn, c.needsBeneficiaries, c.sortOrder))
                .toList();
    }
}
