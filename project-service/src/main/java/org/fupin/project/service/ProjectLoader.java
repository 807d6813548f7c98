package org.fupin.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.fupin.platform.http.ETags;
import org.fupin.platform.problem.ApiProblem;
import org.fupin.platform.region.RegionScope;
import org.fupin.project.repository.Project;
import org.fupin.project.repository.ProjectRepository;

import java.util.UUID;

/** The first step of every use case: the project, inside the caller's region (404 outside), locked when it changes. */
@ApplicationScoped
public class ProjectLoader {

    @Inject
    ProjectRepository projects;
    @Inject
    RegionScope region;

    /** To change it: locked, readable and writable by the caller. The version is checked by {@link #requireVersion}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Project forChange(UUID id) {
        Project p = projects.findForUpdate(id).orElseThrow(() -> ApiProblem.notFound("project", id));
        region.requireReadable(p.regionCode, "project", id);
        region.requireWritable(p.regionCode, "regionCode");
        return p;
    }

    /** If-Match, when sent, must name the current version (412 otherwise); without it the change goes ahead. */
    public static void requireVersion(String ifMatch, Project p) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            ETags.requireMatch(ifMatch, p.version);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Project forRead(UUID id) {
        Project p = projects.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("project", id));
        region.requireReadable(p.regionCode, "project", id);
        return p;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Project byCode(String code) {
        Project p = projects.findByCode(code).orElseThrow(() -> ApiProblem.notFound("project", code));
        region.requireReadable(p.regionCode, "project", code);
        return p;
    }
}
