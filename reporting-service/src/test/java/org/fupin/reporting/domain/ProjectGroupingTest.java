package org.fupin.reporting.domain;

import org.fupin.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** groupBy and the report's filters: parsing, region levels and row order. */
class ProjectGroupingTest {

    @Test
    void groupings() {
        assertEquals(ProjectGrouping.YEAR, ProjectGrouping.parse("year", "groupBy"));
        assertEquals(ProjectGrouping.REGION, ProjectGrouping.parse(" region ", "groupBy"));
        assertNull(ProjectGrouping.parse(null, "groupBy"));
        assertNull(ProjectGrouping.parse(" ", "groupBy"));
        ApiProblem p = assertThrows(ApiProblem.class, () -> ProjectGrouping.parse("month", "groupBy"));
        assertEquals(400, p.status());
        assertEquals("groupBy", p.errors().get(0).field());
        assertThrows(ApiProblem.class, () -> ProjectGrouping.parse("YEAR", "groupBy"));
    }

    @Test
    void regionsOneLevelDown() {
        assertEquals(2, ProjectGrouping.childLength("", "groupBy"));
        assertEquals(4, ProjectGrouping.childLength("46", "groupBy"));
        assertEquals(6, ProjectGrouping.childLength("4601", "groupBy"));
        assertEquals(9, ProjectGrouping.childLength("460101", "groupBy"));
        assertEquals(12, ProjectGrouping.childLength("460101001", "groupBy"));
        assertEquals("groupBy", assertThrows(ApiProblem.class, () -> ProjectGrouping.childLength("460101001001", "groupBy"))
                .errors().get(0).field());
        assertEquals("460101001", ProjectGrouping.regionGroup("460101001"));
        assertEquals("460101", ProjectGrouping.regionGroup("460101000"), "built at the county itself: the county's row");
        assertEquals("4601", ProjectGrouping.regionGroup("460100"));
        assertEquals("460101001001", ProjectGrouping.regionGroup("460101001001"));
    }

    @Test
    void rowOrder() {
        List<String> years = new ArrayList<>(Arrays.asList("2020", "2019", "2100"));
        years.sort(ProjectGrouping.YEAR.order());
        assertEquals(List.of("2019", "2020", "2100"), years);
        List<String> stages = new ArrayList<>(Arrays.asList("CANCELLED", "ACCEPTED", "PLANNED", "TENDERING"));
        stages.sort(ProjectGrouping.STAGE.order());
        assertEquals(List.of("PLANNED", "TENDERING", "ACCEPTED", "CANCELLED"), stages);
        List<String> batches = new ArrayList<>(Arrays.asList(null, "second", "first"));
        batches.sort(ProjectGrouping.BATCH.order());
        assertEquals(Arrays.asList("first", "second", null), batches);
    }

    @Test
    void filters() {
        assertEquals(new ProjectReportFilter(2019, "industry", "first"), ProjectReportFilter.parse("2019", " industry ", "first"));
        assertEquals(new ProjectReportFilter(null, null, null), ProjectReportFilter.parse(null, "", " "));
        assertEquals("year", assertThrows(ApiProblem.class, () -> ProjectReportFilter.parse("19", null, null)).errors().get(0).field());
        assertEquals("category", assertThrows(ApiProblem.class, () -> ProjectReportFilter.parse(null, "Industry", null)).errors().get(0).field());
        assertEquals("batch", assertThrows(ApiProblem.class, () -> ProjectReportFilter.parse(null, null, "b".repeat(51))).errors().get(0).field());
    }
}
