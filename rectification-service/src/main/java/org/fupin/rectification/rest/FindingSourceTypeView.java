package org.fupin.rectification.rest;

import org.fupin.rectification.service.FindingSourceTypeEntry;

/** A finding source type as the API shows it. */
public record FindingSourceTypeView(String code, String nameZh, String nameEn, int sortOrder) {

    static FindingSourceTypeView of(FindingSourceTypeEntry e) {
        return new FindingSourceTypeView(e.code(), e.nameZh(), e.nameEn(), e.sortOrder());
    }
}
