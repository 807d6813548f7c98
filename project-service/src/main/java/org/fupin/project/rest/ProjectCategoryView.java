package org.fupin.project.rest;

import org.fupin.project.service.ProjectCategoryEntry;

/** A project category as the API shows it. */
public record ProjectCategoryView(String code, String nameZh, String nameEn, boolean needsBeneficiaries, int sortOrder) {

    static ProjectCategoryView of(ProjectCategoryEntry e) {
        return new ProjectCategoryView(e.code(), e.nameZh(), e.nameEn(), e.needsBeneficiaries(), e.sortOrder());
    }
}
