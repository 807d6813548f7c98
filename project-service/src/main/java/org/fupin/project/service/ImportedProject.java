package org.fupin.project.service;

import org.fupin.project.domain.ProjectData;
import org.fupin.project.domain.ProjectLifecycle;

import java.util.List;

/**
 * One project of a bulk import (a row of xlsx/CSV, a line of NDJSON), as the import's parser read it: the record, the
 * stage it had reached with its stage dates, documents and latest progress, and the codes of its beneficiary households
 * (带贫户; empty when none). See {@link ProjectService#importProject}.
 */
public record ImportedProject(ProjectData data, ProjectLifecycle.ImportedState state, List<String> beneficiaryCodes) {
    public ImportedProject {
        beneficiaryCodes = beneficiaryCodes == null ? List.of() : List.copyOf(beneficiaryCodes);
    }
}
